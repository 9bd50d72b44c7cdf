import { analyseNormalised, normalise } from './analysis';
import type { QueryTerm } from './tokeniser';

const LATIN_WORD_RE = /[\p{L}\p{N}]+/gu;
const HAN_CHAR_RE = /\p{Script=Han}/u;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Index form of one latin word ("Losing" → "lose"), the way the tokeniser would store it. */
function latinKey(word: string): string | undefined {
  return analyseNormalised(normalise(word)).units[0]?.key;
}

/**
 * The matched words of a query inside a text, as [start, end) ranges: latin words whose index form is a
 * query token, and Han strings of the query (words and joined bigram phrases) found verbatim.
 */
export function findMatches(text: string, terms: QueryTerm[]): [number, number][] {
  const latin = new Set<string>();
  const han = new Set<string>();
  for (const term of terms) {
    for (const alt of term.alternatives) {
      if (alt.bigram) {
        // Consecutive bigrams ("社保","保卡") spell one string ("社保卡").
        han.add(
          alt.tokens[0] +
            alt.tokens
              .slice(1)
              .map((t) => Array.from(t).slice(1).join(''))
              .join(''),
        );
        continue;
      }
      for (const token of alt.tokens) (HAN_CHAR_RE.test(token) ? han : latin).add(token);
    }
  }
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(LATIN_WORD_RE)) {
    if (HAN_CHAR_RE.test(m[0][0]!)) continue;
    const key = latinKey(m[0]);
    if (key && latin.has(key)) ranges.push([m.index, m.index + m[0].length]);
  }
  for (const needle of han) {
    if (Array.from(needle).length < 2) continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  // Merge overlaps (社保 inside 社保卡).
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A short excerpt of `text` around the densest cluster of matches, HTML-escaped, with the matches
 * wrapped in <mark>. Without matches, the start of the text.
 */
export function highlightSnippet(text: string, terms: QueryTerm[], maxLength = 180): string {
  const matches = findMatches(text, terms);
  let start = 0;
  if (matches.length > 0) {
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < matches.length; i++) {
      let count = 0;
      while (i + count < matches.length && matches[i + count]![1] - matches[i]![0] <= maxLength) count++;
      if (count > bestCount) [best, bestCount] = [i, count];
    }
    // Start a little before the first match, at a word boundary when there is one nearby.
    const first = matches[best]![0];
    start = Math.max(0, first - 30);
    const space = text.lastIndexOf(' ', first);
    if (start > 0 && space > start - 20 && space < first) start = space + 1;
  }
  const end = Math.min(text.length, start + maxLength);
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const [from, to] of matches) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    html += `${escapeHtml(text.slice(at, a))}<mark>${escapeHtml(text.slice(a, b))}</mark>`;
    at = b;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
  return html;
}

/**
 * The whole of `text`, HTML-escaped, with the matches wrapped in <mark>: for titles, which are read whole (a
 * title cut at the front, "…security card?", hides what the question is).
 */
export function highlightWhole(text: string, terms: QueryTerm[]): string {
  let html = '';
  let at = 0;
  for (const [from, to] of findMatches(text, terms)) {
    html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  return html + escapeHtml(text.slice(at));
}
