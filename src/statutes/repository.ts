import type { Insertable } from 'kysely';
import { chunksOf } from '../platform/db/chunks';
import type { StatuteDb as Db, StatuteTables } from './tables';

export async function findStatuteIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('statutes').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function insertStatute(db: Db, statute: Insertable<StatuteTables['statutes']>): Promise<number> {
  const row = await db.insertInto('statutes').values(statute).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findVersion(db: Db, statuteId: number, versionDate: string) {
  return db
    .selectFrom('statute_versions')
    .selectAll()
    .where('statute_id', '=', statuteId)
    .where('version_date', '=', versionDate)
    .executeTakeFirst();
}

export async function insertVersion(
  db: Db,
  version: {
    statute_id: number;
    version_date: string;
    history_json: string;
    preamble_zh: string | null;
    source_ref: string;
    imported_at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('statute_versions')
    .values({ ...version, is_current: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The newest version by date is the one in force; older ones stay for the answers that cited them. */
export async function markNewestVersionCurrent(db: Db, statuteId: number): Promise<void> {
  const newest = await db
    .selectFrom('statute_versions')
    .select('id')
    .where('statute_id', '=', statuteId)
    .orderBy('version_date', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  await db.updateTable('statute_versions').set({ is_current: 0 }).where('statute_id', '=', statuteId).execute();
  await db.updateTable('statute_versions').set({ is_current: 1 }).where('id', '=', newest.id).execute();
}

export async function insertArticles(
  db: Db,
  versionId: number,
  articles: Omit<Insertable<StatuteTables['articles']>, 'statute_version_id'>[],
): Promise<void> {
  // Chunked so a long statute stays under SQLite's bound-parameter limit.
  for (let i = 0; i < articles.length; i += 100) {
    const chunk = articles.slice(i, i + 100).map((a) => ({ ...a, statute_version_id: versionId }));
    await db.insertInto('articles').values(chunk).execute();
  }
}

export async function countStatutes(db: Db): Promise<number> {
  const row = await db
    .selectFrom('statutes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Statutes with the version in force, and the columns every caller wants of them. */
function statutesInForce(db: Db) {
  return db
    .selectFrom('statutes as s')
    .innerJoin('statute_versions as v', (join) => join.onRef('v.statute_id', '=', 's.id').on('v.is_current', '=', 1))
    .select([
      's.id',
      's.slug',
      's.title_zh',
      's.short_title_zh',
      's.title_en',
      's.short_title_en',
      's.level_zh',
      'v.id as version_id',
      'v.version_date',
    ]);
}

export async function listStatutesWithCurrentVersion(db: Db) {
  return statutesInForce(db)
    .select(['s.tier', 's.aliases_json'])
    .select((eb) =>
      eb
        .selectFrom('articles as a')
        .whereRef('a.statute_version_id', '=', 'v.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('article_count'),
    )
    .orderBy('s.position')
    .execute();
}

export async function findStatuteWithCurrentVersion(db: Db, slug: string) {
  return statutesInForce(db)
    .select(['v.history_json', 'v.preamble_zh', 'v.source_ref'])
    .where('s.slug', '=', slug)
    .executeTakeFirst();
}

export async function listArticlesOfVersion(db: Db, versionId: number) {
  return db
    .selectFrom('articles')
    .select(['id', 'number', 'label_zh', 'part_zh', 'subpart_zh', 'chapter_zh', 'section_zh', 'text_zh'])
    .where('statute_version_id', '=', versionId)
    .orderBy('number')
    .execute();
}

export interface ArticleRef {
  slug: string;
  number: number;
}

/** Articles with their version and statute: the one place this join is written. */
function articlesWithStatutes(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('statute_versions as v', 'v.id', 'a.statute_version_id')
    .innerJoin('statutes as s', 's.id', 'v.statute_id');
}

const articleColumns = [
  'a.id',
  'a.number',
  'a.label_zh',
  'a.text_zh',
  's.slug',
  's.title_zh',
  's.short_title_en',
  's.title_en',
  'v.version_date',
  'v.is_current',
] as const;

/** Current-version articles for many (statute, number) pairs in one query. */
export async function findCurrentArticles(db: Db, refs: ArticleRef[]) {
  if (refs.length === 0) return [];
  return articlesWithStatutes(db)
    .select(articleColumns)
    .where('v.is_current', '=', 1)
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('s.slug', '=', r.slug), eb('a.number', '=', r.number)]))))
    .execute();
}

/** Every article of every statute version in force, for the in-memory suggestion index. */
export async function listCurrentArticles(db: Db) {
  return articlesWithStatutes(db)
    .select([
      'a.id',
      's.slug',
      's.title_zh',
      's.short_title_zh',
      's.title_en',
      's.short_title_en',
      'a.number',
      'a.label_zh',
      'a.chapter_zh',
      'a.text_zh',
    ])
    .where('v.is_current', '=', 1)
    .orderBy('s.position')
    .orderBy('a.number')
    .execute();
}

/**
 * The text of every article of every version of the statutes, newest version first: when each article in force
 * last changed (sitemap.ts).
 */
export async function listArticleTextsOfAllVersions(db: Db) {
  return articlesWithStatutes(db)
    .select(['s.slug', 'v.id as version_id', 'v.version_date', 'v.is_current', 'a.number', 'a.text_zh'])
    .orderBy('s.position')
    .orderBy('v.version_date', 'desc')
    .orderBy('a.number')
    .execute();
}

/** Articles by id (of any version), with their statute and version. */
export async function describeArticles(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return articlesWithStatutes(db).select(articleColumns).where('a.id', 'in', ids).execute();
}

export async function findCurrentVersion(db: Db, statuteId: number) {
  return db
    .selectFrom('statute_versions')
    .select(['id', 'version_date'])
    .where('statute_id', '=', statuteId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
}

export async function insertArticleChanges(
  db: Db,
  changes: {
    statute_id: number;
    from_version_id: number;
    to_version_id: number;
    article_number: number;
    change: 'changed' | 'added' | 'removed';
  }[],
) {
  for (const chunk of chunksOf(changes)) await db.insertInto('article_changes').values(chunk).execute();
}

/** For articles of older versions: the article with the same number in the version in force, if there is one. */
export async function findCounterpartsInForce(db: Db, articleIds: number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('articles as old')
    .innerJoin('statute_versions as v', 'v.id', 'old.statute_version_id')
    .innerJoin('statute_versions as cv', (join) =>
      join.onRef('cv.statute_id', '=', 'v.statute_id').on('cv.is_current', '=', 1),
    )
    .innerJoin('articles as cur', (join) =>
      join.onRef('cur.statute_version_id', '=', 'cv.id').onRef('cur.number', '=', 'old.number'),
    )
    .select(['old.id as old_id', 'cur.id as current_id'])
    .where('old.id', 'in', articleIds)
    .execute();
}

export async function insertArticleMappings(db: Db, rows: Insertable<StatuteTables['article_mappings']>[]) {
  for (const chunk of chunksOf(rows)) await db.insertInto('article_mappings').values(chunk).execute();
}

/**
 * One step along the alignments: for articles of older versions, the articles of the next version that carry
 * their rule (none for a removed article), with how they relate. The caller follows the steps to the version
 * in force.
 */
export async function findNextArticles(db: Db, articleIds: number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_mappings as m')
    .innerJoin('statute_versions as v', 'v.id', 'm.to_version_id')
    .select(['m.from_article_id', 'm.to_article_id', 'm.kind', 'm.similarity', 'v.is_current'])
    .where('m.from_article_id', 'in', articleIds)
    .orderBy('m.from_article_id')
    .orderBy('m.similarity', 'desc')
    .execute();
}

/** A statute with one of its versions, by date (any version, in force or not). */
export async function findStatuteWithVersion(db: Db, slug: string, versionDate: string) {
  return db
    .selectFrom('statutes as s')
    .innerJoin('statute_versions as v', 'v.statute_id', 's.id')
    .select([
      's.id',
      's.slug',
      's.title_zh',
      's.short_title_zh',
      's.title_en',
      's.short_title_en',
      's.level_zh',
      'v.id as version_id',
      'v.version_date',
      'v.is_current',
      'v.history_json',
      'v.preamble_zh',
      'v.source_ref',
    ])
    .where('s.slug', '=', slug)
    .where('v.version_date', '=', versionDate)
    .executeTakeFirst();
}

export async function listVersionDates(db: Db, statuteId: number) {
  return db
    .selectFrom('statute_versions')
    .select(['version_date', 'is_current'])
    .where('statute_id', '=', statuteId)
    .orderBy('version_date')
    .execute();
}

/** The articles of earlier versions whose rule these articles carry (one step back along the alignments). */
export async function findPreviousArticles(db: Db, articleIds: number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_mappings')
    .select(['from_article_id', 'to_article_id'])
    .where('to_article_id', 'in', articleIds)
    .where('from_article_id', 'is not', null)
    .execute();
}
