/**
 * Expiry without a timer: a published job whose valid-through date has passed is expired wherever it is read.
 * Dates are days in China (Asia/Shanghai, UTC+8 all year): a job valid through 2026-12-31 is open that whole day
 * there, whatever the server's zone.
 */
import type { JobStatus } from '../tables';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The day it is in China at `now` (YYYY-MM-DD). */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a job approved or renewed at `now` for `days` days is open. */
export function validThroughFrom(now: Date, days: number): string {
  return addDays(chinaDate(now), days);
}

/** A published job past its last day. */
export function isExpired(job: { status: JobStatus; valid_through: string | null }, now: Date): boolean {
  return job.status === 'published' && job.valid_through !== null && job.valid_through < chinaDate(now);
}

/** What a job is for its reader: its status, or `expired` for a published job past its last day. */
export type JobState = JobStatus | 'expired';

export function jobState(job: { status: JobStatus; valid_through: string | null }, now: Date): JobState {
  return isExpired(job, now) ? 'expired' : job.status;
}
