/** Résumés: the seeker's structured profile, their PDF files, the companies they blocked. See CONTEXT.md. */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../accounts';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { MenuLink } from '../platform/web/chrome';
import type { ResumesDeps } from './deps';
import { createFileStore } from './file-store';
import { resumeRoutes } from './routes';
import { createResumeService } from './service';
import type { ResumeTables } from './tables';

export type {
  EducationEntry,
  ResumeFileSummary,
  ResumeProfile,
  ResumeSnapshot,
  WorkEntry,
} from './model';
export { MAX_FILE_BYTES } from './pdf-check';
export type { ResumeService, ResumesService } from './service';
export { RESUME_TABLES, type ResumeTables } from './tables';

export const RESUME_PATH = '/account/resume';

export function createResumesModule(db: AppDb, deps: ResumesDeps & { now?: () => Date }) {
  const service = createResumeService({
    db: ownTables<ResumeTables>(db),
    regions: deps.regions,
    companies: deps.companies,
    files: createFileStore(join(deps.filesDir, 'resumes')),
    now: deps.now ?? (() => new Date()),
  });
  return {
    service,
    /** What the privacy module exports and forgets of a user here. */
    personalData: service.personalData,
    routes: (app: FastifyInstance) => resumeRoutes(app, { resumes: service }),
    /** The viewer's résumé link in the header (seekers; see permissions 'resume.manage'). */
    menu(viewer: Viewer): MenuLink[] {
      return can(viewer, 'resume.manage') ? [{ href: RESUME_PATH, label: { key: 'resume.nav' }, order: 30 }] : [];
    },
  };
}

export type ResumesModule = ReturnType<typeof createResumesModule>;
