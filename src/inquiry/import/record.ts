/**
 * One JSONL line to a question and an answer text, or the reason it is skipped. Reasons are stable words:
 * the summary groups skipped lines by them.
 */
import { htmlToText, toSingleLine } from './html';

export const MAX_QUESTION_CHARS = 300;
export const MAX_ANSWER_CHARS = 20_000;
/** The shortest question the ask form accepts (questionInputSchema). */
export const MIN_QUESTION_CHARS = 5;

export const SKIP_REASONS = [
  'invalid-utf8',
  'binary',
  'bad-json',
  'missing-field',
  'too-long',
  'too-short',
  'no-analysis',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface RecordFields {
  question: string;
  answer: string;
}

export type RecordResult =
  | { ok: true; question: string; answer: string }
  | { ok: false; reason: SkipReason; detail: string };

/** Length in characters (code points), counted only as far as needed. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (const _ of text) if (++n > max) return true;
  return false;
}

// Escaped in JSON ("\u0000") these survive parsing; they are binary junk all the same.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function parseRecord(text: string, fields: RecordFields): RecordResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'bad-json', detail: (error as Error).message.slice(0, 120) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'bad-json', detail: 'not a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const raw: Record<keyof RecordFields, unknown> = { question: record[fields.question], answer: record[fields.answer] };
  for (const key of ['question', 'answer'] as const) {
    const v = raw[key];
    if (typeof v !== 'string' || v.trim() === '') {
      return { ok: false, reason: 'missing-field', detail: `no text in "${fields[key]}"` };
    }
    if (CONTROL.test(v)) return { ok: false, reason: 'binary', detail: `control characters in "${fields[key]}"` };
  }
  const [questionRaw, answerRaw] = [raw.question as string, raw.answer as string];
  // Limits apply to the text as supplied, before markup is stripped: they bound the work per line.
  if (longerThan(questionRaw, MAX_QUESTION_CHARS)) {
    return { ok: false, reason: 'too-long', detail: `question over ${MAX_QUESTION_CHARS} characters` };
  }
  if (longerThan(answerRaw, MAX_ANSWER_CHARS)) {
    return { ok: false, reason: 'too-long', detail: `answer over ${MAX_ANSWER_CHARS} characters` };
  }
  const question = toSingleLine(htmlToText(questionRaw));
  if (Array.from(question).length < MIN_QUESTION_CHARS) {
    return { ok: false, reason: 'too-short', detail: `question under ${MIN_QUESTION_CHARS} characters` };
  }
  const answer = htmlToText(answerRaw);
  if (answer === '')
    return { ok: false, reason: 'missing-field', detail: `no text in "${fields.answer}" once markup is removed` };
  return { ok: true, question, answer };
}
