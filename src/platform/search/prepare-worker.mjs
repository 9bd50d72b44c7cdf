// The worker needs a TypeScript loader: under vitest (or plain node) it has none, so register tsx's, then run
// the TypeScript worker. Under `--import tsx`, which workers inherit, registering again does no harm.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
