/**
 * One batch of an import: lines are classified in memory (duplicate, alias, new), the new answers' legal
 * bases resolved with a few statute-service calls, and everything written in one transaction together with
 * the search index and the run's progress — a crash loses at most the batch in flight, never half of it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { StatuteService } from '../../statutes/service';
import { AppError } from '../../web/errors';
import { renderMarkdown } from '../../web/markdown';
import type { QuestionSearch } from '../search-service';
import { slugify } from '../slug';
import type { Locale } from '../tables';
import { resolveLegalBases } from './citations';
import { exactKey, normaliseQuestion, type DedupeIndex, type Target } from './dedupe';
import type { PlaceDetector, TopicDetector } from './detect';
import { chunksOf } from './repository';
import * as repo from './repository';
import { splitAnswer, type SplitAnswer } from './split';
import type { SkipReason } from './record';
import { recordSkip, type ImportCounts } from './summary';

export interface ImportContext {
  db: Kysely<Database>;
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
/** Questions re-indexed per call of the search service (see the call). */
const REINDEX_SLICE = 128;

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
    fresh.push({ line, title: question, normalised, locale, topicId: ctx.topicIds.get(topic.slug)!, region: detected ?? ctx.defaultRegion, split, target });
    counts.read += 1;
    counts.imported += 1;
    if (topic.fallback) counts.topicFallback += 1;
    if (detected) counts.regionDetected += 1;
  }
  return { fresh, aliases };
}

/**
 * Imports one batch, the lines after `linesFrom` up to `linesDone`. `counts` is updated in place only when the
 * transaction commits; `linesDone` is stored with the rows. Returns the ids whose pages changed.
 */
export async function importBatch(
  ctx: ImportContext,
  batchNumber: number,
  lines: BatchLines,
  counts: ImportCounts,
  linesFrom: number,
  linesDone: number,
  now: Date,
): Promise<number[]> {
  const next = structuredClone(counts);
  for (const s of lines.skipped) recordSkip(next, s.reason, s.line);
  const { fresh, aliases } = classify(ctx, lines.good, next);
  const bases = await resolveLegalBases(ctx.statutes, fresh.map((q) => q.split.legalBasis));
  for (const basis of bases) {
    next.citations.resolved += basis.resolved.length;
    next.citations.unresolved += basis.unresolved.length;
    if (basis.unresolved.length > 0) next.citations.answersWithUnresolved += 1;
  }
  const at = now.toISOString();
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
      q.split.steps.map((s, i) => ({ answer_id: answerOf.get(q.target.id)!, position: i + 1, action: s.action, materials: '', channel: s.channel, location: '', duration: '' })),
    );
    await repo.insertSteps(trx, steps);
    await repo.insertCitations(
      trx,
      fresh.flatMap((q, k) => bases[k].resolved.map((c, i) => ({ ...c, answer_id: answerOf.get(q.target.id)!, position: i + 1 }))),
    );
    await repo.insertUnresolvedCitations(
      trx,
      fresh.flatMap((q, k) => bases[k].unresolved.map((text) => ({ answer_id: answerOf.get(q.target.id)!, text }))),
    );
    await repo.insertAliases(trx, aliases.map((a) => ({ question_id: a.target.id, text: a.text })));
    if (!(await repo.advanceRun(trx, ctx.runId, linesFrom, { lines_done: linesDone, summary_json: JSON.stringify(next), finished: 0, updated_at: at }))) {
      throw new AppError('CONFLICT', `Another import of this file from "${ctx.source}" is running`, [{ field: 'source', message: 'import already running' }]);
    }
    // New questions, and existing ones that gained an alias: their index documents include the alias text.
    const reindex = [...new Set([...fresh.map((q) => q.target.id), ...aliases.map((a) => a.target.id)])];
    // In slices: building a slice's documents matches every question against every row read for the slice,
    // which grows with the square of its length; and slices of recurring lengths reuse prepared statements.
    for (const slice of chunksOf(reindex.map((id) => ({ id })), REINDEX_SLICE)) await ctx.search.reindexQuestions(trx, slice.map((r) => r.id));
    await ctx.afterBatchWrites?.(batchNumber);
    return reindex;
  });
  Object.assign(counts, next);
  return changed;
}
