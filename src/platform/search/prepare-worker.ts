// One worker of prepare-pool.ts: prepares the documents it is sent with its dialect's index of a kind.
import { parentPort, workerData } from 'node:worker_threads';
import type { DialectName } from '../db/connection';
import { createSearchEngine } from './index';
import { defineSearchKind, type SearchKindSpec } from './kinds';
import type { SearchDocument } from './types';

const { dialect, spec } = workerData as { dialect: DialectName; spec: SearchKindSpec };
const index = createSearchEngine(dialect).index(defineSearchKind(spec));
parentPort!.on('message', (docs: SearchDocument[]) => {
  parentPort!.postMessage(docs.map((doc) => index.prepare(doc)));
});
