import { type RawBuilder, sql } from 'kysely';
import type { SearchKind } from './kinds';
import type { AttributeCondition, SearchFilter } from './types';

export const hasFilter = (filter: SearchFilter | undefined): filter is SearchFilter =>
  !!filter && Object.keys(filter).length > 0;

function condition(column: RawBuilder<unknown>, condition: AttributeCondition): RawBuilder<unknown> {
  if ('allBits' in condition) {
    // Flags in one integer: `(flags & mask) = mask` holds when every asked flag is set (both dialects).
    return sql`(${column} & ${condition.allBits}) = ${condition.allBits}`;
  }
  if ('in' in condition) {
    // An empty list matches nothing, as `in ()` would if SQL allowed it.
    return condition.in.length === 0 ? sql`1 = 0` : sql`${column} in (${sql.join([...condition.in])})`;
  }
  const parts: RawBuilder<unknown>[] = [];
  if (condition.min !== undefined) parts.push(sql`${column} >= ${condition.min}`);
  if (condition.max !== undefined) parts.push(sql`${column} <= ${condition.max}`);
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

/**
 * `and`-joined conditions on a kind's attribute columns (of the table aliased `table`, or unqualified). Attribute
 * names come from the kind's definition, never from a request: a name the kind does not have is a programming
 * error, refused before any SQL is built. Values are bound parameters.
 */
export function attributeConditions(kind: SearchKind, filter: SearchFilter, table?: string): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const [name, cond] of Object.entries(filter)) {
    if (!kind.attributeNames.includes(name)) throw new Error(`Search kind "${kind.name}" has no attribute "${name}"`);
    parts.push(condition(sql.raw(table ? `${table}.${name}` : name), cond));
  }
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}
