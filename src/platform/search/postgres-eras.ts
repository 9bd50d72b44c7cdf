import { type RawBuilder, sql } from 'kysely';
import type { Db } from './types';

/**
 * The newest documents matching a tsquery, with work bounded by the matches near the top (decision 0124).
 *
 * A GIN index gives its matches in no useful order: `where document @@ q order by id desc limit 50` fetches and
 * sorts every match, reading each one's heap row (and for a phrase or a weighted lexeme its TOASTed tsvector), so
 * a stage of common words cost hundreds of milliseconds at 1 M documents. Here each document's id is also indexed
 * as era lexemes (`search_eras(id)`, in the same GIN index as the document): one lexeme per level, naming the
 * block of 2^shift ids the document falls in. A stage asks a window of the newest ids first, then windows sized
 * for the rows still wanted (nextSpan), each a few whole blocks, until it has its rows. GIN intersects a window's blocks with the query's
 * lexemes before any row is read, so the rows read are about the matches of the windows asked. The result is
 * the same as the unbounded query's: windows are asked newest first and none is skipped.
 */

/** Block sizes as shifts of the id: 512 ids, 4,096, … 2^30 (every positive integer id is in one block a level). */
export const ERA_SHIFTS = [9, 12, 15, 18, 21, 24, 27, 30] as const;
const LETTERS = 'abcdefgh';
/** The first window: this many of the smallest blocks, the newest (possibly part-filled) one included. */
export const FIRST_WINDOW_BLOCKS = 4;
/** Each window spans this many times the ids of the one before. */
const GROWTH = 8;

const blockSize = (level: number) => 2 ** ERA_SHIFTS[level]!;
const lexeme = (level: number, start: number) => `${LETTERS[level]}${Math.floor(start / blockSize(level))}`;

/**
 * The SQL function the GIN index and the windows share: a document id's era lexemes ('a1953 b244 c30 …').
 * Immutable (a pure function of the id), so PostgreSQL can index it.
 */
export const ERA_FUNCTION_SQL = `create or replace function search_eras(id integer) returns tsvector
  language sql immutable strict parallel safe
  as $$ select array_to_tsvector(array[${ERA_SHIFTS.map((shift, level) => `'${LETTERS[level]}' || (id >> ${shift})::text`).join(', ')}]) $$`;

/**
 * The fewest whole blocks covering ids [from, to): both multiples of the smallest block. From the top down,
 * each block the largest that ends at `to`'s position and starts at or above `from`.
 */
export function eraBlocks(from: number, to: number): string[] {
  const smallest = blockSize(0);
  if (from % smallest !== 0 || to % smallest !== 0 || from < 0) throw new RangeError(`eraBlocks(${from}, ${to})`);
  const blocks: string[] = [];
  let at = to;
  while (at > from) {
    let level = 0;
    while (level + 1 < ERA_SHIFTS.length) {
      const larger = blockSize(level + 1);
      if (at % larger !== 0 || at - larger < from) break;
      level++;
    }
    at -= blockSize(level);
    blocks.push(lexeme(level, at));
  }
  return blocks;
}

/** One window of ids: [from, to), as the era lexemes that cover it. */
export interface EraWindow {
  from: number;
  to: number;
  blocks: string[];
}

/** The first window's upper end for a table whose highest id is `maxId`: just above the block holding it. */
export const topOfIds = (maxId: number) => (Math.floor(Math.max(0, maxId) / blockSize(0)) + 1) * blockSize(0);

/**
 * The window below `to` spanning about `span` ids: its lower end a multiple of the block size one level below
 * the span, so it is a few whole blocks (at most 2 × 7 a level), and never below id 0.
 */
export function eraWindow(to: number, span: number): EraWindow {
  const smallest = blockSize(0);
  const alignment = ERA_SHIFTS.map((_, level) => blockSize(level))
    .filter((size) => size <= Math.max(smallest, span / GROWTH))
    .at(-1)!;
  const from = Math.max(0, Math.floor((to - span) / alignment) * alignment);
  return { from, to, blocks: eraBlocks(from, to) };
}

/**
 * How many ids the next window spans, when `covered` ids gave `found` of the `wanted` rows: enough for the rest at
 * the density seen so far, with half again to spare, and at most GROWTH times what was covered (none found yet:
 * GROWTH times). So the rows read stay near those wanted, and a rare match takes a few windows, not hundreds.
 */
export function nextSpan(covered: number, found: number, wanted: number): number {
  const most = GROWTH * covered;
  if (found === 0) return most;
  return Math.min(most, Math.max(blockSize(0), Math.ceil((1.5 * (wanted - found) * covered) / found)));
}

/** The condition "the document's id is in one of these blocks", answered by the GIN index. */
function inEraBlocks(alias: string, blocks: string[]): RawBuilder<unknown> {
  // Lexemes are a letter and digits (eraBlocks): nothing to escape.
  return sql`search_eras(${sql.ref(`${alias}.id`)}) @@ cast(${blocks.map((b) => `'${b}'`).join(' | ')} as tsquery)`;
}

/**
 * The `cap` highest ids of `table` (alias d) whose row meets `condition`, highest first: the same ids as
 * `where condition order by id desc limit cap`, asked window by window, newest first, until `cap` are found.
 * A window's statement has no order and no limit: with them PostgreSQL may walk the primary key backwards and
 * test the condition row by row (it did, for the unbounded query: every row's tsvector read until enough match).
 */
export async function newestMatching(
  db: Db,
  table: RawBuilder<unknown>,
  condition: RawBuilder<unknown>,
  cap: number,
  maxId: number,
): Promise<number[]> {
  const found: number[] = [];
  const top = topOfIds(maxId);
  let to = top;
  let span = FIRST_WINDOW_BLOCKS * blockSize(0);
  while (to > 0 && found.length < cap) {
    const window = eraWindow(to, span);
    const { rows } = await sql<{ ids: number[] | null }>`
      select array_agg(d.id order by d.id desc) as ids from ${table} d
      where ${inEraBlocks('d', window.blocks)} and ${condition}`.execute(db);
    found.push(...(rows[0]?.ids ?? []).slice(0, cap - found.length));
    to = window.from;
    span = nextSpan(top - to, found.length, cap);
  }
  return found;
}
