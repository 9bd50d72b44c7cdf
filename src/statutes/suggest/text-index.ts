/**
 * BM25 over character bigrams (Chinese) and words (English), in memory. Chinese legal text has no spaces and
 * people write the same rule in other words than the statute (断缴 for 中断缴费): overlapping character pairs
 * match what a segmenter splits differently, and measured better than BM25 over our segmenter's tokens for
 * finding the articles a question needs (docs/decisions/0119-legal-basis-suggestions.md).
 */
import { normalise } from '../../platform/search/tokeniser';

const K1 = 1.2;
const B = 0.75;
// Words that say nothing about which rule applies, in the questions people ask.
const STOP_WORDS = new Set(
  'a an and are can do does for from how i if in is it me my of on or the to what when where which who will with you your after before be been being by could get have has should than that there this was were would about into out not no'.split(
    ' ',
  ),
);
// Pairs of the commonest function characters match everywhere and only add noise.
const STOP_PAIRS = new Set([
  '的是',
  '是的',
  '可以',
  '怎么',
  '什么',
  '如何',
  '请问',
  '我的',
  '我们',
  '一个',
  '没有',
  '吗？',
]);

/** The terms of a text: Han bigrams (a lone Han character as itself) and Latin words, lightly stemmed. */
export function textTerms(text: string): string[] {
  const folded = normalise(text);
  const terms: string[] = [];
  for (const run of folded.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) {
      terms.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!STOP_PAIRS.has(pair)) terms.push(pair);
    }
  }
  for (const word of folded.match(/[a-z][a-z0-9]+/g) ?? []) {
    if (STOP_WORDS.has(word)) continue;
    terms.push(word.length > 4 ? word.replace(/(?:ies|es|s|ing|ed)$/, '') : word);
  }
  return terms;
}

export class TextIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private averageLength = 0;

  constructor(texts: string[]) {
    texts.forEach((text, doc) => {
      const terms = textTerms(text);
      this.lengths.push(terms.length);
      for (const term of terms) {
        const list = this.postings.get(term) ?? new Map<number, number>();
        list.set(doc, (list.get(doc) ?? 0) + 1);
        this.postings.set(term, list);
      }
    });
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Documents by score, best first (at most `limit`); a query term counts once however often it is repeated. */
  search(text: string, limit: number): { doc: number; score: number }[] {
    const scores = new Map<number, number>();
    for (const term of new Set(textTerms(text))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (this.size - list.size + 0.5) / (list.size + 0.5));
      for (const [doc, tf] of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, score]) => ({ doc, score }));
  }
}
