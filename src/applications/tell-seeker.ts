/**
 * The seeker hears of every change to their application (in-app and by mail, through the notifications module),
 * in their own language: the job's title and the company's name are chosen in it.
 */
import type { Locale } from '../platform/web/i18n';
import type { ApplicationsContext } from './deps';
import type { ApplicationRow } from './tables';

/** Where the seeker follows their applications. */
export const MY_APPLICATIONS_PATH = '/account/applications';

export type SeekerNotice =
  | { kind: 'applicationSubmitted' | 'applicationViewed' | 'applicationOffer' | 'applicationWithdrawn' }
  | { kind: 'applicationInterview'; time: string; place: string }
  | { kind: 'applicationRejected'; reason: string }
  | { kind: 'applicationRejectedNoReason' }
  | { kind: 'applicationRestored'; stage: string };

export const titleIn = (locale: Locale, en: string | null, zh: string | null) =>
  (locale === 'zh' ? (zh ?? en) : (en ?? zh)) ?? '';

/** Tells each application's seeker (forgotten accounts have none) what happened; after the change is committed. */
export async function tellSeekers(
  ctx: ApplicationsContext,
  rows: Pick<ApplicationRow, 'id' | 'seeker_id' | 'job_id' | 'company_id'>[],
  notice: SeekerNotice,
): Promise<void> {
  const present = rows.filter((row) => row.seeker_id !== null);
  if (present.length === 0) return;
  const [contacts, jobs, companies] = await Promise.all([
    ctx.accounts.contactsOf(present.map((r) => r.seeker_id!)),
    ctx.jobs.describe(present.map((r) => r.job_id)),
    ctx.companies.describe(present.map((r) => r.company_id)),
  ]);
  const localeOf = new Map(contacts.map((c) => [c.id, c.locale]));
  const { kind, ...extra } = notice;
  for (const row of present) {
    const locale = localeOf.get(row.seeker_id!) ?? 'zh';
    const job = jobs.get(row.job_id);
    const company = companies.get(row.company_id);
    await ctx.notifications.notify([row.seeker_id], {
      kind,
      params: {
        title: job ? titleIn(locale, job.titleEn, job.titleZh) : '',
        company: company ? (locale === 'zh' ? company.nameZh : company.nameEn) : '',
        ...extra,
      },
      link: `${MY_APPLICATIONS_PATH}#application-${row.id}`,
    });
  }
}
