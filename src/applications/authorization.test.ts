/**
 * Who may use every route of applications: each route × each kind of visitor, against an application of a seeker
 * to company A's job. Employers of another company are refused (403 for the job's list, 404 for an application
 * and its file, as if it did not exist); another seeker does not find someone else's application; every POST
 * needs its CSRF token.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../test-support/databases';
import { type Cookies, signInAs } from '../test-support/forms';
import { applicationsSuite, type Person } from './testing';

const ACTORS = [
  'anonymous',
  'seeker',
  'other seeker',
  'employer of A',
  'employer of B',
  'expert',
  'editor',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];

interface Route {
  method: 'GET' | 'POST';
  url: () => string;
  fields?: () => Record<string, string | string[]>;
  /** The answer each actor gets; those not named get 403. */
  expect: Partial<Record<Actor, number>>;
}

describe.each(testEngines)('who may use the applications routes, on $name', (engine) => {
  const { suite, seeker, get, post, apply, applicationOf } = applicationsSuite(engine);
  const cookies = new Map<Actor, Cookies>();
  let owner: Person & { fileId: string | null };
  let applicationId = 0;

  beforeAll(async () => {
    owner = await seeker('林涛', true);
    const other = await seeker('郑爽');
    cookies.set('anonymous', {});
    cookies.set('seeker', owner.cookies);
    cookies.set('other seeker', other.cookies);
    cookies.set('employer of A', suite.employerA.cookies);
    cookies.set('employer of B', suite.employerB.cookies);
    for (const role of ['expert', 'editor', 'admin'] as const)
      cookies.set(role, (await signInAs(suite.t, role)).cookies);
    expect((await apply(suite.jobA, owner, { resume: owner.fileId! })).statusCode).toBe(303);
    applicationId = (await applicationOf(suite.jobA, owner.user.id)).id;
  });

  const signIn = { anonymous: 303 } as const;
  const signInPost = { anonymous: 401 } as const;
  const ROUTES: Record<string, Route> = {
    'the apply page': {
      method: 'GET',
      url: () => `/jobs/${suite.jobA}/apply`,
      expect: { ...signIn, seeker: 200, 'other seeker': 200 },
    },
    'applying (refusals only: the seeker already applied)': {
      method: 'POST',
      url: () => `/jobs/${suite.jobA}/apply`,
      fields: () => ({ resume: 'profile' }),
      expect: { ...signInPost, seeker: 409, 'other seeker': 303 },
    },
    'my applications': {
      method: 'GET',
      url: () => '/account/applications',
      expect: { ...signIn, seeker: 200, 'other seeker': 200 },
    },
    'withdrawing (someone else’s)': {
      method: 'POST',
      url: () => `/account/applications/${applicationId}/withdraw`,
      expect: { ...signInPost, seeker: 303, 'other seeker': 404 },
    },
    'a job’s applicants': {
      method: 'GET',
      url: () => `/employer/jobs/${suite.jobA}/applicants`,
      expect: { ...signIn, 'employer of A': 200 },
    },
    'not a fit for a selection': {
      method: 'POST',
      url: () => `/employer/jobs/${suite.jobA}/applicants/not-a-fit`,
      fields: () => ({ ids: [String(applicationId)], message: 'No.' }),
      expect: { ...signInPost, 'employer of A': 303 },
    },
    'an application': {
      method: 'GET',
      url: () => `/employer/applications/${applicationId}`,
      expect: { ...signIn, 'employer of A': 200, 'employer of B': 404 },
    },
    'its file': {
      method: 'GET',
      url: () => `/employer/applications/${applicationId}/file`,
      expect: { ...signIn, 'employer of A': 200, 'employer of B': 404 },
    },
    'a move': {
      method: 'POST',
      url: () => `/employer/applications/${applicationId}/move`,
      fields: () => ({ to: 'offer' }),
      expect: { ...signInPost, 'employer of A': 303, 'employer of B': 404 },
    },
    'a private note': {
      method: 'POST',
      url: () => `/employer/applications/${applicationId}/notes`,
      fields: () => ({ body: 'A note.' }),
      expect: { ...signInPost, 'employer of A': 303, 'employer of B': 404 },
    },
  };

  for (const [name, route] of Object.entries(ROUTES)) {
    it(`${name}: ${route.method} answers each visitor as it should`, async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const actor of ACTORS) {
        expected[actor] = route.expect[actor] ?? 403;
        // A write that would succeed is left for the tests below (the matrix does not change state).
        if (route.method === 'POST' && expected[actor] < 400 && actor !== 'anonymous') {
          delete expected[actor];
          continue;
        }
        const response =
          route.method === 'GET'
            ? await get(route.url(), cookies.get(actor))
            : await post(route.url(), route.fields?.() ?? {}, cookies.get(actor)!);
        answers[actor] = response.statusCode;
        if (actor === 'employer of B' || actor === 'other seeker') expect(response.body).not.toContain('林涛');
      }
      expect(answers).toEqual(expected);
    });
  }

  it('refuses every POST without its CSRF token, even from those allowed', async () => {
    const posts: [string, Record<string, string | string[]>, Cookies][] = [
      [`/jobs/${suite.jobA}/apply`, { resume: 'profile' }, cookies.get('other seeker')!],
      [`/account/applications/${applicationId}/withdraw`, {}, owner.cookies],
      [
        `/employer/jobs/${suite.jobA}/applicants/not-a-fit`,
        { ids: [String(applicationId)], message: '' },
        suite.employerA.cookies,
      ],
      [`/employer/applications/${applicationId}/move`, { to: 'offer' }, suite.employerA.cookies],
      [`/employer/applications/${applicationId}/notes`, { body: 'x' }, suite.employerA.cookies],
    ];
    for (const [url, fields, who] of posts) expect((await post(url, fields, who, true)).statusCode, url).toBe(403);
    expect((await applicationOf(suite.jobA, owner.user.id)).status).toBe('viewed');
  });

  it('lets the employer of A write, and the seeker withdraw their own', async () => {
    const a = suite.employerA.cookies;
    expect((await post(`/employer/applications/${applicationId}/notes`, { body: 'Good.' }, a)).statusCode).toBe(303);
    const invite = { to: 'interview', interviewAt: '2026-12-21T09:00', interviewPlace: 'https://meet.example.com/x' };
    expect((await post(`/employer/applications/${applicationId}/move`, invite, a)).statusCode).toBe(303);
    expect((await post(`/account/applications/${applicationId}/withdraw`, {}, owner.cookies)).statusCode).toBe(303);
    expect((await applicationOf(suite.jobA, owner.user.id)).status).toBe('withdrawn');
  });

  it('keeps the file from a company the seeker has blocked since applying', async () => {
    const blocker = await seeker('黄蕾', true);
    await apply(suite.jobA, blocker, { resume: blocker.fileId!, note: 'Ask me about the Qianhai routes.' });
    const id = (await applicationOf(suite.jobA, blocker.user.id)).id;
    expect((await get(`/employer/applications/${id}/file`, suite.employerA.cookies)).statusCode).toBe(200);
    const list = `/employer/jobs/${suite.jobA}/applicants`;
    const search = `${list}?q=${encodeURIComponent('forklift certificate')}`;
    expect((await get(list, suite.employerA.cookies)).body).toContain('Qianhai routes');
    expect((await get(search, suite.employerA.cookies)).body).toContain('黄蕾');
    await suite.t.modules.resumes.service.block(blocker.user.id, suite.companyA);
    expect((await get(`/employer/applications/${id}/file`, suite.employerA.cookies)).statusCode).toBe(403);
    const page = await get(`/employer/applications/${id}`, suite.employerA.cookies);
    expect(page.body).toContain('blocked your company');
    expect(page.body).not.toContain('13800138000');
    expect(page.body).not.toContain('Qianhai routes');
    // The list shows them by name and stage, as the application page does, without their note; a search over the
    // résumé texts leaves them out.
    const listed = await get(list, suite.employerA.cookies);
    expect(listed.body).toContain('黄蕾');
    expect(listed.body).not.toContain('Qianhai routes');
    const searched = await get(search, suite.employerA.cookies);
    expect(searched.body).toContain('林涛');
    expect(searched.body).not.toContain('黄蕾');
  });
});
