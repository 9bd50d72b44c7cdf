/**
 * The social security inquiry center: questions, answers and everything around them. See CONTEXT.md for its
 * words, the tables it owns and what it asks of other modules.
 */
import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../accounts';
import { type Invalidation, localInvalidation } from '../platform/db/invalidation';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { SearchEngine } from '../platform/search';
import type { MenuLink } from '../platform/web/chrome';
import { createWorkflowService } from './answering/service';
import { createCommunityService } from './community/service';
import { basisEvidenceProvider } from './content/basis-evidence';
import type { InquiryContext, InquiryDeps } from './deps';
import { pendingCitationsListener } from './import/pending';
import { createImportService } from './import/service';
import { amendmentListener, citingQuestionsProvider } from './moderation/amendments';
import { createDuplicateService } from './moderation/duplicates';
import { createStaleAnswerService } from './moderation/stale';
import * as questionRepo from './questions/repository';
import { createQuestionService } from './questions/service';
import { inquirySitemapSources } from './questions/sitemap';
import { ViewCounter } from './questions/view-counter';
import { createRevisionService } from './revisions/service';
import { type InquiryServices, inquiryRoutes } from './routes';
import { createQuestionSearch } from './search/service';
import type { InquiryTables } from './tables';

export { STEP_CHANNELS } from './content/schemas';
export { DEFAULT_BATCH, type ImportOptions } from './import/service';
export { type ImportSummary, summaryTable } from './import/summary';
export { QUESTION_KIND } from './search/documents';
export { SearchBox } from './search/views/search-box';
export { INQUIRY_TABLES, type InquiryTables } from './tables';

/** How often buffered page views are written. */
const VIEW_FLUSH_MS = 5_000;

export function createInquiryModule(
  db: AppDb,
  deps: InquiryDeps & { engine: SearchEngine; baseUrl: string; now?: () => Date; invalidation?: Invalidation },
) {
  const ctx: InquiryContext = {
    db: ownTables<InquiryTables>(db),
    statutes: deps.statutes,
    regions: deps.regions,
    accounts: deps.accounts,
    notifications: deps.notifications,
    now: deps.now ?? (() => new Date()),
    invalidation: deps.invalidation ?? localInvalidation(),
  };
  const views = new ViewCounter((batch) => questionRepo.addViews(ctx.db, batch));
  const search = createQuestionSearch(ctx, deps.engine);
  const questions = createQuestionService(ctx, views, search);
  const community = createCommunityService(ctx, questions);
  const workflow = createWorkflowService(ctx, { search, questions, community });
  // An edit of a published answer tells the people following it.
  const revisions = createRevisionService(ctx, {
    search,
    questions,
    onRevised: ({ answerId, questionId }) => community.notifyRevised(answerId, questionId),
  });
  const duplicates = createDuplicateService(ctx, { search, questions });
  const stale = createStaleAnswerService(ctx, { search, questions });
  const imports = createImportService(ctx, { search, questions });
  // Statutes tell inquiry when the law changes under its answers, and ask it who cites an article.
  deps.statutes.onArticlesChanged(amendmentListener());
  deps.statutes.provideCitingQuestions(citingQuestionsProvider(ctx));
  // The legal-basis suggester learns from the articles answers to similar questions cite.
  deps.statutes.provideBasisEvidence(basisEvidenceProvider(ctx.db));
  // Question pages show their citations' statutes: an import of the library, once committed, drops them (the
  // reindex below drops the pages it resolves inside the import's transaction, which a reader may refill meanwhile).
  deps.statutes.onLibraryChanged(() => questions.forgetAllQuestionsHere());
  // A statute new to the library resolves the imported citations that were waiting for it.
  deps.statutes.onStatutesAdded(
    pendingCitationsListener(deps.statutes, {
      reindex: async (trx, ids) => {
        if (ids.length > 0) await search.reindexQuestions(trx, ids);
        for (const id of ids) questions.forgetQuestion(id);
      },
    }),
  );

  const services: InquiryServices = { questions, search, workflow, community, revisions, duplicates, stale };
  return {
    ...services,
    imports,
    routes: (app: FastifyInstance) => inquiryRoutes(app, { services, baseUrl: deps.baseUrl }),
    /** The center's topics and answered questions, for the sitemap. */
    sitemapSources: inquirySitemapSources(ctx.db),

    /** The staff's links in the header. */
    menu(viewer: Viewer): MenuLink[] {
      const links: MenuLink[] = [];
      if (can(viewer, 'answer.write'))
        links.push({ href: '/expert/queue', label: { key: 'nav.expertQueue' }, order: 30 });
      if (can(viewer, 'answer.review')) {
        links.push(
          { href: '/editor/review', label: { key: 'nav.review' }, order: 40 },
          { href: '/editor/stale', label: { key: 'nav.stale' }, order: 50 },
          { href: '/editor/imported', label: { key: 'nav.imported' }, order: 60 },
        );
      }
      return links;
    },

    /** Before serving: the search index exists for the questions kind as defined now (rebuilt if it must be). */
    async prepare(onProgress?: (done: number, total: number) => void) {
      return { rebuiltSearchIndex: await search.rebuildIfNeeded(onProgress) };
    },

    /** Page views, counted in memory and written in batches (view-counter.ts). */
    views,
    /** Page views are written every few seconds while serving, and once more on stop. */
    start(onError: (error: unknown) => void) {
      views.start(VIEW_FLUSH_MS, onError);
    },
    stop: () => views.stop(),
  };
}

export type InquiryModule = ReturnType<typeof createInquiryModule>;
export type { InquiryServices };
