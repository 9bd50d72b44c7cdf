import { type RawBuilder, sql } from 'kysely';
import { attributeConditions, hasFilter } from './filters';
import type { SearchKind } from './kinds';
import type { QueryTerm } from './tokeniser';
import type { AttributeOrder, CountBy, Db, SearchFilter } from './types';

/**
 * Listings and counts over the attributes stored with a kind's documents, the same SQL on both engines: each
 * engine says where the attributes are (a table aliased `d` with an id column) and how to ask "holds every term"
 * of its full-text index. Attribute names come from the kind, checked here; values are bound parameters.
 */
export interface AttributeSource {
  /** The table holding one row per document with the kind's attributes as columns. */
  table: RawBuilder<unknown>;
  /** Its document id column. */
  id: string;
  /** A condition on `d`: the document holds every term (all words, each in any of its forms). */
  holdsEvery(terms: QueryTerm[]): RawBuilder<unknown>;
}

function checkAttribute(kind: SearchKind, name: string) {
  if (!kind.attributeNames.includes(name)) throw new Error(`Search kind "${kind.name}" has no attribute "${name}"`);
}

function where(kind: SearchKind, source: AttributeSource, terms: QueryTerm[], filter: SearchFilter | undefined) {
  const parts: RawBuilder<unknown>[] = [];
  if (hasFilter(filter)) parts.push(attributeConditions(kind, filter, 'd'));
  if (terms.length > 0) parts.push(source.holdsEvery(terms));
  return parts.length === 0 ? sql`` : sql`where ${sql.join(parts, sql` and `)}`;
}

export async function listByAttributes(
  db: Db,
  kind: SearchKind,
  source: AttributeSource,
  terms: QueryTerm[],
  options: { filter?: SearchFilter; order: AttributeOrder[]; offset: number; limit: number },
): Promise<number[]> {
  const order = options.order.map(({ attribute, descending }) => {
    checkAttribute(kind, attribute);
    return `d.${attribute} ${descending ? 'desc' : 'asc'}`;
  });
  // The id last: a stable order, so pages never repeat or skip a document.
  const orderBy = sql.raw([...order, `d.${source.id} desc`].join(', '));
  const { rows } = await sql<{ id: number }>`
    select d.${sql.raw(source.id)} as id from ${source.table} d ${where(kind, source, terms, options.filter)}
    order by ${orderBy} limit ${options.limit} offset ${options.offset}`.execute(db);
  return rows.map((r) => Number(r.id));
}

export async function countByAttributes(
  db: Db,
  kind: SearchKind,
  source: AttributeSource,
  terms: QueryTerm[],
  filter: SearchFilter | undefined,
): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from ${source.table} d ${where(kind, source, terms, filter)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function countByValues(
  db: Db,
  kind: SearchKind,
  source: AttributeSource,
  terms: QueryTerm[],
  filter: SearchFilter | undefined,
  by: CountBy,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const conditions = where(kind, source, terms, filter);
  if ('attribute' in by) {
    checkAttribute(kind, by.attribute);
    const column = sql.raw(`d.${by.attribute}`);
    const { rows } = await sql<{ value: string | number | null; n: number | string }>`
      select ${column} as value, count(*) as n from ${source.table} d ${conditions} group by ${column}`.execute(db);
    for (const row of rows) if (row.value !== null) counts.set(String(row.value), Number(row.n));
    return counts;
  }
  const names = Object.keys(by.filters);
  if (names.length === 0) return counts;
  // One pass over the matching documents, one sum per named filter (portable: no FILTER clause on SQLite < 3.30).
  const sums = names.map(
    (name, i) =>
      sql`sum(case when ${attributeConditions(kind, by.filters[name]!, 'd')} then 1 else 0 end) as ${sql.raw(`c${i}`)}`,
  );
  const { rows } = await sql<Record<string, number | string | null>>`
    select ${sql.join(sums)} from ${source.table} d ${conditions}`.execute(db);
  for (const [i, name] of names.entries()) counts.set(name, Number(rows[0]?.[`c${i}`] ?? 0));
  return counts;
}
