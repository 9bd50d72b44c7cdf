/**
 * One batch of an import, in two steps. prepareBatch: lines are classified in memory (duplicate, alias, new),
 * the new answers' legal bases resolved with a few statute-service calls, and the new questions' index
 * documents handed to the worker pool for tokenising. writeBatch: everything written in one transaction
 * together with the search index and the run's progress — never half a batch. The service prepares batch
 * N+1 before writing batch N, so the pool tokenises while this thread works; a crash loses at most those two
 * batches, and a re-run carries on after the last one written (docs/decisions/0107-import-pipeline.md).
 */
import type { Kysely } from 'kysely';
import type { PreparedDocument } from '../../platform/search';
import type { PreparePool } from '../../platform/search/prepare-pool';
import { Conflict } from '../../platform/web/errors';
import { renderMarkdown } from '../../platform/web/markdown';
import type { ArticleDescription, StatuteService } from '../../statutes';
import { slugify } from '../questions/slug';
import { searchDocument } from '../search/documents';
import type { QuestionSearch } from '../search/service';
import type { InquiryTables, Locale } from '../tables';
import { type LegalBasis, resolveLegalBases } from './citations';
import { type DedupeIndex, exactKey, normaliseQuestion, type Target } from './dedupe';
import type { PlaceDetector, TopicDetector } from './detect';
import type { SkipReason } from './record';
import * as repo from './repository';
import { type SplitAnswer, splitAnswer } from './split';
import { addCounts, emptyCounts, type ImportCounts, MAX_LISTED_CITATIONS, recordSkip } from './summary';

export interface ImportContext {
  db: Kysely<InquiryTables>;
  statutes: StatuteService;
  search: QuestionSearch;
  dedupe: DedupeIndex;
  topics: TopicDetector;
  places: PlaceDetector;
  topicIds: Map<string, number>;
  source: string;
  /** Region of questions that name no place (--region, or CN). */
  defaultRegion: string;
  /** YYYY-MM-DD: imported answers count as verified on the day they were imported. */
  verifiedOn: string;
  runId: number;
  /** Tokenises the new questions' index documents off this thread. */
  pool: PreparePool;
  /** Statute and article names of cited articles, for the index's legal-basis field; filled as batches need them. */
  articleNames: Map<number, ArticleDescription>;
  /** Tests: runs inside each batch's transaction after its writes; throwing rolls the batch back. */
  afterBatchWrites?: (batch: number) => void | Promise<void>;
}

export interface GoodLine {
  line: number;
  question: string;
  answer: string;
}

export interface BatchLines {
  good: GoodLine[];
  /** Lines skipped before classification (undecodable, bad JSON, missing field, over-long). */
  skipped: { line: number; reason: SkipReason }[];
}

interface NewQuestion {
  line: number;
  title: string;
  normalised: string;
  locale: Locale;
  topicId: number;
  region: string;
  split: SplitAnswer;
  target: Target;
}

const HAN = /\p{Script=Han}/u;

/** Sorts the batch's good lines into new questions and aliases; counts duplicates and lines without analysis. */
function classify(ctx: ImportContext, lines: GoodLine[], counts: ImportCounts) {
  const fresh: NewQuestion[] = [];
  const aliases: { text: string; target: Target }[] = [];
  for (const { line, question, answer } of lines) {
    const normalised = normaliseQuestion(question);
    if (exactKey(normalised) === '') {
      recordSkip(counts, 'too-short', line);
      continue;
    }
    const match = ctx.dedupe.find(normalised);
    if (match?.kind === 'duplicate') {
      counts.read += 1;
      counts.duplicates += 1;
      continue;
    }
    if (match?.kind === 'near') {
      // Registered at once, so the same wording later in the file is a plain duplicate.
      ctx.dedupe.add(normalised, match.target);
      aliases.push({ text: question, target: match.target });
      counts.read += 1;
      counts.aliases += 1;
      continue;
    }
    const split = splitAnswer(answer);
    if (!split) {
      recordSkip(counts, 'no-analysis', line);
      continue;
    }
    const locale: Locale = HAN.test(question) ? 'zh' : 'en';
    const topic = ctx.topics.detect(normalised, split.analysis, locale);
    const detected = ctx.places.detect(normalised);
    const target: Target = { id: 0 };
    ctx.dedupe.add(normalised, target);
    fresh.push({
      line,
      title: question,
      normalised,
      locale,
      topicId: ctx.topicIds.get(topic.slug)!,
      region: detected ?? ctx.defaultRegion,
      split,
      target,
    });
    counts.read += 1;
    counts.imported += 1;
    if (topic.fallback) counts.topicFallback += 1;
    if (detected) counts.regionDetected += 1;
  }
  return { fresh, aliases };
}

