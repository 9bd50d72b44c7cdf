/** Days as the board counts them: calendar days in China (the posting side's expiry.ts), as whole numbers. */
import { chinaDate } from '../posting/expiry';

const DAY_MS = 24 * 3600 * 1000;

/** A calendar day (YYYY-MM-DD) as days since 1970-01-01. */
export const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** Today in China, as days since 1970. */
export const todayNumber = (now: Date) => dayNumber(chinaDate(now));

/** A job is open when it is published, its last day has not passed, and its company is not refused. */
export function isOpen(
  job: { status: string; valid_through: string | null },
  companyRefused: boolean,
  now: Date,
): boolean {
  return (
    job.status === 'published' && !companyRefused && (job.valid_through === null || job.valid_through >= chinaDate(now))
  );
}
