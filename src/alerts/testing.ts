/**
 * What the alerts tests share (a verified company comes from test-support/companies.ts): jobs posted
 * through the jobs module's own moves (draft → submitted → approved by an editor), and the saved-search form
 * posted as the /jobs page does.
 */
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
