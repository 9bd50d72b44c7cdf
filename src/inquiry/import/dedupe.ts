/**
 * De-duplication of imported questions, in memory: the keys of every stored question and alias are loaded
 * once when an import starts and grow as lines are imported, so no line costs a database round trip.
 *
 * - exact key: the search tokeniser's normalise (NFKC, traditional→simplified, lower case, punctuation as
 *   spaces) with the spaces removed. Equal keys: the line is a duplicate and is skipped.
 * - near key: the exact key without greetings and fillers in front (请问, 你好, "hello") and question particles
 *   at the end (吗, 呢, 呀). Equal near keys: the line becomes an alias of the stored question.
 * - character-bigram Jaccard ≥ 0.9 between near keys: also an alias. Candidates are found by pigeonhole,
 *   not by scanning (see `groupsFor`), and each is checked exactly; a line costs a few dozen map lookups.
 */
import { normalise } from '../../platform/search/tokeniser';

export const JACCARD_THRESHOLD = 0.9;

const LEADING_ZH = [
  '我想咨询一下',
  '我想问一下',
  '想咨询一下',
  '想问一下',
  '咨询一下',
  '请教一下',
  '问一下',
  '我想问',
  '请问',
  '请教',
  '你好',
  '您好',
  '律师好',
  '老师好',
  '咨询',
  '想问',
];
const LEADING_EN = [
  'excuse me',
  'may i ask',
  'can you tell me',
  'i want to know',
  'i would like to know',
  'i want to ask',
  'hello',
  'hi',
  'dear',
  'please',
  'question',
];
const TRAILING_ZH = /[吗呢呀啊吧嘛哦]+$/;
const TRAILING_EN = / (?:please|thanks|thank you)$/;

/** The normalised text, words separated by single spaces. */
export function normaliseQuestion(text: string): string {
  return normalise(text);
}

/** Equal keys mean the same question written the same way, give or take punctuation, case, script and spacing. */
export function exactKey(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/** The key with greetings, fillers and final particles removed. */
export function nearKey(normalised: string): string {
  let s = normalised;
  for (let changed = true; changed; ) {
    const before = s;
    for (const f of LEADING_ZH) if (s.startsWith(f)) s = s.slice(f.length).trimStart();
    // English fillers are whole words: "hi" must not eat the start of "hiring".
    for (const f of LEADING_EN) if (s === f || s.startsWith(`${f} `)) s = s.slice(f.length).trimStart();
    s = s.replace(TRAILING_ZH, '').replace(TRAILING_EN, '').trimEnd();
    changed = s !== before;
  }
  return s === '' ? exactKey(normalised) : exactKey(s);
}

/** The distinct character bigrams of a key as 32-bit hashes, sorted (two bigrams sharing a hash count as one). */
export function bigramSet(key: string): Uint32Array {
  const out = new Uint32Array(key.length);
  let n = 0;
  // Walks code points (a supplementary character is one character, as in Array.from) without allocating them.
  for (let i = 0; i < key.length; ) {
    const first = key.codePointAt(i)!;
    const next = i + (first > 0xffff ? 2 : 1);
    if (next >= key.length) break;
    const second = key.codePointAt(next)!;
    // FNV-1a over the two code points, then murmur3's finaliser: FNV alone spreads two characters poorly
    // over the high bits, which the grouping below relies on.
    let h = Math.imul(0x811c9dc5 ^ first, 0x01000193);
    h = Math.imul(h ^ second, 0x01000193);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out[n++] = (h ^ (h >>> 16)) >>> 0;
    i = next;
  }
  const sorted = out.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

/** Jaccard of two sorted sets if it reaches `t`, else 0; gives up as soon as `t` is out of reach. */
export function jaccardAtLeast(a: Uint32Array, b: Uint32Array, t: number): number {
  // Jaccard ≥ t ⇔ |A ∩ B| ≥ t/(1+t) · (|A| + |B|).
  const needed = Math.ceil((t / (1 + t)) * (a.length + b.length) - 1e-9);
  let both = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
      continue;
    }
    if (a[i]! < b[j]!) i++;
    else j++;
    if (both + Math.min(a.length - i, b.length - j) < needed) return 0;
  }
  const score = both / (a.length + b.length - both);
  return score >= t ? score : 0;
}

/**
 * Sets A, B with Jaccard ≥ t differ in at most (1−t)/t · min(|A|, |B|) tokens. Split the tokens into one
 * more group than that (by hash): at least one group holds exactly the same tokens in both. So a set of
 * size n is indexed under each group's content, and a probe looks up its own content of each group for
 * every size n a match can have. Exact: no pair at or above the threshold is missed.
 */
