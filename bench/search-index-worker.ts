// Tokenises a slice of the synthetic corpus for bench/search.ts, in a worker thread (tokenising is the
// costly part of building the index; the main thread only inserts). `engine` says whose prepare() runs.
import { parentPort, workerData } from 'node:worker_threads';
import { QUESTION_KIND } from '../src/inquiry';
import type { PreparedDocument } from '../src/platform/search';
import { createPostgresKindIndex } from '../src/platform/search/postgres-engine';
import { createSqliteKindIndex } from '../src/platform/search/sqlite-engine';
import { generateDoc, topicNumber } from './search-corpus';

const { from, to, seed, batchSize, engine } = workerData as {
  from: number;
  to: number;
  seed: number;
  batchSize: number;
  engine?: 'sqlite' | 'postgres';
};
const index = engine === 'postgres' ? createPostgresKindIndex(QUESTION_KIND) : createSqliteKindIndex(QUESTION_KIND);
let batch: PreparedDocument[] = [];
for (let id = from; id <= to; id++) {
  const doc = generateDoc(id, seed, { statutesPath: null });
  batch.push(
    index.prepare({
      id,
      text: { title: doc.title, body: doc.body, legal: doc.legal },
      attributes: { topic: topicNumber(doc.topic), region: doc.region },
    }),
  );
  if (batch.length === batchSize) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
parentPort!.postMessage('done');
