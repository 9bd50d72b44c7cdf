import type { QueryExecutorProvider } from 'kysely';
import type { DialectName } from '../db/connection';
import type { SearchKind } from './kinds';
import type { QueryTerm } from './tokeniser';

/**
 * Where the engine runs its SQL: the app's database or the caller's transaction. Any Kysely handle will do; the
 * engine names only its own tables, in raw SQL.
 */
export type Db = QueryExecutorProvider;

export type AttributeValue = string | number | null;

/** What gets indexed for one document. Plain text; the engine tokenises. */
export interface SearchDocument {
  id: number;
  /** The title's text and each field's, by field name; a field left out is empty. */
  text: Record<string, string>;
  /** The kind's attribute values; one left out is null. */
  attributes: Record<string, AttributeValue>;
}

/**
 * A filter on one attribute: one of these values, within a range (both ends included), or, for an integer
 * attribute holding flags, every bit of `allBits` set (a document with tags 1, 4 and 8 stored as 13 meets
 * `{ allBits: 5 }`).
 */
export type AttributeCondition =
  | { in: readonly (string | number)[] }
  | { min?: number; max?: number }
  | { allBits: number };

/** Conditions on the kind's attributes, all of which a document must meet. */
export type SearchFilter = Record<string, AttributeCondition>;

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
 * worker thread (prepare-pool.ts) and handed back. Made by that engine's prepare().
 */
export interface PreparedDocument {
  id: number;
  fields: string[];
  attributes: AttributeValue[];
}

/** An attribute to order a listing by; ties go to the higher document id (usually the newer). */
export interface AttributeOrder {
  attribute: string;
  descending: boolean;
}

/**
 * How to count documents: one count per value of an attribute (values no document has are left out, null is
 * never counted), or one count per named filter (each a further condition on top of the search's own).
 */
export type CountBy = { attribute: string } | { filters: Record<string, SearchFilter> };

/**
 * Listings and counts over the documents holding a search's words (all documents without words), at one moment:
 * what a search page with facets asks many times with different filters (decision 0117). Outside a transaction
 * it answers from memory kept in step with the index; inside one, with SQL.
 */
export interface AttributeView {
  /** How many documents meet the filter (exactly, no cap). */
  count(filter?: SearchFilter): Promise<number>;
  /** The same documents counted by an attribute's values, or per named filter (facet counts). */
  countBy(filter: SearchFilter | undefined, by: CountBy): Promise<Map<string, number>>;
  /** Documents meeting the filter in attribute order, the higher id first on ties. */
  list(options: { filter?: SearchFilter; order: AttributeOrder[]; offset: number; limit: number }): Promise<number[]>;
}

export interface SearchOptions {
  filter?: SearchFilter;
  offset: number;
  limit: number;
  /**
   * Only documents holding every term, and `total` counts those (a page that shows nothing else, as the jobs
   * board's relevance order): the stages for fewer terms are skipped.
   */
  everyTerm?: boolean;
}

/** One kind's index in one engine. */
export interface SearchKindIndex {
  readonly dialect: DialectName;
  readonly kind: SearchKind;
  /**
   * Creates the kind's tables when they are missing, or anew when the kind's layout changed (their documents
   * are then gone, and needsRebuild says so). Call once before using the index (the modules' start does).
   */
  ensure(db: Db): Promise<void>;
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
  /** True when the index must be rebuilt before it answers fully: new, its layout changed, or a rebuild broke off. */
  needsRebuild(db: Db): Promise<boolean>;
  search(db: Db, terms: QueryTerm[], options: SearchOptions): Promise<SearchResult>;
  /**
   * Documents meeting the filter and, when there are terms, holding every term, in attribute order (no relevance:
   * for listings sorted by date or amount, with or without words). Reads the attributes stored with the
   * documents, never the owner's tables.
   */
  list(
    db: Db,
    terms: QueryTerm[],
    options: { filter?: SearchFilter; order: AttributeOrder[]; offset: number; limit: number },
  ): Promise<number[]>;
  /**
   * A view for many listings and counts over the documents holding every term: the words are looked up once.
   * `list` above is a one-off view.
   */
  view(db: Db, terms: QueryTerm[]): Promise<AttributeView>;
  /** Ids of documents whose title matches every term (the last one as a prefix), best first. */
  suggest(db: Db, terms: QueryTerm[], limit: number): Promise<number[]>;
}
