/**
 * Tokenising documents for the index is CPU work that needs no database: a pool of worker threads does it
 * while the main thread goes on with its SQL (the Q&A import, docs/decisions/0107-import-pipeline.md).
 * With no workers (`size` 0) documents are prepared in this thread; the result is the same either way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DialectName } from '../db/connection';
import { createSearchEngine } from './index';
import type { SearchKind } from './kinds';
import type { PreparedDocument, SearchDocument } from './types';

export interface PreparePool {
  /** The documents prepared by the dialect's index of the kind, in the order given. */
  prepare(docs: SearchDocument[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
}

/** Documents per message to a worker: large enough to amortise the message, small enough to spread. */
const CHUNK = 50;

/** Workers worth starting on this machine: one core stays with the main thread. */
export function defaultPoolSize(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

interface Job {
  docs: SearchDocument[];
  resolve(prepared: PreparedDocument[]): void;
  reject(error: unknown): void;
}

export function createPreparePool(dialect: DialectName, kind: SearchKind, size = defaultPoolSize()): PreparePool {
  const index = createSearchEngine(dialect).index(kind);
  if (size === 0) {
    return { prepare: async (docs) => docs.map((d) => index.prepare(d)), close: async () => {} };
  }
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let failure: unknown;
  let closing = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(worker, job);
      worker.ref();
      worker.postMessage(job.docs);
    }
  };
  const workers = Array.from({ length: size }, () => {
    // The kind goes over as its plain spec: the worker defines it again (the same layout and columns).
    const spec = { name: kind.name, title: kind.title, fields: kind.fields, attributes: kind.attributes };
    const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), { workerData: { dialect, spec } });
    worker.on('message', (prepared: PreparedDocument[]) => {
      running.get(worker)?.resolve(prepared);
      running.delete(worker);
      // Only a worker with work keeps the process alive: an idle pool must not hold a finished command open.
      worker.unref();
      idle.push(worker);
      dispatch();
    });
    // A worker that fails or stops takes the pool down with it: its job and every queued one are refused,
    // so a caller never waits for an answer that cannot come.
    const fail = (error: unknown) => {
      failure ??= error;
      running.get(worker)?.reject(error);
      running.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      for (const job of queue.splice(0)) job.reject(failure);
    };
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`A search tokenising worker stopped (exit code ${code})`));
    });
    worker.unref();
    idle.push(worker);
    return worker;
  });

  return {
    async prepare(docs) {
      if (failure) throw failure;
      const chunks: Promise<PreparedDocument[]>[] = [];
      for (let i = 0; i < docs.length; i += CHUNK) {
        const slice = docs.slice(i, i + CHUNK);
        chunks.push(new Promise((resolve, reject) => queue.push({ docs: slice, resolve, reject })));
      }
      dispatch();
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
