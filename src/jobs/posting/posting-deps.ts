import type { ModuleDb } from '../../platform/db/tables';
import type { JobTables } from '../tables';

/** What the writing side asks of the reading side. */
export interface PostingDeps {
  /** Keeps the search index in step, inside the write's transaction. */
  reindexJobs: (trx: ModuleDb<JobTables>, ids: number[]) => Promise<void>;
}
