/** The statute library: statutes, their versions and articles, and the citations that point into them. */
import type { FastifyInstance } from 'fastify';
import type { Invalidation } from '../platform/db/invalidation';
import { type AppDb, ownTables } from '../platform/db/tables';
import { readAliasTable } from './name-rules';
import { statuteRoutes } from './routes';
import { createStatuteService } from './service';
import { readKeywordTable } from './suggest/suggest';
import type { StatuteTables } from './tables';

export type { CitationProblem } from './citation-parser';
export {
  type ArticlePart,
  type CitationResolution,
  citationLabel,
  citationLabelIn,
  type FailedCitation,
  type ResolvedCitation,
  splitParagraphs,
} from './citations';
export { readStatuteFiles } from './import-files';
export {
  type CatalogueEntry,
  DEFAULT_LIBRARY_DIR,
  readCatalogue,
  readLibraryVersions,
  type StatuteVersionFile,
} from './library-files';
export type {
  ArticleDescription,
  CitingQuestion,
  CitingQuestionsProvider,
  StatuteService,
  StatutesAddedListener,
} from './service';
export type { SitemapEntry } from './sitemap';
export type {
  BasisEvidence,
  BasisEvidenceProvider,
  LegalBasisSuggestion,
  Signal,
  SuggestionReason,
} from './suggest/suggest';
export { TextIndex } from './suggest/text-index';
export { type MappingKind, STATUTE_TABLES, type StatuteTables } from './tables';
export type { ArticlesChanged, ArticlesChangedListener } from './versions';
export { suggestionReasonText } from './views/names';

/** Pages name their canonical path only (the layout makes it absolute), so the module needs no base URL. */
export function createStatutesModule(db: AppDb, deps: { invalidation?: Invalidation } = {}) {
  const service = createStatuteService(ownTables<StatuteTables>(db), {
    aliases: readAliasTable(),
    keywords: readKeywordTable(),
    invalidation: deps.invalidation,
  });
  return {
    service,
    routes: (app: FastifyInstance) => statuteRoutes(app, { statutes: service }),
  };
}

export type StatutesModule = ReturnType<typeof createStatutesModule>;
