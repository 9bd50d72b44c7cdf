/**
 * Imports a Q&A collection from a JSONL file (npm run import:qa): one JSON object per line with a question
 * and an answer text. Resumable: import_runs remembers, per source and file hash, how many lines are done;
 * a re-run carries on after them, and a finished file is not read again.
 */
import { basename, extname } from 'node:path';
import { defaultPoolSize } from '../../platform/search/prepare-pool';
import { Invalid } from '../../platform/web/errors';
import type { InquiryContext } from '../deps';
import type { QuestionService } from '../questions/service';
import type { QuestionSearch } from '../search/service';
import type { InquiryDb } from '../tables';
import { type BatchLines, type ImportContext, type PreparedBatch, prepareBatch, writeBatch } from './batch';
import { DedupeIndex, normaliseQuestion, type Target } from './dedupe';
import { PlaceDetector, readPlaces, readTopicRules, TopicDetector } from './detect';
import { decodeLine, fileFacts, readRawLines } from './lines';
import { parseRecord } from './record';
import * as repo from './repository';
import { countsFromJson, type ImportSummary } from './summary';

export const DEFAULT_BATCH = 500;

export interface ImportOptions {
  /** Name of the collection: stored as the questions' import_source and the answers' author. Default: the file name. */
  source?: string;
  /** Region of questions that name no place. Default CN. */
  region?: string;
  questionField?: string;
  answerField?: string;
  /** Lines per transaction. */
  batchSize?: number;
  /** Worker threads tokenising for the search index; 0 tokenises in this thread. Default: one per spare core. */
  workers?: number;
  now?: () => Date;
  /** Called once the file is measured, before the first batch. */
  onStart?: (info: { totalLines: number; startLine: number }) => void;
  /** Called after each committed batch; the next batch waits for it. */
  onProgress?: (info: { linesDone: number; totalLines: number; counts: ImportSummary }) => void | Promise<void>;
  /** Tests: runs inside each batch's transaction after its writes; throwing rolls that batch back. */
  afterBatchWrites?: (batch: number) => void | Promise<void>;
}

/** The in-memory de-duplication index over every stored question and alias; built once per import. */
async function loadDedupe(db: InquiryDb): Promise<DedupeIndex> {
  const targets = new Map<number, Target>();
  const target = (id: number) => targets.get(id) ?? targets.set(id, { id }).get(id)!;
  const questions = await repo.listQuestionKeys(db);
  // Live questions first, so a key shared with a merged duplicate points at the live one.
  const stored = [
    ...questions.filter((x) => x.duplicate_of_id === null),
    ...questions.filter((x) => x.duplicate_of_id !== null),
  ].map((q) => ({
    // normalised_title holds only the exact key; the near key needs the words, so fold the title again (µs each).
    normalised: normaliseQuestion(q.title),
    target: target(q.duplicate_of_id ?? q.id),
  }));
  for (const a of await repo.listAliasTexts(db))
    stored.push({ normalised: normaliseQuestion(a.text), target: target(a.question_id) });
  const index = new DedupeIndex();
  for (const s of stored) index.add(s.normalised, s.target);
  return index;
}

