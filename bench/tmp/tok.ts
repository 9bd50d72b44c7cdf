import { readFileSync } from 'node:fs';
import { writeImportCorpus } from '../import-corpus';
import { tokeniseForIndexFields } from '../../src/search/tokeniser';
writeImportCorpus('/tmp/prof/c10k.jsonl', 10000);
const lines = readFileSync('/tmp/prof/c10k.jsonl', 'utf8').split('\n').filter(Boolean).flatMap((l) => { try { const j = JSON.parse(l); return typeof j.question === 'string' && typeof j.answer === 'string' ? [j] : []; } catch { return []; } });
tokeniseForIndexFields('社保卡丢了 lost card');
let chars = 0;
const t = performance.now();
for (const { question, answer } of lines) { tokeniseForIndexFields(question); tokeniseForIndexFields(answer); chars += question.length + answer.length; }
const ms = performance.now() - t;
console.log(lines.length, 'docs', (ms).toFixed(0), 'ms', (ms / lines.length * 1000).toFixed(0), 'µs/doc', (chars / lines.length).toFixed(0), 'chars/doc');
