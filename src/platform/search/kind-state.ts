import { sql } from 'kysely';
import type { Db } from './types';

/**
 * `search_kinds` (migration 007): one row per kind with the layout its tables were made for and its document
 * count (the idf needs it on SQLite). documents = -1: the index is incomplete (new, re-created for a new layout,
 * or a rebuild that broke off) and must be rebuilt before it answers fully.
 */
export interface KindState {
  layout: string;
  documents: number;
}

export async function readKindState(db: Db, kind: string): Promise<KindState | undefined> {
  const { rows } = await sql<KindState>`select layout, documents from search_kinds where name = ${kind}`.execute(db);
  const row = rows[0];
  return row && { layout: row.layout, documents: Number(row.documents) };
}

export async function writeKindState(db: Db, kind: string, state: KindState): Promise<void> {
  await sql`insert into search_kinds (name, layout, documents) values (${kind}, ${state.layout}, ${state.documents})
            on conflict (name) do update set layout = excluded.layout, documents = excluded.documents`.execute(db);
}

export async function setDocumentCount(db: Db, kind: string, documents: number): Promise<void> {
  await sql`update search_kinds set documents = ${documents} where name = ${kind}`.execute(db);
}

/** Documents in the kind's index; -1 when it must be rebuilt, 0 when it has no state yet. */
export async function countDocuments(db: Db, kind: string): Promise<number> {
  return (await readKindState(db, kind))?.documents ?? 0;
}

/** True when the kind has no index yet, or one that must be rebuilt before it answers fully. */
export async function kindNeedsRebuild(db: Db, kind: string): Promise<boolean> {
  return ((await readKindState(db, kind))?.documents ?? -1) < 0;
}

/** Adds to the count, unless a rebuild is pending (-1 stays -1 until the rebuild ends). */
export async function addToDocumentCount(db: Db, kind: string, added: number): Promise<void> {
  if (added === 0) return;
  await sql`update search_kinds set documents = documents + ${added} where name = ${kind} and documents >= 0`.execute(
    db,
  );
}
