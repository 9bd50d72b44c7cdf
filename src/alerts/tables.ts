import type { Generated } from 'kysely';

/**
 * A saved search (job alert): a person's search of the jobs board, its parameters as the board parses them
 * (`query_json`, the parsed /jobs query without its page), its name, and when it last ran. `search_path` is the
 * search's address (/jobs?…), the same for the same search however it was written: one per search and person.
 */
export interface SavedSearchTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  query_json: string;
  search_path: string;
  created_at: string;
  /** When the daily run last looked for new jobs; the saving time until the first run. */
  last_run_at: string;
}

/**
 * A job already notified for a saved search: never twice. Kept while the job can still be a candidate (posted
 * within the run's look-back); `posted_at` says when it can go.
 */
export interface SavedSearchNotifiedTable {
  saved_search_id: number;
  job_id: number;
  posted_at: string;
  notified_at: string;
}

export interface AlertTables {
  saved_searches: SavedSearchTable;
  saved_search_notified: SavedSearchNotifiedTable;
}

export const ALERT_TABLES = [
  'saved_searches',
  'saved_search_notified',
] as const satisfies readonly (keyof AlertTables)[];