export function createImportService(
  inquiry: InquiryContext,
  deps: { search: QuestionSearch; questions?: Pick<QuestionService, 'forgetQuestion'> },
) {
  const { db, regions } = inquiry;
  return {
    async importFile(path: string, options: ImportOptions = {}): Promise<ImportSummary> {
      const started = performance.now();
      const now = options.now ?? (() => new Date());
      const source = (options.source ?? basename(path, extname(path))).trim();
      if (source === '' || source.length > 200) {
        throw new Invalid('error.import.sourceLength', {}, [{ field: 'source', key: 'error.import.sourceLength' }]);
      }
      const batchSize = options.batchSize ?? DEFAULT_BATCH;
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new Invalid('error.import.batchSize', {}, [{ field: 'batch', key: 'error.import.batchSize' }]);
      }
      const parents = new Map((await regions.list()).map((r) => [r.code, r.parentCode]));
      const defaultRegion = options.region ?? 'CN';
      await regions.requireKnown(defaultRegion);

      const facts = await fileFacts(path);
      const run = await repo.findOrCreateRun(db, source, facts.sha256, now().toISOString());
      const counts = countsFromJson(run.summary_json);
      const summary = (): ImportSummary => ({
        source,
        file: path,
        sha256: facts.sha256,
        lines: facts.lines,
        resumedAfterLine: run.lines_done,
        alreadyFinished: run.finished === 1,
        seconds: (performance.now() - started) / 1000,
        ...counts,
      });
      if (run.finished === 1) return summary();

      const workers = options.workers ?? defaultPoolSize();
      if (!Number.isInteger(workers) || workers < 0) {
        throw new Invalid('error.import.workers', {}, [{ field: 'workers', key: 'error.import.workers' }]);
      }
      const fields = { question: options.questionField ?? 'question', answer: options.answerField ?? 'answer' };
      const topicRows = await repo.listTopicIds(db);
      const dedupe = await loadDedupe(db);
      const topics = new TopicDetector(
        readTopicRules(),
        topicRows.map((t) => t.slug),
      );
      const places = new PlaceDetector(readPlaces(), parents);
      // Started last, right before the try that closes it: nothing may throw between the two.
      const pool = deps.search.preparePool(workers);
      const ctx: ImportContext = {
        db,
        statutes: inquiry.statutes,
        search: deps.search,
        dedupe,
        topics,
        places,
        topicIds: new Map(topicRows.map((t) => [t.slug, t.id])),
        source,
        defaultRegion,
        verifiedOn: now().toISOString().slice(0, 10),
        runId: run.id,
        pool,
        articleNames: new Map(),
        afterBatchWrites: options.afterBatchWrites,
      };

      const changed = new Set<number>();
      let batch: BatchLines = { good: [], skipped: [] };
      let inBatch = 0;
      let batchNumber = 0;
      let lastLine = run.lines_done;
      let batchStart = run.lines_done;
      // Batch N+1 is prepared (and its tokenising started) before batch N is written: the pool works
      // while this thread writes. Batches are still written one after another, in order.
      let waiting: PreparedBatch | null = null;
      const write = async (prepared: PreparedBatch) => {
        for (const id of await writeBatch(ctx, prepared, counts, now())) changed.add(id);
        await options.onProgress?.({ linesDone: prepared.linesDone, totalLines: facts.lines, counts: summary() });
      };
      const writeWaiting = async () => {
        const prepared = waiting;
        // Taken before writing: a batch whose write failed is never written again.
        waiting = null;
        if (prepared) await write(prepared);
      };
      const flush = async () => {
        batchNumber += 1;
        const prepared = await prepareBatch(ctx, batch, { batchNumber, linesFrom: batchStart, linesDone: lastLine });
        batchStart = lastLine;
        batch = { good: [], skipped: [] };
        inBatch = 0;
        await writeWaiting();
        waiting = prepared;
      };
      try {
        options.onStart?.({ totalLines: facts.lines, startLine: run.lines_done });
        for await (const raw of readRawLines(path)) {
          // Lines an earlier run committed are passed over unread.
          if (raw.number <= run.lines_done) continue;
          lastLine = raw.number;
          inBatch += 1;
          const decoded = decodeLine(raw);
          if (!decoded.ok) batch.skipped.push({ line: raw.number, reason: decoded.reason });
          else if (decoded.text.trim() !== '') {
            const record = parseRecord(decoded.text, fields);
            if (record.ok) batch.good.push({ line: raw.number, question: record.question, answer: record.answer });
            else batch.skipped.push({ line: raw.number, reason: record.reason });
          }
          if (inBatch >= batchSize) await flush();
        }
        if (inBatch > 0) await flush();
        await writeWaiting();
      } catch (error) {
        // Reading or preparing the next batch failed: the batch prepared before it is complete, so keep it.
        await writeWaiting().catch(() => {});
        throw error;
      } finally {
        await pool.close();
      }
      const committed = lastLine;
      // False only when another import of the file moved on meanwhile; that one finishes the run.
      await repo.advanceRun(db, run.id, committed, {
        lines_done: committed,
        summary_json: JSON.stringify(counts),
        finished: 1,
        updated_at: now().toISOString(),
      });
      // Pages of questions that gained an alias may be cached by any server (forgetQuestion reaches them all).
      if (changed.size > 0) deps.questions?.forgetQuestion();
      return summary();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
