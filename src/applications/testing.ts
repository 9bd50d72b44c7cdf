/**
 * What the applications tests share: a suite's app with companies A and B (an employer each), open jobs, seekers
 * with a résumé (through the résumés module's service), and the calls the tests make.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Viewer } from '../accounts';
import { openTestApp, type TestApp, type TestEngine } from '../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../test-support/forms';

export interface Person {
  cookies: Cookies;
  user: Viewer;
}

/**
 * A one-page PDF showing `text` (ASCII) with a correct cross-reference table: what a seeker uploads. (The résumés
 * module has the same helper in its testing.ts, which other modules may not import.)
 */
export function tinyPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
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

export async function insertCompany(t: TestApp, members: Viewer[]): Promise<number> {
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
      .values({ company_id: Number(id), user_id: m.id, role: 'owner', created_at: at })
      .execute();
  return Number(id);
}

/** A published job of the company, open for 30 more days unless changed. */
export async function insertJob(
  t: TestApp,
  companyId: number,
  changes: { status?: 'published' | 'paused' | 'closed' | 'draft' | 'pending'; valid_through?: string } = {},
): Promise<number> {
  const at = new Date().toISOString();
  const { id } = await t.db
    .insertInto('jobs')
    .values({
      company_id: companyId,
      slug: 'warehouse-dispatcher',
      status: changes.status ?? 'published',
      title_en: 'Warehouse dispatcher',
      title_zh: '仓库调度员',
      description_en_md: 'Plan the day’s routes.',
      description_zh_md: '安排每天的配送路线。',
      region_code: 'CN-GD-SZ',
      district_code: null,
      salary_min: 8000,
      salary_max: 12000,
      salary_months: 13,
      experience: '1-3',
      education: 'any',
      employment_type: 'full-time',
      headcount: 2,
      insurance_base: 'actual',
      insurance_base_amount: null,
      housing_fund_rate: 12,
      posted_at: at,
      valid_through: changes.valid_through ?? new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      origin: 'user',
      source_key: null,
      created_by: null,
      created_at: at,
      updated_at: at,
      decision_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export interface ApplicationsSuite {
  t: TestApp;
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
    suite.companyA = await insertCompany(suite.t, [suite.employerA.user]);
    suite.companyB = await insertCompany(suite.t, [suite.employerB.user]);
    suite.jobA = await insertJob(suite.t, suite.companyA);
  });
  afterAll(async () => suite.t?.close());

  /** A new seeker with a filled-in résumé (and a PDF when asked). */
  async function seeker(name = '张伟', withPdf = false): Promise<Person & { fileId: string | null }> {
    const person = await signInAs(suite.t, 'member', { displayName: name });
    const resumes = suite.t.modules.resumes.service;
    await resumes.saveProfile(person.user.id, profileOf(name));
    const file = withPdf
      ? await resumes.upload(person.user.id, { name: 'cv.pdf', bytes: tinyPdf('Forklift certificate 2019') })
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
  return { suite, seeker, get, post, apply, applicationOf };
}
