import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, Viewer } from '../../accounts';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const form = (overrides: Record<string, string> = {}) => ({
  titleEn: 'Delivery rider',
  titleZh: '配送骑手',
  descriptionEn: 'Deliver orders in Nanshan.',
  descriptionZh: '在南山区配送订单。',
  city: 'CN-GD-SZ',
  district: 'CN-GD-SZ-NS',
  salaryMin: '7000',
  salaryMax: '11000',
  salaryMonths: '12',
  experience: 'graduate',
  education: 'any',
  employmentType: 'full-time',
  headcount: '20',
  benefits: 'meal-allowance',
  insuranceBase: 'fixed',
  insuranceBaseAmount: '4500',
  housingFundRate: '5',
  validDays: '30',
  ...overrides,
});

const ACTORS = ['anonymous', 'member', 'employer of A', 'employer of B', 'expert', 'editor', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

/** What a job must be for the route to succeed, and the route itself. */
type Arranged = { jobId: number; reportId?: number };
interface WriteRoute {
  name: string;
  /** Who may: employers of the job's company, moderators, or anyone. */
  who: 'employer' | 'moderator' | 'anyone';
  arrange: (t: TestApp) => Promise<Arranged>;
  url: (a: Arranged) => string;
  fields?: Record<string, string>;
  /** The answer when allowed. */
  ok: number;
}

describe.each(testEngines)('who may write on the jobs board, on $name', (engine) => {
  let t: TestApp;
  const cookies = new Map<Actor, Cookies>();
  let employerA: Viewer;
  let editor: Viewer;
  let companyA = 0;

  async function company(members: Viewer[]): Promise<number> {
    const at = new Date().toISOString();
    const code = randomBytes(9).toString('hex').toUpperCase();
    const { id } = await t.db
      .insertInto('companies')
      .values({
        ...{ slug: `c-${code.toLowerCase()}`, name_zh: `公司${code}`, name_en: `Company ${code}`, credit_code: code },
        ...{ industry: 'logistics', size: '1-49', region_code: 'CN-GD-SZ', status: 'verified', origin: 'user' },
        ...{ created_at: at, updated_at: at },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const m of members)
      await t.db
        .insertInto('company_members')
        .values({ company_id: id, user_id: m.id, role: 'owner', created_at: at })
        .execute();
    return id;
  }

  const posting = () => t.modules.jobs.posting;
  const draft = async () => (await posting().createDraft(employerA, companyA, form())).id;
  const pending = async () => {
    const id = await draft();
    await posting().submit(employerA, id);
    return id;
  };
  const published = async () => {
    const id = await pending();
    await posting().approve(editor, id);
    return id;
  };
  const withEdit = async () => {
    const id = await published();
    await posting().saveEdit(employerA, id, form({ salaryMax: '12000' }));
    return id;
  };
  const reported = async () => {
    const jobId = await published();
    await posting().report(null, jobId, { reason: 'deposit', details: '' });
    const report = await t.db
      .selectFrom('job_reports')
      .select('id')
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    return { jobId, reportId: report.id };
  };
  const job = (id: number) => async () => ({ jobId: id });
  const on = (make: () => Promise<number>) => async () => ({ jobId: await make() });

  const ROUTES: WriteRoute[] = [
    {
      name: 'new job',
      who: 'employer',
      arrange: job(0),
      url: () => `/employer/jobs/new?company=${companyA}`,
      fields: form(),
      ok: 303,
    },
    {
      name: 'edit',
      who: 'employer',
      arrange: on(draft),
      url: (a) => `/employer/jobs/${a.jobId}/edit`,
      fields: form(),
      ok: 303,
    },
    { name: 'submit', who: 'employer', arrange: on(draft), url: (a) => `/employer/jobs/${a.jobId}/submit`, ok: 303 },
    { name: 'pause', who: 'employer', arrange: on(published), url: (a) => `/employer/jobs/${a.jobId}/pause`, ok: 303 },
    {
      name: 'resume',
      who: 'employer',
      arrange: on(async () => {
        const id = await published();
        await posting().pause(employerA, id);
        return id;
      }),
      url: (a) => `/employer/jobs/${a.jobId}/resume`,
      ok: 303,
    },
    { name: 'close', who: 'employer', arrange: on(draft), url: (a) => `/employer/jobs/${a.jobId}/close`, ok: 303 },
    {
      name: 'renew',
      who: 'employer',
      arrange: on(published),
      url: (a) => `/employer/jobs/${a.jobId}/renew`,
      fields: { days: '45' },
      ok: 303,
    },
    {
      name: 'approve',
      who: 'moderator',
      arrange: on(pending),
      url: (a) => `/moderation/jobs/${a.jobId}/approve`,
      ok: 303,
    },
    {
      name: 'reject',
      who: 'moderator',
      arrange: on(pending),
      url: (a) => `/moderation/jobs/${a.jobId}/reject`,
      fields: { reason: 'Too vague.' },
      ok: 303,
    },
    {
      name: 'approve edit',
      who: 'moderator',
      arrange: on(withEdit),
      url: (a) => `/moderation/jobs/${a.jobId}/edits/approve`,
      ok: 303,
    },
    {
      name: 'reject edit',
      who: 'moderator',
      arrange: on(withEdit),
      url: (a) => `/moderation/jobs/${a.jobId}/edits/reject`,
      fields: { reason: 'Keep the salary.' },
      ok: 303,
    },
    {
      name: 'dismiss report',
      who: 'moderator',
      arrange: reported,
      url: (a) => `/moderation/jobs/reports/${a.reportId}/dismiss`,
      ok: 303,
    },
    {
      name: 'uphold report',
      who: 'moderator',
      arrange: reported,
      url: (a) => `/moderation/jobs/reports/${a.reportId}/uphold`,
      ok: 303,
    },
    {
      name: 'report',
      who: 'anyone',
      arrange: on(published),
      url: (a) => `/jobs/${a.jobId}/report`,
      fields: { reason: 'fake', details: '' },
      ok: 200,
    },
  ];

  /** Everything a write could have changed, to show a refused one changed nothing. */
  const snapshot = async () => ({
    jobs: await t.db.selectFrom('jobs').selectAll().orderBy('id').execute(),
    edits: await t.db.selectFrom('job_pending_edits').selectAll().orderBy('job_id').execute(),
    reports: await t.db.selectFrom('job_reports').selectAll().orderBy('id').execute(),
  });

  const allowed = (route: WriteRoute, actor: Actor) =>
    route.who === 'anyone' ||
    (route.who === 'employer' && actor === 'employer of A') ||
    (route.who === 'moderator' && (actor === 'editor' || actor === 'admin'));

  beforeAll(async () => {
    t = await openTestApp(engine);
    cookies.set('anonymous', {});
    const roles: [Actor, Role][] = [
      ['member', 'member'],
      ['employer of A', 'employer'],
      ['employer of B', 'employer'],
      ['expert', 'expert'],
      ['editor', 'editor'],
      ['admin', 'admin'],
    ];
    for (const [actor, role] of roles) {
      const signed = await signInAs(t, role);
      cookies.set(actor, signed.cookies);
      if (actor === 'employer of A') employerA = signed.user;
      if (actor === 'employer of B') await company([signed.user]);
      if (actor === 'editor') editor = signed.user;
    }
    companyA = await company([employerA]);
  });
  afterAll(async () => t?.close());

  const cases = ROUTES.flatMap((route) => ACTORS.map((actor) => ({ route: route.name, actor })));
  it.each(cases)('$route as $actor', async ({ route: name, actor }) => {
    const route = ROUTES.find((r) => r.name === name)!;
    const arranged = await route.arrange(t);
    const before = await snapshot();
    const { response } = await postForm(t.app, route.url(arranged), route.fields ?? {}, cookies.get(actor), {
      remoteAddress: testIp(),
    });
    if (allowed(route, actor)) {
      expect(response.statusCode, response.body.slice(0, 300)).toBe(route.ok);
      expect(await snapshot()).not.toEqual(before);
    } else {
      expect(response.statusCode).toBe(actor === 'anonymous' ? 401 : 403);
      expect(await snapshot()).toEqual(before);
    }
  });

  it.each(ROUTES.map((r) => ({ route: r.name })))('$route without a CSRF token is refused', async ({ route: name }) => {
    const route = ROUTES.find((r) => r.name === name)!;
    const arranged = await route.arrange(t);
    const actor: Actor = route.who === 'moderator' ? 'editor' : 'employer of A';
    const before = await snapshot();
    const { response } = await postForm(t.app, route.url(arranged), route.fields ?? {}, cookies.get(actor), {
      withoutToken: true,
      remoteAddress: testIp(),
    });
    expect(response.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  const BAD_INPUT: { route: string; fields: Record<string, string>; says: RegExp }[] = [
    { route: 'new job', fields: form({ salaryMin: '500', titleZh: '' }), says: /1,000/ },
    { route: 'edit', fields: form({ city: 'CN-XX' }), says: /Choose the city/ },
    { route: 'renew', fields: { days: '500' }, says: /from 1 to 90/ },
    { route: 'reject', fields: { reason: '' }, says: /Say why/ },
    { route: 'reject edit', fields: { reason: ' ' }, says: /Say why/ },
    { route: 'report', fields: { reason: 'boring', details: '' }, says: /what is wrong/ },
  ];
  it.each(BAD_INPUT)('$route with bad input answers 400 with the reason, storing nothing', async (bad) => {
    const route = ROUTES.find((r) => r.name === bad.route)!;
    const arranged = await route.arrange(t);
    const actor: Actor = route.who === 'moderator' ? 'editor' : 'employer of A';
    const before = await snapshot();
    const { response } = await postForm(t.app, route.url(arranged), bad.fields, cookies.get(actor), {
      remoteAddress: testIp(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(bad.says);
    expect(await snapshot()).toEqual(before);
  });

  it('shows the pages to those who may see them, in both languages', async () => {
    const id = await withEdit();
    const pages: [string, Actor][] = [
      ['/employer', 'employer of A'],
      [`/employer/jobs/new?company=${companyA}`, 'employer of A'],
      [`/employer/jobs/${id}/edit`, 'employer of A'],
      ['/moderation/jobs', 'editor'],
      [`/moderation/jobs/${id}`, 'admin'],
      [`/jobs/${await published()}/report`, 'anonymous'],
    ];
    for (const [url, actor] of pages) {
      for (const prefix of ['', '/zh']) {
        const response = await t.app.inject({ url: `${prefix}${url}`, cookies: cookies.get(actor) });
        expect(response.statusCode, `${prefix}${url}`).toBe(200);
        expect(response.body).toContain('name="_csrf"');
      }
    }
    const moderation = await t.app.inject({ url: `/zh/moderation/jobs/${id}`, cookies: cookies.get('editor') });
    expect(moderation.body).toContain('待审核修改');
    expect(moderation.body).toContain(`/moderation/jobs/${id}/edits/approve`);
    const other = await t.app.inject({ url: `/employer/jobs/${id}/edit`, cookies: cookies.get('employer of B') });
    expect(other.statusCode).toBe(403);
    const member = await t.app.inject({ url: '/moderation/jobs', cookies: cookies.get('member') });
    expect(member.statusCode).toBe(403);
  });

  it('refuses the pages to those who may not see them', async () => {
    const id = await withEdit();
    const refused: [string, Actor][] = [
      [`/moderation/jobs/${id}`, 'anonymous'],
      [`/moderation/jobs/${id}`, 'member'],
      [`/moderation/jobs/${id}`, 'employer of A'],
      [`/moderation/jobs/${id}`, 'employer of B'],
      [`/employer/jobs/new?company=${companyA}`, 'employer of B'],
      ['/employer', 'anonymous'],
      ['/employer', 'member'],
    ];
    for (const [url, actor] of refused) {
      for (const prefix of ['', '/zh']) {
        const response = await t.app.inject({ url: `${prefix}${url}`, cookies: cookies.get(actor) });
        if (actor === 'anonymous') {
          // A page sends the signed-out reader to sign in, and back here after.
          expect(response.statusCode, `${prefix}${url} as ${actor}`).toBe(303);
          expect(response.headers.location).toMatch(/sign-?in/);
        } else {
          expect(response.statusCode, `${prefix}${url} as ${actor}`).toBe(403);
        }
        // Nothing of the job or the form is shown.
        expect(response.body, `${prefix}${url} as ${actor}`).not.toContain('name="titleEn"');
        expect(response.body).not.toContain(`/moderation/jobs/${id}/edits/approve`);
        expect(response.body).not.toContain('Delivery rider');
      }
    }
  });
});
