import { readFileSync } from 'node:fs';
import { getJieba, normalise } from '../../src/search/analysis';
const lines = readFileSync('/tmp/prof/c10k.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, 5000).flatMap((l) => { try { const j = JSON.parse(l); return typeof j.answer === 'string' ? [normalise(j.question + ' ' + j.answer)] : []; } catch { return []; } });
const RUN = /[a-z0-9]+|(?:(?=\p{L})\p{Script=Han})+/gu;
const runs = lines.map((t) => [...t.matchAll(RUN)].map((m) => m[0]).filter((p) => !/^[a-z0-9]+$/.test(p)));
const j = getJieba();
console.log('runs/doc', (runs.reduce((a, r) => a + r.length, 0) / runs.length).toFixed(1));
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now(); let n1 = 0;
  for (const r of runs) for (const run of r) n1 += j.cut(run, true).length;
  const a = performance.now() - t;
  t = performance.now(); let n2 = 0;
  for (const r of runs) n2 += j.cut(r.join(' '), true).filter((w) => w !== ' ').length;
  const b = performance.now() - t;
  console.log('per-run', a.toFixed(0), 'ms', n1, 'joined', b.toFixed(0), 'ms', n2);
}
