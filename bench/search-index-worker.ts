// Tokenises a slice of the synthetic corpus for bench/search.ts, in a worker thread (tokenising is the
// costly part of building the index; the main thread only inserts).
import { parentPort, workerData } from 'node:worker_threads';
import { indexColumns } from '../src/search/sqlite-engine';
import { generateDoc } from './search-corpus';

const { from, to, seed, batchSize } = workerData as { from: number; to: number; seed: number; batchSize: number };
let batch: (ReturnType<typeof indexColumns> & { id: number })[] = [];
for (let id = from; id <= to; id++) {
  batch.push({ id, ...indexColumns(generateDoc(id, seed, { statutesPath: null })) });
  if (batch.length === batchSize) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
parentPort!.postMessage('done');
