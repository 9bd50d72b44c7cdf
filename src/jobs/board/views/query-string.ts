import type { z } from 'zod';
import type { jobSearchPageQuerySchema } from '../schemas';

export type JobSearchQuery = z.output<typeof jobSearchPageQuerySchema>;

/** The search's address with these parameters (page 1 and empty ones left out), without language prefix. */
export function searchPath(query: JobSearchQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const name of ['city', 'district', 'salaryMin', 'salaryMax', 'experience', 'education', 'type'] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  for (const key of query.benefits) params.append('benefits', key);
  for (const name of ['size', 'industry', 'postedWithin', 'sort'] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/jobs?${qs}` : '/jobs';
}

/** True when the search is narrowed by words, a filter, a sort or a page: such pages stay out of search engines. */
export function isFiltered(query: JobSearchQuery): boolean {
  return searchPath(query, query.page) !== '/jobs';
}
