/**
 * What answers tell the legal-basis suggester (statutes.provideBasisEvidence): the articles cited by answers to
 * questions like the one asked, and by answers of its topic. Only answers people can rely on count: published,
 * and not imported answers no editor has reviewed yet. The questions are indexed in memory (character bigrams
 * and English words over titles and other phrasings, one document per translation group), rebuilt at most once
 * a minute: a new answer joins the evidence within a minute, and a suggestion costs no database query.
 */
import { normalise } from '../../platform/search/tokeniser';
import { type BasisEvidence, type BasisEvidenceProvider, TextIndex } from '../../statutes';
import { readTopicRules, TopicDetector } from '../import/detect';
import { questionPath } from '../questions/slug';
import type { InquiryDb, Locale } from '../tables';

const REBUILD_AFTER_MS = 60_000;
/** Neighbours whose citations count. */
const NEIGHBOURS = 8;
/** A neighbour scoring under this share of the best one is not like the question. */
const MIN_SHARE = 0.35;

interface Group {
  /** The translation group's key: a shipped question's source key without its language, else the original's id. */
  key: string;
  title: string;
  locale: Locale;
  path: string;
  articles: number[];
}

async function loadGroups(db: InquiryDb) {
  // Published answers' citations with their question (any language), reviewed or not imported.
  const rows = await db
    .selectFrom('answer_citations as c')
    .innerJoin('answers as a', 'a.id', 'c.answer_id')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .select([
      'q.id',
      'q.title',
      'q.slug',
      'q.locale',
      'q.source_key',
      'q.translation_of_id',
      't.slug as topic',
      'c.article_id',
    ])
    .where('a.status', '=', 'published')
    .where('q.duplicate_of_id', 'is', null)
    .where((eb) => eb.or([eb('a.review_flag', 'is', null), eb('a.review_flag', '!=', 'imported-unreviewed')]))
    .orderBy('q.id')
    .execute();
  const aliases = await db.selectFrom('question_aliases').select(['question_id', 'text']).execute();
  const byQuestion = new Map<number, string[]>();
  for (const a of aliases) byQuestion.set(a.question_id, [...(byQuestion.get(a.question_id) ?? []), a.text]);

  const groups = new Map<string, Group & { texts: string[]; topic: string }>();
  for (const r of rows) {
    const key = r.source_key ? r.source_key.replace(/:(?:en|zh)$/, '') : `q:${r.translation_of_id ?? r.id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        title: r.title,
        locale: r.locale,
        path: questionPath(r.id, r.slug),
        articles: [],
        texts: [],
        topic: r.topic,
      };
      groups.set(key, group);
    }
    if (!group.articles.includes(r.article_id)) group.articles.push(r.article_id);
    if (!group.texts.includes(r.title)) group.texts.push(r.title, ...(byQuestion.get(r.id) ?? []));
  }
  return [...groups.values()];
}

interface State {
  groups: Awaited<ReturnType<typeof loadGroups>>;
  index: TextIndex;
  topics: TopicDetector;
  topicNames: Map<string, { en: string; zh: string }>;
}

async function buildState(db: InquiryDb): Promise<State> {
  const [groups, topicRows] = await Promise.all([
    loadGroups(db),
    db.selectFrom('topics').select(['slug', 'title_en', 'title_zh']).orderBy('position').execute(),
  ]);
  return {
    groups,
    index: new TextIndex(groups.map((g) => g.texts.join('\n'))),
    topics: new TopicDetector(
      readTopicRules(),
      topicRows.map((t) => t.slug),
    ),
    topicNames: new Map(topicRows.map((t) => [t.slug, { en: t.title_en, zh: t.title_zh }])),
  };
}

export function basisEvidenceProvider(db: InquiryDb): BasisEvidenceProvider {
  let ready: State | null = null;
  let builtAt = 0;
  let building: Promise<State> | null = null;

  function build(): Promise<State> {
    building ??= buildState(db)
      .then((fresh) => {
        ready = fresh;
        builtAt = Date.now();
        return fresh;
      })
      .finally(() => {
        building = null;
      });
    return building;
  }

  // The last state keeps answering while a newer one builds in the background: no question waits for a rebuild.
  async function state(): Promise<State> {
    if (!ready) return build();
    if (Date.now() - builtAt > REBUILD_AFTER_MS) build().catch(() => {});
    return ready;
  }

  return async (text, { leaveOut = [] }) => {
    const { groups, index, topics, topicNames } = await state();
    const left = new Set(leaveOut);
    const found = index.search(text, NEIGHBOURS + left.size).filter((f) => !left.has(groups[f.doc]!.key));
    const best = found[0]?.score ?? 0;
    const similar: BasisEvidence['similar'] = [];
    for (const f of found.slice(0, NEIGHBOURS)) {
      if (f.score < best * MIN_SHARE) break;
      const group = groups[f.doc]!;
      for (const articleId of group.articles)
        similar.push({
          articleId,
          weight: f.score / best,
          question: { title: group.title, path: group.path, locale: group.locale },
        });
    }
    const locale: Locale = /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
    const detected = topics.detect(normalise(text), '', locale);
    if (detected.fallback) return { similar, topic: null };
    const counts = new Map<number, number>();
    for (const g of groups)
      if (g.topic === detected.slug && !left.has(g.key))
        for (const id of g.articles) counts.set(id, (counts.get(id) ?? 0) + 1);
    return {
      similar,
      topic: {
        slug: detected.slug,
        name: topicNames.get(detected.slug) ?? { en: detected.slug, zh: detected.slug },
        articles: [...counts].map(([articleId, n]) => ({ articleId, weight: n })),
      },
    };
  };
}
