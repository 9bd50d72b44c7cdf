/**
 * The employer side hears of new applications (decision 0115, "Employers hear of new applications"): every member
 * of the job's company, in-app and by mail (through notifications), in their own language. Not once per
 * application — a popular job gets hundreds — but at most once per job per clock hour: the first application to a
 * job in an hour is told at once, with how many of the job's applications wait to be opened; the hour's later ones
 * are on the applicant list meanwhile and counted in the next notice. The notice names the job and the count,
 * never the seeker: nothing of a person reaches a mailbox, nor stays there after their account is deleted.
 */
import { LOCALES } from '../platform/web/i18n';
import type { ApplicationsContext } from './deps';
import * as repo from './repository';
import type { ApplicationRow } from './tables';
import { titleIn } from './tell-seeker';

const HOUR_MS = 60 * 60 * 1000;

/** The job's applications nobody has opened yet, where the notice leads. */
export const waitingApplicantsPath = (jobId: number) => `/employer/jobs/${jobId}/applicants?stage=submitted`;

/** The start of the clock hour of an instant (UTC; China time is a whole number of hours ahead, so the same hours). */
export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString();

/** Tells the company's members of this new application if it is the job's first of its hour; after it is committed. */
export async function tellEmployers(
  ctx: ApplicationsContext,
  application: Pick<ApplicationRow, 'id' | 'job_id' | 'company_id' | 'created_at'>,
): Promise<void> {
  const since = hourOf(new Date(application.created_at));
  if (await repo.hasEarlierSince(ctx.db, application, since)) return;
  const members = await ctx.companies.membersOf(application.company_id);
  if (members.length === 0) return;
  const [contacts, jobs, stages] = await Promise.all([
    ctx.accounts.contactsOf(members),
    ctx.jobs.describe([application.job_id]),
    repo.stageCounts(ctx.db, application.job_id),
  ]);
  const job = jobs.get(application.job_id);
  const localeOf = new Map(contacts.map((c) => [c.id, c.locale]));
  // One notify per language: the job's title is written in each member's.
  for (const locale of LOCALES) {
    const readers = members.filter((id) => (localeOf.get(id) ?? 'zh') === locale);
    if (readers.length === 0) continue;
    await ctx.notifications.notify(readers, {
      kind: 'applicationsWaiting',
      params: {
        title: job ? titleIn(locale, job.titleEn, job.titleZh) : '',
        count: stages.get('submitted') ?? 0,
      },
      link: waitingApplicantsPath(application.job_id),
    });
  }
}
