/**
 * The responsiveness lines of job and company pages, kept per job and per company: every view of those pages asks
 * for one, and a company's reads its applications of 90 days. A line is counted again after ten minutes, or at the
 * next view after an application of that job or company is submitted or changes stage, on any server of the site
 * (the cache is shared through the database's invalidation, decision 0122).
 */
import type { Invalidation } from '../platform/db/invalidation';
import type { Message } from '../platform/web/messages';
import { TtlCache } from '../platform/web/ttl-cache';

const CACHE_MS = 10 * 60_000;

export type FigureOf = { jobId: number } | { companyId: number };

const keyOf = (of: FigureOf) => ('jobId' in of ? `job:${of.jobId}` : `company:${of.companyId}`);

export function createResponsivenessCache(now: () => Date, invalidation?: Invalidation) {
  const lines = new TtlCache<string, Promise<Message | null>>(
    CACHE_MS,
    10_000,
    () => now().getTime(),
    'applications.responsiveness',
    invalidation && { invalidation, topic: 'applications.responsiveness' },
  );
  return {
    /** The line, from the cache or loaded (a failed load is not kept). */
    line(of: FigureOf, load: () => Promise<Message | null>): Promise<Message | null> {
      const key = keyOf(of);
      const hit = lines.get(key);
      if (hit) return hit;
      const loading = load();
      loading.catch(() => lines.discard(key));
      lines.set(key, loading);
      return loading;
    },
    /** These applications were submitted or moved: their jobs' and companies' lines are counted again. */
    forget(rows: readonly { job_id: number; company_id: number }[]): void {
      // Each job and company once: a bulk move of a hundred applications to one job tells the other servers twice,
      // not two hundred times.
      for (const jobId of new Set(rows.map((row) => row.job_id))) lines.delete(keyOf({ jobId }));
      for (const companyId of new Set(rows.map((row) => row.company_id))) lines.delete(keyOf({ companyId }));
    },
  };
}

export type ResponsivenessCache = ReturnType<typeof createResponsivenessCache>;
