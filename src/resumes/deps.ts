import type { Kysely } from 'kysely';
import type { CompanyService } from '../companies';
import type { RegionService } from '../regions';
import type { FileStore } from './file-store';
import type { ResumeTables } from './tables';

/** What résumés ask of other modules (CONTEXT.md). */
export interface ResumesDeps {
  regions: RegionService;
  /** Blocked companies are named and looked up by name through it. */
  companies: CompanyService;
  /** Where the résumé PDFs are kept (FILES_DIR/resumes). */
  filesDir: string;
}

export interface ResumesContext {
  db: Kysely<ResumeTables>;
  regions: RegionService;
  companies: CompanyService;
  files: FileStore;
  now: () => Date;
}
