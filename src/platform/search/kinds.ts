/**
 * Kinds of documents the engine indexes (questions now, jobs next): each with its fields, their weights and the
 * attributes it can be filtered by, stored in the index itself so the engine never reads its owner's tables
 * (docs/decisions/0110-the-house.md). Each kind has tables of its own; `layout` says what they hold, and a kind
 * whose layout changed is rebuilt (SearchKindIndex.ensure).
 */

/** One text field of a kind. Field weights and typical lengths feed BM25 (impacts.ts) on SQLite. */
export interface SearchField {
  /** A column name: lower-case letters, digits and underscores. */
  name: string;
  /** Relative weight of a match here (the questions kind: title 10, body 2, legal basis 1). */
  weight: number;
  /** Usual length of the field in tokens; a fixed constant, not the live average (impacts are stored). */
  typicalLength: number;
  /**
   * SQLite: Chinese bigrams in a column of their own (`<name>_bg`, so bigram hits can rank below word hits), or
   * in the word column (a short field rarely typed, where a column of its own costs more than it gives).
   */
  bigrams: 'own-column' | 'with-words';
}

export type AttributeType = 'integer' | 'text';

/** What a module tells the engine about its documents. Plain data: worker threads receive it too. */
export interface SearchKindSpec {
  /** Names the kind's tables: lower-case letters, digits and underscores. */
  name: string;
  /** The title field: ranked highest; title stages and suggestions read it alone. Bigrams have their own column. */
  title: Omit<SearchField, 'bigrams'>;
  /** The other text fields, in order. */
  fields: SearchField[];
  /** Values a search can be filtered by, stored with each document: name → type. */
  attributes: Record<string, AttributeType>;
}

/** A kind as the engines use it: the spec, its layout signature and its SQL names, computed once. */
export interface SearchKind extends SearchKindSpec {
  /** Changes whenever the kind's tables would hold something different. */
  layout: string;
  attributeNames: string[];
  /** Impact field weights in document order: the title, then the fields. */
  impactFields: { weight: number; typicalLength: number }[];
  /** SQLite FTS5 columns of the document table, in order: title, title_bg, then each field's columns. */
  ftsColumns: string[];
  /** FTS5 column filters: word and bigram forms, anywhere and in the title only. */
  columnSets: { words: string; bigrams: string; titleWords: string; titleBigrams: string; title: string };
}

/**
 * Bumped when the engines store a kind differently (tokens, impact bands, column order): every kind is then
 * rebuilt on the next start.
 */
export const ENGINE_LAYOUT_VERSION = 1;

const NAME = /^[a-z][a-z0-9_]{0,30}$/;

function checkName(what: string, name: string) {
  if (!NAME.test(name)) throw new Error(`Search ${what} "${name}" must be lower-case letters, digits and _`);
}

export function defineSearchKind(spec: SearchKindSpec): SearchKind {
  checkName('kind', spec.name);
  const title = { ...spec.title, bigrams: 'own-column' as const };
  const fields = [title, ...spec.fields];
  for (const field of fields) checkName('field', field.name);
  const attributeNames = Object.keys(spec.attributes);
  for (const name of attributeNames) checkName('attribute', name);
  const columns = new Set<string>();
  const ftsColumns: string[] = [];
  for (const field of fields) {
    const own = field.bigrams === 'own-column' ? [field.name, `${field.name}_bg`] : [field.name];
    for (const column of own) {
      if (columns.has(column)) throw new Error(`Search kind "${spec.name}" has the column "${column}" twice`);
      columns.add(column);
      ftsColumns.push(column);
    }
  }
  const bigramColumn = (f: SearchField) => (f.bigrams === 'own-column' ? `${f.name}_bg` : f.name);
  return {
    ...spec,
    layout: JSON.stringify({ engine: ENGINE_LAYOUT_VERSION, fields, attributes: spec.attributes }),
    attributeNames,
    impactFields: fields.map((f) => ({ weight: f.weight, typicalLength: f.typicalLength })),
    ftsColumns,
    columnSets: {
      words: `{${fields.map((f) => f.name).join(' ')}}`,
      bigrams: `{${fields.map(bigramColumn).join(' ')}}`,
      titleWords: `{${title.name}}`,
      titleBigrams: `{${title.name}_bg}`,
      title: `{${title.name} ${title.name}_bg}`,
    },
  };
}

/** The tables a kind's index lives in. */
export function kindTables(kind: Pick<SearchKindSpec, 'name'>) {
  const prefix = `search_${kind.name}`;
  return {
    /** SQLite: every field (FTS5, contentless); PostgreSQL: the document table with its tsvector and attributes. */
    documents: `${prefix}_documents`,
    fts: `${prefix}_fts`,
    titles: `${prefix}_titles`,
    impacts: `${prefix}_impacts`,
    impactBands: `${prefix}_impact_bands`,
    attributes: `${prefix}_attributes`,
    /** Both: the ids each write touched, for the processes keeping the attributes in memory (attribute-views.ts). */
    changes: `${prefix}_changes`,
  };
}
