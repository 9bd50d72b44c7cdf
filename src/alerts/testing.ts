/**
 * What the alerts tests share: a verified company with an employer, jobs posted through the jobs module's own
 * moves (draft → submitted → approved by an editor), and the saved-search form posted as the /jobs page does.
 */
import { randomBytes } from 'node:crypto';
import type { Viewer } from '../accounts';
import type { TestApp } from '../test-support/databases';
import { type Cookies, postForm, testIp } from '../test-support/forms';

export const jobForm = (overrides: Record<string, unknown> = {}) => ({
  titleEn: 'Warehouse supervisor',
  titleZh: '仓库主管',
  descriptionEn: 'Run the night shift of a bonded warehouse.',
  descriptionZh: '负责保税仓库夜班。',
  city: 'CN-GD-SZ',
  district: 'CN-GD-SZ-NS',
  salaryMin: '8000',
  salaryMax: '12000',
  salaryMonths: '13',
  experience: '3-5',
  education: 'associate',
  employmentType: 'full-time',
  headcount: '2',
  benefits: ['five-insurances-one-fund'],
  insuranceBase: 'actual',
  insuranceBaseAmount: '',
  housingFundRate: '12',
  validDays: '30',
  ...overrides,
});

/** A verified company with this employer as its owner; its id. */
export async function verifiedCompany(t: TestApp, owner: Viewer): Promise<number> {
  const at = new Date().toISOString();
  const code = randomBytes(9).toString('hex').toUpperCase();
  const { id } = await t.db
    .insertInto('companies')
    .values({
      slug: `alerts-${code.toLowerCase()}`,
      name_zh: `提醒测试公司${code}`,
      name_en: `Alert Test Company ${code}`,
      credit_code: code,
      industry: 'logistics',
      size: '50-149',
      region_code: 'CN-GD-SZ',
      status: 'verified',
      origin: 'user',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('company_members')
    .values({ company_id: id, user_id: owner.id, role: 'owner', created_at: at })
    .execute();
  return id;
}

/** A job written, submitted and approved as the jobs module does it: published now, in the index. */
export async function publishJob(
  t: TestApp,
  people: { employer: Viewer; editor: Viewer; companyId: number },
  overrides: Record<string, unknown> = {},
): Promise<number> {
  const { posting } = t.modules.jobs;
  const { id } = await posting.createDraft(people.employer, people.companyId, jobForm(overrides));
  await posting.submit(people.employer, id);
  await posting.approve(people.editor, id);
  return id;
}

/** Posts the "save this search" form as the /jobs page does (its query string, an optional name). */
export function saveSearch(t: TestApp, cookies: Cookies, query: string, name = '', url = '/account/alerts') {
  return postForm(t.app, url, { query, name }, cookies, { remoteAddress: testIp() }).then((r) => r.response);
}
