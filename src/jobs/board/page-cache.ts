/**
 * The job page as anonymous readers get it, kept a short while per job and language (decision 0121): every
 * anonymous view read the job, its company, tags, explainers, places, the take-home estimate, similar jobs and the
 * apply panel's responsiveness line. Each entry is dropped at once when something the page shows changes on any
 * server of the site (forgetJob, forgetAll: see service.ts and applying.ts; shared through the database's
 * invalidation, decision 0122), and never lives past the end of the day in China
 * it was loaded on — the day a job's last day ends, so an expired job says so (and is noindex) at once.
 */

import type { Invalidation } from '../../platform/db/invalidation';
import type { Locale } from '../../platform/web/i18n';
import { TtlCache } from '../../platform/web/ttl-cache';
import { chinaDate } from '../posting/expiry';
import type { ApplyPanel } from './applying';
import type { JobPageData } from './job-page-data';

/** Short: what other modules change on the page (a city's rates, explainers) shows soon. */
const JOB_PAGE_TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;
const DAY_MS = 24 * 3600 * 1000;

/** What an anonymous reader's job page is made of: the page data and the apply panel for nobody signed in. */
export interface AnonymousJobView {
  data: JobPageData;
  panel: ApplyPanel | null;
}

/** An entry: the load, its value once settled (read synchronously by the fast path), and when it must go. */
type Entry = { promise: Promise<AnonymousJobView>; value?: AnonymousJobView; expiresAt: number };

/** The first moment of the day after `now`'s day in China (UTC+8, no daylight saving), in ms since 1970. */
function endOfChinaDay(now: Date): number {
  return Date.parse(`${chinaDate(now)}T00:00:00+08:00`) + DAY_MS;
}

export function createJobPageCache(now: () => Date, invalidation?: Invalidation) {
  const entries = new TtlCache<string, Entry>(
    JOB_PAGE_TTL_MS,
    MAX_ENTRIES,
    () => now().getTime(),
    'jobs.pages',
    invalidation && { invalidation, topic: 'jobs.pages' },
  );
  const keyOf = (id: number, locale: Locale) => `${id}:${locale}`;

  /** The entry if cached and its day not over (the TtlCache itself enforces the 30 s). */
  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now().getTime()) {
      entries.discard(key);
      return undefined;
    }
    return entry;
  }

  return {
    /**
     * The cached view of this job in this language, or `load` run once for every reader asking meanwhile. The same
     * object is returned while cached, so callers may memoise work on it (the fast path renders it once). A failed
     * load (not found, a database error) is not kept.
     */
    view(id: number, locale: Locale, load: () => Promise<AnonymousJobView>): Promise<AnonymousJobView> {
      const key = keyOf(id, locale);
      const cached = live(key);
      if (cached) return cached.promise;
      // Everything on the page that depends on the date (open or expired, similar jobs still open, "today") is
      // decided on the day it was loaded: the entry ends with that day in China, whatever is left of its 30 s.
      const entry: Entry = { promise: load(), expiresAt: endOfChinaDay(now()) };
      entries.set(key, entry);
      entry.promise.then(
        (value) => {
          entry.value = value;
        },
        () => {
          if (entries.get(key) === entry) entries.discard(key);
        },
      );
      return entry.promise;
    },

    /** The view `view` would return now, if cached and loaded; never loads. */
    cached(id: number, locale: Locale): AnonymousJobView | undefined {
      return live(keyOf(id, locale))?.value;
    },

    /** This job's pages (both languages) are loaded again at their next view. */
    forgetJob(id: number): void {
      entries.delete(keyOf(id, 'en'));
      entries.delete(keyOf(id, 'zh'));
    },

    /** Every job page is loaded again at its next view. */
    forgetAll(): void {
      entries.clear();
    },

    /** Every job page here: for a change each server hears of itself (a city's data), so nothing is published. */
    forgetAllHere(): void {
      entries.discardAll();
    },
  };
}

export type JobPageCache = ReturnType<typeof createJobPageCache>;
