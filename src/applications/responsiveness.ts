/**
 * "Replies to 80 % within 3 days", honestly computed (docs/decisions/0115-applications.md). Pure: the service
 * hands in, for every application submitted in the window, when it was submitted, when the employer first replied
 * and when the seeker withdrew (if they did).
 *
 * - A reply is the employer's first status change other than `viewed`: an interview invitation, an offer or a
 *   not-a-fit. Opening an application is not an answer the seeker can act on.
 * - The window is the last 90 days of submissions.
 * - An application counts once it has had its three days, or was replied to earlier: one still inside its first
 *   three days without a reply is not (yet) a failure. One withdrawn before any reply and within its first three
 *   days is left out: nobody was waiting any more.
 * - Shown only from 10 counted applications: fewer say little and would single out a few seekers.
 */
export const WINDOW_DAYS = 90;
export const REPLY_DAYS = 3;
export const MINIMUM_COUNTED = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReplyRecord {
  submittedAt: string;
  /** The employer's first change other than viewed, if any. */
  repliedAt: string | null;
  /** When the seeker withdrew, if they did. */
  withdrawnAt: string | null;
}

export interface Responsiveness {
  /** Applications counted (see above). */
  counted: number;
  /** Of them, replied to within three days. */
  repliedInTime: number;
  /** Whole percent, rounded down (never flatters). */
  percent: number;
  /** The median time to the replies given, in whole days rounded up (1 = within a day); null without replies. */
  medianDays: number | null;
}

/** The figure, or null when fewer than MINIMUM_COUNTED applications count. */
export function responsiveness(records: ReplyRecord[], now: Date): Responsiveness | null {
  const since = now.getTime() - WINDOW_DAYS * DAY_MS;
  const limit = REPLY_DAYS * DAY_MS;
  let counted = 0;
  let repliedInTime = 0;
  const replyTimes: number[] = [];
  for (const record of records) {
    const submitted = Date.parse(record.submittedAt);
    if (submitted < since || submitted > now.getTime()) continue;
    const replied = record.repliedAt === null ? null : Date.parse(record.repliedAt) - submitted;
    const withdrawn = record.withdrawnAt === null ? null : Date.parse(record.withdrawnAt) - submitted;
    if (replied === null) {
      if (now.getTime() - submitted < limit) continue;
      if (withdrawn !== null && withdrawn < limit) continue;
    } else if (withdrawn !== null && withdrawn < replied && withdrawn < limit) continue;
    counted += 1;
    if (replied !== null) {
      replyTimes.push(replied);
      if (replied <= limit) repliedInTime += 1;
    }
  }
  if (counted < MINIMUM_COUNTED) return null;
  replyTimes.sort((a, b) => a - b);
  const middle = replyTimes.length === 0 ? null : replyTimes[Math.floor((replyTimes.length - 1) / 2)]!;
  return {
    counted,
    repliedInTime,
    percent: Math.floor((100 * repliedInTime) / counted),
    medianDays: middle === null ? null : Math.max(1, Math.ceil(middle / DAY_MS)),
  };
}
