/**
 * A saved search's parameters: the /jobs query as the jobs board parses it (its own schema, through the jobs
 * module's entry), without the page. Read from the query string the search page posts, stored as JSON, read back
 * through the same schema (a search saved under older rules that no longer hold is refused, not guessed at).
 */
import { type JobSearchQuery, jobSearchPageQuerySchema, searchPath } from '../jobs';
import { validInput } from '../platform/web/validation';

export type SavedQuery = Omit<JobSearchQuery, 'page'>;

/** Longer than any search the /jobs form can make (words ≤ 200 characters, twenty tags). */
export const MAX_QUERY_STRING = 2000;

/** A query string's parameters as a form body: repeated names (the tags' checkboxes) as lists. */
function paramsOf(queryString: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(queryString.replace(/^[^?]*\?/, ''))) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

function withoutPage(parsed: JobSearchQuery): SavedQuery {
  const { page: _page, ...query } = parsed;
  return query;
}

/** The search a query string (`q=…&city=…`, with or without `/jobs?`) asks for; Invalid naming the bad field. */
export const parseQueryString = (queryString: string): SavedQuery =>
  withoutPage(validInput(jobSearchPageQuerySchema, paramsOf(queryString)));

/** A stored search, read back through the board's schema. */
export const readStoredQuery = (json: string): SavedQuery =>
  withoutPage(validInput(jobSearchPageQuerySchema, JSON.parse(json)));

/** The search's address on the board (/jobs?…), without language prefix: one per search, however written. */
export const pathOf = (query: SavedQuery): string => searchPath({ ...query, page: 1 });
