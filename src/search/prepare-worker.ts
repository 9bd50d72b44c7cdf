// One worker of src/search/prepare-pool.ts: prepares the documents it is sent with its dialect's engine.
import { parentPort, workerData } from 'node:worker_threads';
import type { DialectName } from '../db/connection';
import { createSearchEngine, type SearchDocument } from './engine';

const engine = createSearchEngine((workerData as { dialect: DialectName }).dialect);
parentPort!.on('message', (docs: SearchDocument[]) => {
  parentPort!.postMessage(docs.map((doc) => engine.prepare(doc)));
});
