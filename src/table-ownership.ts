/**
 * Which tables a piece of source code names in SQL: for the ownership test (table-ownership.test.ts), which
 * checks every module's code against TABLE_OWNERS (src/database.ts).
 */

/** Kysely query-builder calls that take a table. */
const CALLS = 'selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin';
const BUILDER = new RegExp(
  `\\b(?:${CALLS}|fullJoin|crossJoin)\\(\\s*['"\`]([a-z_][a-z0-9_]*)(?:\\s+as\\s+\\w+)?['"\`]`,
  'gi',
);
/** SQL text: a keyword that a table name follows. */
const RAW = /\b(?:from|join|into|update|table|exists)\s+([a-z_][a-z0-9_]*)\b/gi;

/** The source without comments (they may name tables while explaining), strings and templates kept. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

/** Every table name the code names in a query-builder call or in SQL text, among `known` tables. */
export function tablesNamedIn(source: string, known: ReadonlySet<string>): Set<string> {
  const code = withoutComments(source);
  const found = new Set<string>();
  for (const pattern of [BUILDER, RAW]) {
    for (const match of code.matchAll(pattern)) {
      const name = match[1]!.toLowerCase();
      if (known.has(name) || name.startsWith('search_')) found.add(name);
    }
  }
  return found;
}