function groupsFor(size: number): number {
  return Math.floor(((1 - JACCARD_THRESHOLD) / JACCARD_THRESHOLD) * size + 1e-9) + 1;
}

/** Hash of each group's tokens when a set is split into `groups` groups (by the token's top bits; integer maths). */
function groupHashes(set: Uint32Array, groups: number): Int32Array {
  const hashes = new Int32Array(groups).fill(0x811c9dc5 | 0);
  for (let i = 0; i < set.length; i++) {
    const token = set[i]!;
    const g = ((token >>> 16) * groups) >>> 16;
    hashes[g] = Math.imul(hashes[g]! ^ token, 0x01000193);
  }
  return hashes;
}

/**
 * The key of group g when sets are split into `groups` groups: sets of every size with that group count
 * share keys (a probe then needs a lookup per group count, not per size). 15 bits of the group's hash,
 * packed below 2^30 so V8 keeps the key a small integer (Map lookups on heap numbers cost several times
 * more). Keys that collide only add a candidate; every candidate is checked exactly.
 */
function groupKey(groups: number, g: number, hash: number): number {
  return ((groups * 64 + g) << 15) | ((hash ^ (hash >>> 15)) & 0x7fff);
}

/** What a stored question is known by; `id` is 0 until a question of the current batch is inserted. */
export interface Target {
  id: number;
}

export type Match = { kind: 'duplicate'; target: Target } | { kind: 'near'; target: Target } | null;

export class DedupeIndex {
  private readonly exact = new Map<string, Target>();
  private readonly near = new Map<string, Target>();
  private readonly sets: Uint32Array[] = [];
  private readonly targets: Target[] = [];
  private readonly groups = new Map<number, number[]>();
  /** Which entries the current probe compared already, stamped with the probe's number. */
  private tried = new Int32Array(1024);
  private probe = 0;
  /** The keys of the text looked up last: a line is looked up, then usually added. */
  private last: { normalised: string; exact: string; near: string; set: Uint32Array } | null = null;

  private keysOf(normalised: string) {
    if (this.last?.normalised !== normalised) {
      const near = nearKey(normalised);
      this.last = { normalised, exact: exactKey(normalised), near, set: bigramSet(near) };
    }
    return this.last;
  }

  get size(): number {
    return this.exact.size;
  }

  /** Registers a stored (or just accepted) question or alias under its keys; the first one registered keeps a key. */
  add(normalised: string, target: Target): void {
    const { exact, near, set } = this.keysOf(normalised);
    if (exact === '') return;
    if (!this.exact.has(exact)) this.exact.set(exact, target);
    if (this.near.has(near)) return;
    this.near.set(near, target);
    if (set.length === 0) return;
    const entry = this.sets.push(set) - 1;
    this.targets.push(target);
    if (entry >= this.tried.length) {
      const grown = new Int32Array(this.tried.length * 2);
      grown.set(this.tried);
      this.tried = grown;
    }
    const hashes = groupHashes(set, groupsFor(set.length));
    for (let g = 0; g < hashes.length; g++) {
      const key = groupKey(hashes.length, g, hashes[g]!);
      const list = this.groups.get(key);
      if (list) list.push(entry);
      else this.groups.set(key, [entry]);
    }
  }

  find(normalised: string): Match {
    const keys = this.keysOf(normalised);
    const exact = this.exact.get(keys.exact);
    if (exact) return { kind: 'duplicate', target: exact };
    const same = this.near.get(keys.near);
    if (same) return { kind: 'near', target: same };
    const set = keys.set;
    if (set.length === 0) return null;
    const stamp = ++this.probe;
    let best: { score: number; target: Target } | null = null;
    // Jaccard ≥ t needs min(|A|,|B|) / max(|A|,|B|) ≥ t: only those sizes can match.
    const [low, high] = [
      Math.ceil(set.length * JACCARD_THRESHOLD - 1e-9),
      Math.floor(set.length / JACCARD_THRESHOLD + 1e-9),
    ];
    for (let groups = groupsFor(low); groups <= groupsFor(high); groups++) {
      const hashes = groupHashes(set, groups);
      for (let g = 0; g < groups; g++) {
        for (const entry of this.groups.get(groupKey(groups, g, hashes[g]!)) ?? []) {
          if (this.tried[entry] === stamp) continue;
          this.tried[entry] = stamp;
          const other = this.sets[entry]!;
          if (other.length < low || other.length > high) continue;
          const score = jaccardAtLeast(set, other, JACCARD_THRESHOLD);
          if (score > 0 && (!best || score > best.score)) best = { score, target: this.targets[entry]! };
        }
      }
    }
    return best ? { kind: 'near', target: best.target } : null;
  }
}
