import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Locale } from './tables';

type Db = Kysely<Database> | Transaction<Database>;

const questionSummaryColumns = [
  'q.id',
  'q.slug',
  'q.title',
  'q.locale',
  'q.status',
  'q.origin',
  'q.region_code',
  'q.view_count',
  'q.created_at',
  't.slug as topic_slug',
  't.title_en as topic_title',
] as const;

// ---- topics and regions -------------------------------------------------------------------

export async function listTopicsWithCounts(db: Db) {
  return db
    .selectFrom('topics as t')
    .leftJoin('questions as q', (join) => join.onRef('q.topic_id', '=', 't.id').on('q.duplicate_of_id', 'is', null))
    .select(['t.id', 't.slug', 't.title_en', 't.title_zh', 't.summary_en'])
    .select((eb) => eb.fn.count<number>('q.id').as('question_count'))
    .groupBy(['t.id', 't.slug', 't.title_en', 't.title_zh', 't.summary_en', 't.position'])
    .orderBy('t.position')
    .execute();
}

export async function findTopicBySlug(db: Db, slug: string) {
  return db.selectFrom('topics').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function upsertTopic(
  db: Db,
  topic: { slug: string; title_en: string; title_zh: string; summary_en: string; position: number },
) {
  await db
    .insertInto('topics')
    .values(topic)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        title_en: topic.title_en,
        title_zh: topic.title_zh,
        summary_en: topic.summary_en,
        position: topic.position,
      }),
    )
    .execute();
}

export async function upsertRegion(
  db: Db,
  region: { code: string; name_en: string; name_zh: string; level: string; parent_code: string | null },
) {
  await db
    .insertInto('regions')
    .values(region)
    .onConflict((oc) => oc.column('code').doUpdateSet({ name_en: region.name_en, name_zh: region.name_zh }))
    .execute();
}

