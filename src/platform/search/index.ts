/**
 * The search engine (docs/decisions/0102, 0108, 0109, 0110): one tokeniser for documents and queries, and an
 * index per kind of document on SQLite FTS5 or PostgreSQL. Modules define their kinds (defineSearchKind) and
 * get an index for each from the engine of the app's dialect.
 */
import type { DialectName } from '../db/connection';
import type { SearchKind } from './kinds';
import { createPostgresKindIndex } from './postgres-engine';
import { createSqliteKindIndex } from './sqlite-engine';
import type { SearchKindIndex } from './types';

export { defineSearchKind, type SearchField, type SearchKind, type SearchKindSpec } from './kinds';
export type {
  AttributeCondition,
  AttributeOrder,
  AttributeValue,
  AttributeView,
  CountBy,
  Db,
  PreparedDocument,
  SearchDocument,
  SearchFilter,
  SearchHit,
  SearchKindIndex,
  SearchOptions,
  SearchResult,
} from './types';

export interface SearchEngine {
  readonly dialect: DialectName;
  /** The index of one kind (the same object for the same kind). */
  index(kind: SearchKind): SearchKindIndex;
}

export function createSearchEngine(dialect: DialectName): SearchEngine {
  const indexes = new Map<SearchKind, SearchKindIndex>();
  return {
    dialect,
    index(kind) {
      let found = indexes.get(kind);
      if (!found) {
        found = dialect === 'postgres' ? createPostgresKindIndex(kind) : createSqliteKindIndex(kind);
        indexes.set(kind, found);
      }
      return found;
    },
  };
}
