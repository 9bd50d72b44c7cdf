import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function findStatuteIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('statutes').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function insertStatute(db: Db, statute: Insertable<Database['statutes']>): Promise<number> {
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
  articles: {
    number: number;
    label_zh: string;
    chapter_zh: string | null;
    section_zh: string | null;
    text_zh: string;
  }[],
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

export async function listStatutesWithCurrentVersion(db: Db) {
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
      's.tier',
      's.aliases_json',
      'v.id as version_id',
      'v.version_date',
    ])
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
      'v.history_json',
      'v.preamble_zh',
      'v.source_ref',
    ])
    .where('s.slug', '=', slug)
    .executeTakeFirst();
}

export async function listArticlesOfVersion(db: Db, versionId: number) {
  return db
    .selectFrom('articles')
    .select(['id', 'number', 'label_zh', 'chapter_zh', 'section_zh', 'text_zh'])
    .where('statute_version_id', '=', versionId)
    .orderBy('number')
    .execute();
}

export interface ArticleRef {
  slug: string;
  number: number;
}

/** Current-version articles for many (statute, number) pairs in one query. */
export async function findCurrentArticles(db: Db, refs: ArticleRef[]) {
  if (refs.length === 0) return [];
  return db
    .selectFrom('articles as a')
    .innerJoin('statute_versions as v', 'v.id', 'a.statute_version_id')
    .innerJoin('statutes as s', 's.id', 'v.statute_id')
    .select([
      'a.id',
      'a.number',
      'a.label_zh',
      'a.text_zh',
      's.slug',
      's.title_zh',
      's.short_title_en',
      's.title_en',
      'v.version_date',
    ])
    .where('v.is_current', '=', 1)
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('s.slug', '=', r.slug), eb('a.number', '=', r.number)]))))
    .execute();
}

/** Published answers (with their question) that cite one article; for the article page. */
export async function listQuestionsCitingArticle(db: Db, articleId: number) {
  return db
    .selectFrom('answer_citations as c')
    .innerJoin('answers as an', 'an.id', 'c.answer_id')
    .innerJoin('questions as q', 'q.id', 'an.question_id')
    .select(['q.id', 'q.slug', 'q.title', 'q.locale'])
    .distinct()
    .where('c.article_id', '=', articleId)
    .where('an.status', '=', 'published')
    .orderBy('q.id')
    .execute();
}

/** Every article of every statute version in force, for the in-memory suggestion index. */
export async function listCurrentArticles(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('statute_versions as v', 'v.id', 'a.statute_version_id')
    .innerJoin('statutes as s', 's.id', 'v.statute_id')
    .select(['s.slug', 's.title_zh', 's.short_title_en', 'a.number', 'a.label_zh', 'a.text_zh'])
    .where('v.is_current', '=', 1)
    .orderBy('s.position')
    .orderBy('a.number')
    .execute();
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
  for (let i = 0; i < changes.length; i += 200)
    await db
      .insertInto('article_changes')
      .values(changes.slice(i, i + 200))
      .execute();
}

/** Points citations of an unchanged article at the same article of the new version. */
export async function repointCitations(db: Db, pairs: { from: number; to: number }[]) {
  for (const { from, to } of pairs) {
    await db.updateTable('answer_citations').set({ article_id: to }).where('article_id', '=', from).execute();
  }
}

/** Flags the published answers that cite any of these (changed or removed) articles; returns how many. */
export async function flagAnswersCiting(db: Db, articleIds: number[], flaggedAt: string): Promise<number> {
  let flagged = 0;
  for (let i = 0; i < articleIds.length; i += 500) {
    const chunk = articleIds.slice(i, i + 500);
    const result = await db
      .updateTable('answers')
      .set({ review_flag: 'law-amended', flagged_at: flaggedAt })
      .where('status', '=', 'published')
      .where('id', 'in', (eb) => eb.selectFrom('answer_citations').select('answer_id').where('article_id', 'in', chunk))
      .executeTakeFirst();
    flagged += Number(result.numUpdatedRows);
  }
  return flagged;
}
