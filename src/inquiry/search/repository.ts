import type { InquiryDb as Db } from '../tables';

/** Questions with what the search index needs of them, for a batch of ids. */
export async function listQuestionsForIndex(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  // A duplicate lives on as an alias of its target; only the target is searchable.
  return db
    .selectFrom('questions')
    .select(['id', 'title', 'details', 'topic_id', 'region_code'])
    .where('id', 'in', ids)
    .where('duplicate_of_id', 'is', null)
    .execute();
}

/** Titles of the other-language versions of questions, so a question is found in either language. */
export async function listTranslationTitles(db: Db, questionIds: number[]) {
  if (questionIds.length === 0) return [];
  const translations = await db
    .selectFrom('questions as t')
    .select(['t.translation_of_id as question_id', 't.title'])
    .where('t.translation_of_id', 'in', questionIds)
    .execute();
  const originals = await db
    .selectFrom('questions as q')
    .innerJoin('questions as o', 'o.id', 'q.translation_of_id')
    .select(['q.id as question_id', 'o.title'])
    .where('q.id', 'in', questionIds)
    .execute();
  return [...translations, ...originals] as { question_id: number; title: string }[];
}

export async function listAliases(db: Db, questionIds: number[]) {
  if (questionIds.length === 0) return [];
  return db
    .selectFrom('question_aliases')
    .select(['question_id', 'text'])
    .where('question_id', 'in', questionIds)
    .execute();
}

/** Ids in order, a batch after `afterId`, for rebuilding the whole index. */
export async function listQuestionIdsAfter(db: Db, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('questions')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function countAllQuestions(db: Db) {
  const row = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What a result line shows: the question, its topic (both languages' titles) and region, and the text to cut a
 * snippet from.
 */
export async function listResultRows(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return (
    db
      .selectFrom('questions as q')
      .innerJoin('topics as t', 't.id', 'q.topic_id')
      .select([
        'q.id',
        'q.slug',
        'q.title',
        'q.details',
        'q.locale',
        'q.status',
        'q.region_code',
        't.slug as topic_slug',
        't.title_en as topic_title_en',
        't.title_zh as topic_title_zh',
      ])
      // The first published answer's analysis is the snippet's source.
      .select((eb) =>
        eb
          .selectFrom('answers as a')
          .select('a.analysis_md')
          .whereRef('a.question_id', '=', 'q.id')
          .where('a.status', '=', 'published')
          .orderBy('a.id')
          .limit(1)
          .as('analysis_md'),
      )
      .where('q.id', 'in', ids)
      .execute()
  );
}

/**
 * The questions of the translation groups of these questions (each original and its translations, merged
 * duplicates left out), with what a suggestion shows: one query, through the primary key and the
 * translation_of_id index.
 */
export async function listGroupMembers(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const groups = db
    .selectFrom('questions')
    .select((eb) => eb.fn.coalesce('translation_of_id', 'id').as('group_id'))
    .where('id', 'in', ids);
  return db
    .selectFrom('questions')
    .select(['id', 'slug', 'title', 'locale', 'translation_of_id'])
    .where('duplicate_of_id', 'is', null)
    .where((eb) => eb.or([eb('id', 'in', groups), eb('translation_of_id', 'in', groups)]))
    .execute();
}

/** The topics a search can be narrowed to, in the topic tree's order. */
export async function listTopics(db: Db) {
  return db.selectFrom('topics').select(['slug', 'title_en', 'title_zh']).orderBy('position').execute();
}

export async function findTopicId(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('topics').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}
