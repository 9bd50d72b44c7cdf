import type { Kysely } from 'kysely';
import type { DialectName } from './db/connection';
import type { Database } from './db/schema';
import { addViews } from './inquiry/repository';
import { createQuestionSearch } from './inquiry/search-service';
import { createInquiryService } from './inquiry/service';
import { ViewCounter } from './inquiry/view-counter';
import { createSearchEngine } from './search/engine';
import { createStatuteService } from './statutes/service';

/** Wires the capabilities' services together once; the app, the CLI and tests all start here. */
export function createServices(db: Kysely<Database>, dialect: DialectName) {
  const statutes = createStatuteService(db);
  const views = new ViewCounter((batch) => addViews(db, batch));
  const search = createQuestionSearch(db, createSearchEngine(dialect));
  const inquiry = createInquiryService(db, statutes, views, search);
  return { statutes, views, search, inquiry };
}

export type Services = ReturnType<typeof createServices>;
