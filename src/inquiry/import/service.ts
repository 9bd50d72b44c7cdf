/**
 * Imports a Q&A collection from a JSONL file (npm run import:qa): one JSON object per line with a question
 * and an answer text. Resumable: import_runs remembers, per source and file hash, how many lines are done;
 * a re-run carries on after them, and a finished file is not read again.
 */
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { defaultPoolSize } from '../../search/prepare-pool';
import type { StatuteService } from '../../statutes/service';
import { invalid } from '../../web/errors';
import type { QuestionSearch } from '../search-service';
import type { InquiryService } from '../service';
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
async function loadDedupe(db: Kysely<Database>): Promise<DedupeIndex> {
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
  db: Kysely<Database>,
  deps: { statutes: StatuteService; search: QuestionSearch; inquiry?: InquiryService },
) {
  return {
    async importFile(path: string, options: ImportOptions = {}): Promise<ImportSummary> {
      const started = performance.now();
      const now = options.now ?? (() => new Date());
      const source = (options.source ?? basename(path, extname(path))).trim();
      if (source === '' || source.length > 200)
        throw invalid('The source name must be 1 to 200 characters', [{ field: 'source', message: 'length' }]);
      const batchSize = options.batchSize ?? DEFAULT_BATCH;
      if (!Number.isInteger(batchSize) || batchSize < 1)
        throw invalid('The batch size must be a positive whole number', [
          { field: 'batch', message: 'positive integer' },
        ]);
      const regionRows = await repo.listRegionParents(db);
      const parents = new Map(regionRows.map((r) => [r.code, r.parent_code]));
      const defaultRegion = options.region ?? 'CN';
      if (!parents.has(defaultRegion))
        throw invalid(`Unknown region "${defaultRegion}"`, [{ field: 'region', message: 'unknown region code' }]);

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
      if (!Number.isInteger(workers) || workers < 0)
        throw invalid('The number of workers must be a whole number, 0 or more', [
          { field: 'workers', message: 'non-negative integer' },
        ]);
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
        statutes: deps.statutes,
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
      // Pages of questions that gained an alias may be cached in this process.
      if (changed.size > 0) deps.inquiry?.forgetQuestion();
      return summary();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