export interface PreparedBatch {
  batchNumber: number;
  /** The batch covers the lines after `linesFrom` up to `linesDone`. */
  linesFrom: number;
  linesDone: number;
  /** This batch's counts alone; added to the run's when its transaction commits. */
  delta: ImportCounts;
  fresh: NewQuestion[];
  aliases: { text: string; target: Target }[];
  bases: LegalBasis[];
  /** Index documents of `fresh`, in its order (ids filled in once the questions are stored). */
  documents: Promise<PreparedDocument[]>;
}

/** Classifies a batch and starts tokenising its new questions; writes nothing. */
export async function prepareBatch(
  ctx: ImportContext,
  lines: BatchLines,
  range: { batchNumber: number; linesFrom: number; linesDone: number },
): Promise<PreparedBatch> {
  const delta = emptyCounts();
  for (const s of lines.skipped) recordSkip(delta, s.reason, s.line);
  const { fresh, aliases } = classify(ctx, lines.good, delta);
  const bases = await resolveLegalBases(
    ctx.statutes,
    fresh.map((q) => q.split.citationSource),
  );
  bases.forEach((basis, k) => {
    delta.citations.resolved += basis.resolved.length;
    delta.citations.unresolved += basis.unresolved.length;
    if (basis.unresolved.length > 0) delta.citations.answersWithUnresolved += 1;
    if (basis.resolved.length === 0) delta.citations.answersWithoutBasis += 1;
    const listed = delta.citations.unresolvedListed;
    for (const text of basis.unresolved)
      if (listed.length < MAX_LISTED_CITATIONS) listed.push({ line: fresh[k]!.line, text });
  });
  const names = await articleNames(ctx, bases);
  // Other phrasings found in this same batch belong in their new question's title field.
  const aliasTexts = new Map<Target, string[]>();
  for (const a of aliases) aliasTexts.set(a.target, [...(aliasTexts.get(a.target) ?? []), a.text]);
  const docs = fresh.map((q, k) =>
    searchDocument({
      id: 0,
      topicId: q.topicId,
      region: q.region,
      title: q.title,
      details: '',
      aliases: aliasTexts.get(q.target) ?? [],
      translationTitles: [],
      answers: [{ analysis_md: q.split.analysis, background_md: q.split.background }],
      steps: q.split.steps.map((s) => ({ action: s.action, materials: '', location: '', duration: '' })),
      citations: bases[k]!.resolved.map((c) => names.get(c.article_id)!),
    }),
  );
  const documents = ctx.pool.prepare(docs);
  // Awaited by writeBatch; a failure before then must not surface as an unhandled rejection.
  documents.catch(() => {});
  return { ...range, delta, fresh, aliases, bases, documents };
}

/** The cited articles' names for the index's legal-basis field, asked of statutes once per article per import. */
async function articleNames(ctx: ImportContext, bases: LegalBasis[]): Promise<Map<number, ArticleDescription>> {
  const missing = [...new Set(bases.flatMap((b) => b.resolved.map((c) => c.article_id)))].filter(
    (id) => !ctx.articleNames.has(id),
  );
  for (const [id, article] of await ctx.statutes.describeArticles(missing)) ctx.articleNames.set(id, article);
  return ctx.articleNames;
}

