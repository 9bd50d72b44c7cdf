import { type ExpressionBuilder, sql } from 'kysely';
import type { InquiryDb as Db, InquiryTables, Locale } from '../tables';

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
  't.title_zh as topic_title_zh',
] as const;

type WithQuestion = InquiryTables & { q: InquiryTables['questions'] };

/**
 * A question as the entry of its translation group in a list read in `locale`: the question itself when it is in
 * that language, else only when no question of its group is (`translation_of_id` points at the original, so a
 * group is an original and the questions translating it). One entry per group, in the reader's language where
 * there is one. Merged duplicates stand for nothing.
 */
function listedIn(locale: Locale) {
  return (eb: ExpressionBuilder<WithQuestion, 'q'>) =>
    eb.or([
      eb('q.locale', '=', locale),
      eb.not(
        eb.exists(
          eb
            .selectFrom('questions as o')
            .select('o.id')
            .where('o.locale', '=', locale)
            .where('o.duplicate_of_id', 'is', null)
            .where((o) =>
              o.or([
                o('o.translation_of_id', '=', o.ref('q.id')),
                o('o.id', '=', o.ref('q.translation_of_id')),
                o('o.translation_of_id', '=', o.ref('q.translation_of_id')),
              ]),
            ),
        ),
      ),
    ]);
}

/** Which questions a list holds: of one topic or all; one per translation group when read in a locale. */
export interface ListFilter {
  topicId?: number;
  locale?: Locale;
}

// ---- topics ---------------------------------------------------------------------------

/** The topics in their order, each with the number of questions its list holds (see ListFilter). */
export async function listTopicsWithCounts(db: Db, locale?: Locale) {
  return db
    .selectFrom('topics as t')
    .leftJoin('questions as q', (join) => {
      const joined = join.onRef('q.topic_id', '=', 't.id').on('q.duplicate_of_id', 'is', null);
      return locale ? joined.on(listedIn(locale)) : joined;
    })
    .select(['t.id', 't.slug', 't.title_en', 't.title_zh', 't.summary_en', 't.summary_zh'])
    .select((eb) => eb.fn.count<number>('q.id').as('question_count'))
    .groupBy(['t.id', 't.slug', 't.title_en', 't.title_zh', 't.summary_en', 't.summary_zh', 't.position'])
    .orderBy('t.position')
    .execute();
}

export async function findTopicBySlug(db: Db, slug: string) {
  return db.selectFrom('topics').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function upsertTopic(
  db: Db,
  topic: { slug: string; title_en: string; title_zh: string; summary_en: string; summary_zh: string; position: number },
) {
  await db
    .insertInto('topics')
    .values(topic)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        title_en: topic.title_en,
        title_zh: topic.title_zh,
        summary_en: topic.summary_en,
        summary_zh: topic.summary_zh,
        position: topic.position,
      }),
    )
    .execute();
}

// ---- question lists -----------------------------------------------------------------------

/** Questions as lists show them (with their topic); merged duplicates are left out. */
function questionSummaries(db: Db, filter: ListFilter) {
  let query = db
    .selectFrom('questions as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select(questionSummaryColumns)
    .where('q.duplicate_of_id', 'is', null);
  if (filter.topicId !== undefined) query = query.where('q.topic_id', '=', filter.topicId);
  if (filter.locale) query = query.where(listedIn(filter.locale));
  return query;
}

export async function listLatestQuestions(db: Db, locale: Locale, limit: number) {
  return questionSummaries(db, { locale })
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .execute();
}

export async function listMostViewedQuestions(db: Db, locale: Locale, limit: number) {
  return questionSummaries(db, { locale }).orderBy('q.view_count', 'desc').orderBy('q.id').limit(limit).execute();
}

export async function listQuestions(db: Db, filter: ListFilter, offset: number, limit: number) {
  // Newest first; id breaks ties so pages never overlap.
  return questionSummaries(db, filter)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countQuestions(db: Db, filter: ListFilter) {
  let query = db
    .selectFrom('questions as q')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('q.duplicate_of_id', 'is', null);
  if (filter.topicId !== undefined) query = query.where('q.topic_id', '=', filter.topicId);
  if (filter.locale) query = query.where(listedIn(filter.locale));
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * The most read questions of a topic as a list in `locale` shows them, leaving out the group of the question
 * `group` names (the original of its translations: the question's translation_of_id, else its id).
 */
export async function listRelatedQuestions(db: Db, topicId: number, group: number, locale: Locale, limit: number) {
  return questionSummaries(db, { topicId, locale })
    .where('q.id', '!=', group)
    .where((eb) => eb.or([eb('q.translation_of_id', 'is', null), eb('q.translation_of_id', '!=', group)]))
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
      // A translation is either the question this one translates or one that translates it.
      // A merged translation is not one any more (its page redirects), nor is one in the same language.
      .leftJoin('questions as tr', (join) =>
        join
          .on((eb) =>
            eb.or([eb('tr.id', '=', eb.ref('q.translation_of_id')), eb('tr.translation_of_id', '=', eb.ref('q.id'))]),
          )
          .on('tr.duplicate_of_id', 'is', null)
          .onRef('tr.locale', '!=', 'q.locale'),
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
        't.title_zh as topic_title_zh',
        'q.translation_of_id',
        'tr.id as translation_id',
        'tr.slug as translation_slug',
        'tr.locale as translation_locale',
        'q.anonymous',
        'q.asker_id',
      ])
      .where('q.id', '=', id)
      .executeTakeFirst()
  );
}

// ---- writes -------------------------------------------------------------------------------

export async function findQuestionIdBySourceKey(db: Db, sourceKey: string) {
  const row = await db.selectFrom('questions').select('id').where('source_key', '=', sourceKey).executeTakeFirst();
  return row?.id;
}

/** Shipped questions by their source keys (`demo:<key>:<locale>`), with what their path needs. */
export async function listQuestionsBySourceKeys(db: Db, sourceKeys: string[]) {
  if (sourceKeys.length === 0) return [];
  return db
    .selectFrom('questions')
    .select(['id', 'slug', 'locale', 'source_key'])
    .where('source_key', 'in', sourceKeys)
    .where('duplicate_of_id', 'is', null)
    .execute();
}

/** Inserts a question; `asker_id` and `anonymous` for one a person asked. */
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
  asker_id?: number | null;
  anonymous?: number;
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
