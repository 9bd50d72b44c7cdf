/**
 * Which article of a new version carries each article of the old one, by text, not by number: a revision may
 * renumber most of a law (the Administrative Reconsideration Law of 2023 moved the 60-day limit from Article 9
 * to Article 20) and split or merge articles. Pure; versions.ts stores the result (article_mappings).
 *
 * 1. Same text (spacing aside): unchanged where the number stayed, moved where it did not.
 * 2. The rest pair up best-first by the similarity of their character pairs (Dice coefficient), a pair counting
 *    only above MIN_SIMILARITY and slightly preferred where the position in the law is alike: changed.
 * 3. An old article most of whose text went into a new article that another old one already leads to: merged
 *    into it. A new article most of whose text comes from an old one already followed elsewhere: split from it.
 * 4. What is left of the old version was removed; what is left of the new one is new.
 */
import type { MappingKind } from './tables';

export interface AlignableArticle {
  id: number;
  number: number;
  text_zh: string;
}

export interface ArticleMapping {
  kind: MappingKind;
  from: AlignableArticle | null;
  to: AlignableArticle | null;
  /** Dice coefficient of the two texts' character pairs, 0–1 (1 for the same text, 0 when a side is missing). */
  similarity: number;
}

/** Below this two articles are different rules (measured on the 2017 → 2023 Administrative Reconsideration Law). */
export const MIN_SIMILARITY = 0.38;
/** The share of an article's pairs found in another for it to count as split from or merged into it. */
const MIN_CONTAINMENT = 0.6;

const squash = (text: string) => text.replace(/\s+/g, '');

function pairs(text: string): Map<string, number> {
  const t = squash(text);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) {
    const p = t.slice(i, i + 2);
    out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

function size(bag: Map<string, number>): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [p, c] of small) n += Math.min(c, large.get(p) ?? 0);
  return n;
}

export function alignArticles(before: AlignableArticle[], after: AlignableArticle[]): ArticleMapping[] {
  const out: ArticleMapping[] = [];
  const oldLeft = new Set(before.map((_, i) => i));
  const newLeft = new Set(after.map((_, i) => i));
  const followed = new Map<number, number>(); // old index → new index
  const ledTo = new Map<number, number>(); // new index → old index

  // 1. Same text: the same number first, so a repeated short article ("删除") does not jump.
  const byText = new Map<string, number[]>();
  after.forEach((a, j) => {
    const key = squash(a.text_zh);
    byText.set(key, [...(byText.get(key) ?? []), j]);
  });
  for (const i of [...oldLeft]) {
    const old = before[i]!;
    const candidates = (byText.get(squash(old.text_zh)) ?? []).filter((j) => newLeft.has(j));
    const j = candidates.find((c) => after[c]!.number === old.number) ?? candidates[0];
    if (j === undefined) continue;
    const to = after[j]!;
    out.push({ kind: to.number === old.number ? 'unchanged' : 'moved', from: old, to, similarity: 1 });
    oldLeft.delete(i);
    newLeft.delete(j);
    followed.set(i, j);
    ledTo.set(j, i);
  }

  // 2. Similar text, best pairs first.
  const bags = { before: before.map((a) => pairs(a.text_zh)), after: after.map((a) => pairs(a.text_zh)) };
  const sizes = { before: bags.before.map(size), after: bags.after.map(size) };
  const candidates: { i: number; j: number; sim: number; rank: number }[] = [];
  for (const i of oldLeft)
    for (const j of newLeft) {
      const total = sizes.before[i]! + sizes.after[j]!;
      if (total === 0) continue;
      const sim = (2 * overlap(bags.before[i]!, bags.after[j]!)) / total;
      if (sim < MIN_SIMILARITY) continue;
      // Where in the law each sits (0–1): alike positions break near-ties, never outweigh the text.
      const distance = Math.abs(i / Math.max(1, before.length) - j / Math.max(1, after.length));
      candidates.push({ i, j, sim, rank: sim - 0.05 * distance });
    }
  candidates.sort((a, b) => b.rank - a.rank);
  for (const c of candidates) {
    if (!oldLeft.has(c.i) || !newLeft.has(c.j)) continue;
    out.push({ kind: 'changed', from: before[c.i]!, to: after[c.j]!, similarity: c.sim });
    oldLeft.delete(c.i);
    newLeft.delete(c.j);
    followed.set(c.i, c.j);
    ledTo.set(c.j, c.i);
  }

  // 3. Merged and split: containment of one article's pairs in a partner already taken.
  const contained = (part: Map<string, number>, partSize: number, whole: Map<string, number>) =>
    partSize === 0 ? 0 : overlap(part, whole) / partSize;
  for (const i of [...oldLeft]) {
    let best = -1;
    let bestShare = MIN_CONTAINMENT;
    for (const j of ledTo.keys()) {
      const share = contained(bags.before[i]!, sizes.before[i]!, bags.after[j]!);
      if (share >= bestShare) [best, bestShare] = [j, share];
    }
    if (best < 0) continue;
    out.push({ kind: 'merged', from: before[i]!, to: after[best]!, similarity: bestShare });
    // The article it joined is a merge too.
    const partner = out.find((m) => m.to === after[best] && m.from === before[ledTo.get(best)!]);
    if (partner && partner.kind !== 'unchanged' && partner.kind !== 'moved') partner.kind = 'merged';
    oldLeft.delete(i);
  }
  for (const j of [...newLeft]) {
    let best = -1;
    let bestShare = MIN_CONTAINMENT;
    for (const i of followed.keys()) {
      const share = contained(bags.after[j]!, sizes.after[j]!, bags.before[i]!);
      if (share >= bestShare) [best, bestShare] = [i, share];
    }
    if (best < 0) continue;
    out.push({ kind: 'split', from: before[best]!, to: after[j]!, similarity: bestShare });
    const partner = out.find((m) => m.from === before[best] && m.to === after[followed.get(best)!]);
    if (partner && partner.kind === 'changed') partner.kind = 'split';
    newLeft.delete(j);
  }

  // 4. The rest.
  for (const i of oldLeft) out.push({ kind: 'removed', from: before[i]!, to: null, similarity: 0 });
  for (const j of newLeft) out.push({ kind: 'new', from: null, to: after[j]!, similarity: 0 });
  return out.sort(
    (a, b) =>
      (a.from?.number ?? Number.MAX_SAFE_INTEGER) - (b.from?.number ?? Number.MAX_SAFE_INTEGER) ||
      (a.to?.number ?? 0) - (b.to?.number ?? 0),
  );
}
