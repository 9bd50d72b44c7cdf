/**
 * Rows for multi-row statements, a statement per chunk kept under the parameter limit. Equal-sized chunks give
 * the same SQL text, so SQLite reuses the prepared statement (connection.ts) and PostgreSQL parses one shape.
 */

/** Parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535, with room to spare. */
const MAX_PARAMETERS = 10_000;

/**
 * Rows in chunks whose sizes are powers of two: the largest that fits the parameter limit, then the rest
 * by halves. Every statement shape recurs from batch to batch, so SQLite's statement cache
 * (connection.ts) reuses a dozen prepared statements per table instead of preparing (and keeping)
 * a new one for every row count.
 */
export function chunksOf<T extends object>(rows: T[], maxRows = Infinity, parametersPerRow?: number): T[][] {
  if (rows.length === 0) return [];
  // One parameter per property unless the caller binds a row differently (a prepared search document).
  const perRow = parametersPerRow ?? Object.keys(rows[0]!).length;
  let size = 1;
  while (size * 2 * perRow <= MAX_PARAMETERS && size * 2 <= maxRows) size *= 2;
  const out: T[][] = [];
  for (let i = 0; i < rows.length; ) {
    while (size > rows.length - i) size /= 2;
    out.push(rows.slice(i, i + size));
    i += size;
  }
  return out;
}
