/**
 * What the applications tests share: a suite's app with companies A and B (an employer each), open jobs, seekers
 * with a résumé (through the résumés module's service), and the calls the tests make.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Viewer } from '../accounts';
import { verifiedCompany } from '../test-support/companies';
import { openTestApp, type TestApp, type TestEngine } from '../test-support/databases';
import { minimalPdf } from '../test-support/files';
import { type Cookies, postForm, type SignedIn, signInAs, testIp } from '../test-support/forms';

export interface Person {
  cookies: Cookies;
  user: Viewer;
}

export const profileOf = (fullName: string) => ({
  fullName,
  email: `${randomBytes(4).toString('hex')}@example.test`,
  phone: '13800138000',
  cityCode: 'CN-GD-SZ',
  expectedCityCode: 'CN-SH',
  expectedSalaryMin: 15000,
  expectedSalaryMax: 20000,
  education: [{ school: '深圳大学', degree: '本科', major: 'Logistics', from: '2012-09', to: '2016-06' }],
  work: [{ company: 'Bright Logistics', title: 'Dispatcher', from: '2016-07', to: null, description: 'Routes' }],
  skills: ['Excel', 'forklift licence'],
  languages: ['English'],
  summary: 'Eight years in logistics.',
});

export const jobForm = {
  titleEn: 'Warehouse dispatcher',
  titleZh: '仓库调度员',
  descriptionEn: 'Plan the day’s routes.',
  descriptionZh: '安排每天的配送路线。',
  city: 'CN-GD-SZ',
  district: '',
  salaryMin: '8000',
  salaryMax: '12000',
  salaryMonths: '13',
  experience: '1-3',
  education: 'any',
  employmentType: 'full-time',
  headcount: '2',
  benefits: [],
  insuranceBase: 'actual',
  insuranceBaseAmount: '',
  housingFundRate: '12',
  validDays: '30',
};

/** A job of the company through the posting service: open (approved), or left a draft, paused or closed. */
export async function createJob(
  t: TestApp,
  people: { employer: Viewer; editor: Viewer },
  companyId: number,
  state: 'open' | 'draft' | 'paused' | 'closed' = 'open',
): Promise<number> {
  const posting = t.modules.jobs.posting;
  const { id } = await posting.createDraft(people.employer, companyId, jobForm);
  if (state === 'draft') return id;
  await posting.submit(people.employer, id);
  await posting.approve(people.editor, id);
  if (state === 'paused') await posting.pause(people.employer, id);
  if (state === 'closed') await posting.close(people.employer, id);
  return id;
}

export interface ApplicationsSuite {
  t: TestApp;
  editor: Person;
  employerA: Person;
  employerB: Person;
  companyA: number;
  companyB: number;
  jobA: number;
}

/** Opens the app before the suite's tests and closes it after; call inside describe. */
export function applicationsSuite(engine: TestEngine) {
  const suite = {} as ApplicationsSuite;
  beforeAll(async () => {
    suite.t = await openTestApp(engine);
    suite.employerA = await signInAs(suite.t, 'employer', { displayName: 'Recruiter Li' });
    suite.employerB = await signInAs(suite.t, 'employer', { displayName: 'Recruiter Sun' });
    suite.editor = await signInAs(suite.t, 'editor');
    suite.companyA = await verifiedCompany(suite.t, suite.employerA.user, suite.editor.user);
    suite.companyB = await verifiedCompany(suite.t, suite.employerB.user, suite.editor.user);
    suite.jobA = await job('A');
  });
  afterAll(async () => suite.t?.close());

  /** A job of company A or B (open unless asked otherwise). */
  function job(of: 'A' | 'B', state: 'open' | 'draft' | 'paused' | 'closed' = 'open') {
    const employer = (of === 'A' ? suite.employerA : suite.employerB).user;
    return createJob(
      suite.t,
      { employer, editor: suite.editor.user },
      of === 'A' ? suite.companyA : suite.companyB,
      state,
    );
  }

  /** A new seeker with a filled-in résumé (and a PDF when asked). */
  async function seeker(name = '张伟', withPdf = false): Promise<SignedIn & { fileId: string | null }> {
    const person = await signInAs(suite.t, 'member', { displayName: name });
    const resumes = suite.t.modules.resumes.service;
    await resumes.saveProfile(person.user.id, profileOf(name));
    const file = withPdf
      ? await resumes.upload(person.user.id, { name: 'cv.pdf', bytes: minimalPdf('Forklift certificate 2019') })
      : null;
    return { ...person, fileId: file?.id ?? null };
  }
  const get = (url: string, cookies: Cookies = {}) => suite.t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string | string[]>, cookies: Cookies, withoutToken = false) =>
    postFormList(url, fields, cookies, withoutToken);
  /** postForm, with repeated fields (checkboxes) as lists. */
  async function postFormList(
    url: string,
    fields: Record<string, string | string[]>,
    cookies: Cookies,
    withoutToken: boolean,
  ) {
    const flat: Record<string, string> = {};
    const lists: [string, string][] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (Array.isArray(value)) for (const v of value) lists.push([name, v]);
      else flat[name] = value;
    }
    if (lists.length === 0)
      return (await postForm(suite.t.app, url, flat, cookies, { remoteAddress: testIp(), withoutToken })).response;
    // Repeated fields: the token is fetched as postForm does, the body built by hand.
    const page = await suite.t.app.inject({ method: 'GET', url: '/account/sign-in', cookies });
    const token = /name="_csrf" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    const sent = { ...cookies };
    for (const c of page.cookies as { name: string; value: string }[]) sent[c.name] = c.value;
    const body = new URLSearchParams([...Object.entries(flat), ...lists, ...(withoutToken ? [] : [['_csrf', token]])]);
    return suite.t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
      cookies: sent,
      remoteAddress: testIp(),
    });
  }
  const apply = (jobId: number, who: Person, fields: Record<string, string> = {}) =>
    post(`/jobs/${jobId}/apply`, { resume: 'profile', note: '', ...fields }, who.cookies);
  const applicationOf = (jobId: number, seekerId: number) =>
    suite.t.db
      .selectFrom('applications')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('seeker_id', '=', seekerId)
      .executeTakeFirstOrThrow();
  return { suite, seeker, job, get, post, apply, applicationOf };
}
