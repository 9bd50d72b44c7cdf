/**
 * The jobs board: job posts with their declared social insurance, search with filters and facets, employers'
 * posting and moderation. See CONTEXT.md.
 */
import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../accounts';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { SearchEngine } from '../platform/search';
import type { MenuLink } from '../platform/web/chrome';
import { readBenefitTags } from './benefits';
import { createApplying } from './board/applying';
import { createJobBoard } from './board/service';
import type { JobsContext, JobsDeps } from './deps';
import { createPostingService } from './posting/service';
import { jobsRoutes } from './routes';
import type { JobTables } from './tables';

export { type BenefitTag, readBenefitTags } from './benefits';
export type { ApplyPanel, ApplyPanelProvider, JobApplying, JobForApplication } from './board/applying';
// The board's search pieces, for the jobs benchmark (bench/jobs.ts) to run the same code.
export { benefitBits, JOB_KIND, jobDocument } from './board/documents';
// A search as the board reads it (/jobs's query), its address and the labels of its choices: for saved searches
// (src/alerts), which store the parsed parameters and link back to the search.
export { jobSearchPageQuerySchema } from './board/schemas';
export { createJobSearch, type JobSearchInput } from './board/search';
export { type JobSearchQuery, searchPath } from './board/views/query-string';
export { EDUCATION_LABELS, EMPLOYMENT_TYPE_LABELS, EXPERIENCE_LABELS } from './posting/views/labels';
export { type JobInput, jobInputSchema, shippedJobSchema } from './schemas';
export {
  type Education,
  type EmploymentType,
  type Experience,
  JOB_TABLES,
  type JobRow,
  type JobTables,
} from './tables';

export function createJobsModule(
  db: AppDb,
  deps: JobsDeps &
    Pick<JobsContext, 'invalidation'> & { engine: SearchEngine; benefitsFile?: string; now?: () => Date },
) {
  const ctx: JobsContext = {
    db: ownTables<JobTables>(db),
    companies: deps.companies,
    regions: deps.regions,
    accounts: deps.accounts,
    notifications: deps.notifications,
    explainers: deps.explainers,
    takeHome: deps.takeHome,
    onTakeHomeChanged: deps.onTakeHomeChanged,
    benefits: readBenefitTags(deps.benefitsFile),
    now: deps.now ?? (() => new Date()),
    invalidation: deps.invalidation,
  };
  const board = createJobBoard(ctx, deps.engine);
  const posting = createPostingService(ctx, {
    reindexJobs: board.reindexJobs,
    jobPagesChanged: () => board.pages.forgetAll(),
  });
  // The applications module (created after this one) describes jobs and fills the job page's apply panel.
  const applying = createApplying(ctx, board.pages);
  // A company's profile lists its open jobs, as the board sees them.
  deps.companies.provideOpenJobs((companyId, locale) => board.openJobsOf(companyId, locale));
  // A company's jobs carry its status and names in the index: its changes reindex them.
  deps.companies.onCompanyChanged(board.companyChanged);
  // Its pages again once the change is committed: a reader meanwhile may have cached the old rows (decision 0121).
  deps.companies.afterCompanyChanged(() => board.pages.forgetAll());
  // Every cached job page shows a take-home estimate from its city's data; every server hears of its changes.
  deps.onTakeHomeChanged(() => board.pages.forgetAllHere());
  return {
    board,
    posting,
    applying,
    routes: (app: FastifyInstance) => jobsRoutes(app, { board, posting, applying }),
    /** Links in the header: employers their dashboard, editors and admins the jobs to review. */
    menu(viewer: Viewer): MenuLink[] {
      const links: MenuLink[] = [];
      if (can(viewer, 'company.manage')) links.push({ href: '/employer', label: { key: 'nav.employer' }, order: 25 });
      if (can(viewer, 'jobs.moderate'))
        links.push({ href: '/moderation/jobs', label: { key: 'nav.jobModeration' }, order: 70 });
      return links;
    },
    /** Before serving: the job index built, and jobs whose last day has passed recorded as expired. */
    async prepare(onProgress?: (done: number, total: number) => void) {
      const prepared = await board.prepare(onProgress);
      await posting.expireDue();
      return prepared;
    },
    /** Open jobs for the sitemap (wired in src/modules.ts). */
    sitemapSources: [{ name: 'jobs', entries: () => board.sitemapEntries() }],
  };
}

export type JobsModule = ReturnType<typeof createJobsModule>;