/**
 * Writes a prepared batch in one transaction. `counts` (the run's) is updated in place only when the
 * transaction commits; the batch's last line is stored with the rows. Returns the ids whose pages changed.
 */
export async function writeBatch(
  ctx: ImportContext,
  batch: PreparedBatch,
  counts: ImportCounts,
  now: Date,
): Promise<number[]> {
  const next = addCounts(counts, batch.delta);
  const { fresh, aliases, bases } = batch;
  const at = now.toISOString();
  // Waited for before the transaction opens: SQLite's write lock is not held while a worker finishes.
  const documents = await batch.documents;
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertQuestions(
      trx,
      fresh.map((q) => ({
        topic_id: q.topicId,
        slug: slugify(q.title),
        locale: q.locale,
        title: q.title,
        details: '',
        status: 'answered' as const,
        origin: 'imported' as const,
        source_key: null,
        translation_of_id: null,
        region_code: q.region,
        created_at: at,
        updated_at: at,
        import_source: ctx.source,
        normalised_title: exactKey(q.normalised),
      })),
    );
    const byKey = new Map(ids.map((r) => [r.normalised_title, r.id]));
    for (const q of fresh) q.target.id = byKey.get(exactKey(q.normalised))!;
    const answerIds = await repo.insertAnswers(
      trx,
      fresh.map((q) => ({
        question_id: q.target.id,
        status: 'published' as const,
        analysis_md: q.split.analysis,
        analysis_html: renderMarkdown(q.split.analysis),
        background_md: q.split.background,
        background_html: q.split.background === null ? null : renderMarkdown(q.split.background),
        region_code: q.region,
        verified_on: ctx.verifiedOn,
        author_label: ctx.source,
        created_at: at,
        updated_at: at,
        published_at: at,
        review_flag: 'imported-unreviewed' as const,
        flagged_at: at,
      })),
    );
    const answerOf = new Map(answerIds.map((r) => [r.question_id, r.id]));
    const steps = fresh.flatMap((q) =>
      q.split.steps.map((s, i) => ({
        answer_id: answerOf.get(q.target.id)!,
        position: i + 1,
        action: s.action,
        materials: '',
        channel: s.channel,
        location: '',
        duration: '',
      })),
    );
    await repo.insertSteps(trx, steps);
    await repo.insertCitations(
      trx,
      fresh.flatMap((q, k) =>
        bases[k]!.resolved.map((c, i) => ({ ...c, answer_id: answerOf.get(q.target.id)!, position: i + 1 })),
      ),
    );
    await repo.insertUnresolvedCitations(
      trx,
      fresh.flatMap((q, k) => bases[k]!.unresolved.map((text) => ({ answer_id: answerOf.get(q.target.id)!, text }))),
    );
    await repo.insertAliases(
      trx,
      aliases.map((a) => ({ question_id: a.target.id, text: a.text })),
    );
    if (
      !(await repo.advanceRun(trx, ctx.runId, batch.linesFrom, {
        lines_done: batch.linesDone,
        summary_json: JSON.stringify(next),
        finished: 0,
        updated_at: at,
      }))
    ) {
      const params = { source: ctx.source };
      throw new Conflict('error.import.running', params, [{ field: 'source', key: 'error.import.running', params }]);
    }
    fresh.forEach((q, k) => {
      documents[k]!.id = q.target.id;
    });
    await ctx.search.indexNewQuestions(trx, documents);
    // Questions of earlier batches that gained an alias: their documents are read back and built again.
    const freshIds = new Set(fresh.map((q) => q.target.id));
    const older = [...new Set(aliases.map((a) => a.target.id))].filter((id) => !freshIds.has(id));
    if (older.length > 0) await ctx.search.reindexQuestions(trx, older);
    await ctx.afterBatchWrites?.(batch.batchNumber);
    return [...freshIds, ...older];
  });
  Object.assign(counts, next);
  return changed;
}