export async function findRegion(db: Db, code: string) {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

// ---- question lists -----------------------------------------------------------------------

export async function listLatestQuestions(db: Db, limit: number) {
  return db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select(questionSummaryColumns)
    .where('q.duplicate_of_id', 'is', null)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .execute();
}

export async function listMostViewedQuestions(db: Db, limit: number) {
  return db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select(questionSummaryColumns)
    .where('q.duplicate_of_id', 'is', null)
    .orderBy('q.view_count', 'desc')
    .orderBy('q.id')
    .limit(limit)
    .execute();
}

export async function listQuestions(db: Db, filter: { topicId?: number }, offset: number, limit: number) {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select(questionSummaryColumns)
    .where('q.duplicate_of_id', 'is', null);
  if (filter.topicId !== undefined) query = query.where('q.topic_id', '=', filter.topicId);
  // Newest first; id breaks ties so pages never overlap.
  return query.orderBy('q.created_at', 'desc').orderBy('q.id', 'desc').offset(offset).limit(limit).execute();
}

export async function countQuestions(db: Db, filter: { topicId?: number }) {
  let query = db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('duplicate_of_id', 'is', null);
  if (filter.topicId !== undefined) query = query.where('topic_id', '=', filter.topicId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function listRelatedQuestions(db: Db, topicId: number, excludeId: number, locale: Locale, limit: number) {
  return db
    .selectFrom('questions as q')
    .select(['q.id', 'q.slug', 'q.title'])
    .where('q.topic_id', '=', topicId)
    .where('q.id', '!=', excludeId)
    .where('q.duplicate_of_id', 'is', null)
    .where('q.locale', '=', locale)
    .orderBy('q.view_count', 'desc')
    .orderBy('q.id')
    .limit(limit)
    .execute();
}

// ---- one question with its answers --------------------------------------------------------

export async function findQuestion(db: Db, id: number) {
  return (
    db
      .selectFrom('questions as q')
      .innerJoin('topics as t', 't.id', 'q.topic_id')
      .innerJoin('regions as r', 'r.code', 'q.region_code')
      .leftJoin('users as u', 'u.id', 'q.asker_id')
      // A translation is either the question this one translates or one that translates it.
      .leftJoin('questions as tr', (join) =>
        join.on((eb) =>
          eb.or([eb('tr.id', '=', eb.ref('q.translation_of_id')), eb('tr.translation_of_id', '=', eb.ref('q.id'))]),
        ),
      )
      .select([
        'q.id',
        'q.slug',
        'q.locale',
        'q.title',
        'q.details',
        'q.status',
        'q.origin',
        'q.topic_id',
        'q.region_code',
        'q.view_count',
        'q.created_at',
        'q.updated_at',
        't.slug as topic_slug',
        't.title_en as topic_title',
        'r.name_en as region_name',
        'tr.id as translation_id',
        'tr.slug as translation_slug',
        'tr.locale as translation_locale',
        'q.anonymous',
        'q.asker_id',
        'u.display_name as asker_name',
      ])
      .where('q.id', '=', id)
      .executeTakeFirst()
  );
}

export async function listPublishedAnswers(db: Db, questionIds: number[]) {
  if (questionIds.length === 0) return [];
  return (
    db
      .selectFrom('answers as a')
      .innerJoin('regions as r', 'r.code', 'a.region_code')
      .select([
        'a.id',
        'a.question_id',
        'a.analysis_md',
        'a.analysis_html',
        'a.background_md',
        'a.background_html',
        'a.region_code',
        'r.name_en as region_name',
        'a.verified_on',
        'a.author_label',
        'a.published_at',
        'a.updated_at',
        'a.accepted',
        'a.helpful_count',
        'a.review_flag',
      ])
      .where('a.question_id', 'in', questionIds)
      .where('a.status', '=', 'published')
      // The asker's accepted answer first, then the most helpful, then the oldest.
      .orderBy('a.accepted', 'desc')
      .orderBy('a.helpful_count', 'desc')
      .orderBy('a.published_at')
      .orderBy('a.id')
      .execute()
  );
}

export async function listSteps(db: Db, answerIds: number[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectFrom('answer_steps')
    .select(['answer_id', 'position', 'action', 'materials', 'channel', 'location', 'duration'])
    .where('answer_id', 'in', answerIds)
    .orderBy('answer_id')
    .orderBy('position')
    .execute();
}

export async function listCitations(db: Db, answerIds: number[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectFrom('answer_citations as c')
    .innerJoin('articles as ar', 'ar.id', 'c.article_id')
    .innerJoin('statute_versions as v', 'v.id', 'ar.statute_version_id')
    .innerJoin('statutes as s', 's.id', 'v.statute_id')
    .select([
      'c.answer_id',
      'c.position',
      'c.paragraph',
      'c.item',
      'c.citation_text',
      'ar.number as article_number',
      'ar.label_zh as article_label',
      'ar.text_zh as article_text',
      's.slug as statute_slug',
      's.title_zh as statute_title_zh',
      's.short_title_en as statute_short_title_en',
      'v.version_date',
    ])
    .where('c.answer_id', 'in', answerIds)
    .orderBy('c.answer_id')
    .orderBy('c.position')
    .execute();
}

// ---- writes -------------------------------------------------------------------------------

export async function findQuestionIdBySourceKey(db: Db, sourceKey: string) {
  const row = await db.selectFrom('questions').select('id').where('source_key', '=', sourceKey).executeTakeFirst();
  return row?.id;
}

export async function insertQuestion(db: Db, question: Parameters<typeof insertQuestionValues>[0]) {
  const row = await db
    .insertInto('questions')
    .values(insertQuestionValues(question))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function insertQuestionValues(q: {
  topic_id: number;
  slug: string;
  locale: Locale;
  title: string;
  details: string;
  status: 'answered' | 'awaiting';
  origin: 'seed' | 'demo' | 'user' | 'imported';
  source_key: string | null;
  translation_of_id: number | null;
  region_code: string;
  created_at: string;
}) {
  return { ...q, updated_at: q.created_at };
}

export async function insertAliases(db: Db, questionId: number, aliases: string[]) {
  if (aliases.length === 0) return;
  await db
    .insertInto('question_aliases')
    .values(aliases.map((text) => ({ question_id: questionId, text })))
    .execute();
}

export async function insertAnswer(
  db: Db,
  answer: {
    question_id: number;
    status: 'draft' | 'submitted' | 'published' | 'rejected';
    analysis_md: string;
    analysis_html: string;
    background_md: string | null;
    background_html: string | null;
    region_code: string;
    verified_on: string;
    author_label: string;
    created_at: string;
    published_at: string | null;
  },
) {
  const row = await db
    .insertInto('answers')
    .values({ ...answer, updated_at: answer.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSteps(
  db: Db,
  answerId: number,
  steps: { action: string; materials: string; channel: string; location: string; duration: string }[],
) {
  if (steps.length === 0) return;
  await db
    .insertInto('answer_steps')
    .values(steps.map((s, i) => ({ ...s, channel: s.channel as never, answer_id: answerId, position: i + 1 })))
    .execute();
}

export async function insertCitations(
  db: Db,
  answerId: number,
  citations: { article_id: number; paragraph: number | null; item: number | null; citation_text: string }[],
) {
  if (citations.length === 0) return;
  await db
    .insertInto('answer_citations')
    .values(citations.map((c, i) => ({ ...c, answer_id: answerId, position: i + 1 })))
    .execute();
}

/** Adds buffered page views in one statement per question. */
export async function addViews(db: Db, views: Map<number, number>) {
  for (const [id, count] of views) {
    await db
      .updateTable('questions')
      .set({ view_count: sql`view_count + ${count}` })
      .where('id', '=', id)
      .execute();
  }
}

export async function deleteQuestion(db: Db, id: number): Promise<boolean> {
  // Translations pointing here lose the link (on delete set null); answers, steps, citations and aliases cascade.
  const result = await db.deleteFrom('questions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listRegions(db: Db) {
  return db.selectFrom('regions').select(['code', 'name_en', 'level']).orderBy('code').execute();
}
