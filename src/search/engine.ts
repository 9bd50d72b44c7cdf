import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../db/connection';
import type { Database } from '../db/schema';
import { createPostgresSearchEngine } from './postgres-engine';
import { createSqliteSearchEngine } from './sqlite-engine';
import type { QueryTerm } from './tokeniser';

export type Db = Kysely<Database> | Transaction<Database>;

/** What gets indexed for one document (a question with its published answers). Plain text; the engine tokenises. */
export interface SearchDocument {
  id: number;
  /** Title and other phrasings (aliases): ranked highest. */
  title: string;
  /** Details, analysis, procedure steps. */
  body: string;
  /** Legal basis: citation labels and statute titles. */
  legal: string;
}

export interface SearchFilter {
  topicId?: number;
  /** Documents whose region is one of these codes. */
  regionCodes?: string[];
}

export interface SearchHit {
  id: number;
  /** Higher is better; comparable only within one search. */
  score: number;
  /** How many of the query's terms the hit matched (all terms = terms.length). */
  matchedTerms: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching documents, counted up to `totalCap`. */
  total: number;
  totalIsCapped: boolean;
}

/**
 * A document as one engine stores it: tokenised, plain strings and numbers only, so it can be made in a
 * worker thread (src/search/prepare-pool.ts) and handed back. Made by that engine's prepare().
 */
export interface PreparedDocument {
  id: number;
  fields: string[];
}

export interface SearchEngine {
  readonly dialect: DialectName;
  /** Tokenises a document for this engine: CPU only, no database, the same in any thread. */
  prepare(doc: SearchDocument): PreparedDocument;
  /**
   * Adds or replaces prepared documents; call inside the transaction that changed them. `fresh`: none of
   * them is in the index yet (new questions), so there is nothing to replace.
   */
  store(db: Db, docs: PreparedDocument[], options?: { fresh?: boolean }): Promise<void>;
  /** Adds or replaces a document (prepare + store); call inside the transaction that changed it. */
  index(db: Db, doc: SearchDocument): Promise<void>;
  remove(db: Db, id: number): Promise<void>;
  /** Empties the index before a rebuild; the index counts as incomplete until `rebuilt`. */
  removeAll(db: Db): Promise<void>;
  /** Marks a rebuild (removeAll, then every document stored) complete. */
  rebuilt(db: Db): Promise<void>;
  /** True when the index must be rebuilt (reindexAll) before it answers fully: its layout changed. */
  needsRebuild(db: Db): Promise<boolean>;
  search(
    db: Db,
    terms: QueryTerm[],
    options: { filter?: SearchFilter; offset: number; limit: number },
  ): Promise<SearchResult>;
  /** Ids of documents whose title matches every term (the last one as a prefix), best first. */
  suggest(db: Db, terms: QueryTerm[], limit: number): Promise<number[]>;
}

export function createSearchEngine(dialect: DialectName): SearchEngine {
  return dialect === 'postgres' ? createPostgresSearchEngine() : createSqliteSearchEngine();
}
