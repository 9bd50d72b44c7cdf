/** `npm run export [-- --out FILE]`: the published content as JSON Lines (default exports/jobsite-<time>.jsonl). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from '../config';
import { exportContent, timestamped } from './backups';

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : `exports/${timestamped('jobsite', 'jsonl')}`;
mkdirSync(dirname(out), { recursive: true });
const counts = await exportContent(loadConfig().DATABASE_URL, out);
console.log(`exported to ${out}:`, counts);
