import type { ModuleDb } from '../../platform/db/tables';
import type { JobTables } from '../tables';

/** What the writing side asks of the reading side. */
export interface PostingDeps {
  /** Keeps the search index in step, inside the write's transaction. */
  reindexJobs: (trx: ModuleDb<JobTables>, ids: number[]) => Promise<void>;
  /**
   * After such a write has committed: the cached job pages go again (reindexJobs dropped them inside the
   * transaction, where another server could still read and keep the old rows until the commit; decision 0121).
   */
  jobPagesChanged: () => void;
}
