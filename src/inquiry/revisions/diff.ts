/**
 * Readable differences between two revisions of an answer: a word-level diff of the analysis and a
 * line diff of steps and citations. Plain LCS over tokens; the caller escapes the text (Preact does).
 */

export type DiffKind = 'same' | 'del' | 'ins';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Above this many tokens (after the common head and tail are set aside) words give way to paragraphs. */
export const MAX_DIFF_TOKENS = 4_000;
/**
 * The LCS table holds (n+1)·(m+1) cells; 4,000 × 4,000 would be 64 MB of Uint32 for one page view.
 * Two changed stretches of ~1,400 tokens each is as far as a public page goes word by word.
 */
export const MAX_DIFF_CELLS = 2_000_000;

/**
 * Words for the diff: runs of letters or digits, whitespace runs, single punctuation marks — and each
 * Han character alone, since Chinese text has no spaces and a whole sentence would otherwise be one "word".
 */
export function tokenise(text: string): string[] {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}\p{M}_]+|\s+|[^\s\p{L}\p{N}\p{M}_]/gu) ?? [];
}

/** Appends a part, joining it to the previous one of the same kind so the output has no ragged runs. */
function push(parts: DiffPart[], kind: DiffKind, text: string) {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The edit script between two token lists by longest common subsequence. Deletions come before
 * insertions within a changed stretch, which reads as "replace this with that".
 */
function lcsDiff<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean, emit: (kind: DiffKind, item: T) => void) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i*width + j] = LCS length of a[i..] and b[j..]; filled from the end so the walk goes forward.
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const x = a[i]!;
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = eq(x, b[j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = a[i]!;
    const y = b[j]!;
    if (eq(x, y)) {
      emit('same', x);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      emit('del', x);
      i++;
    } else {
      emit('ins', y);
      j++;
    }
  }
  while (i < n) emit('del', a[i++]!);
  while (j < m) emit('ins', b[j++]!);
}

/** Length of the common head and tail of two lists, so the LCS only sees the stretch that changed. */
function commonEnds<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean) {
  let head = 0;
  while (head < a.length && head < b.length && eq(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && eq(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) {
    tail++;
  }
  return { head, tail };
}

/**
 * Joins a changed stretch whose changes are separated only by whitespace into one removal and one
 * addition: replacing "local social bureau" with "nearest service outlet" matches the spaces between the
 * words, and word-by-word alternation of struck and inserted words is hard to read.
 */
function joinChangedRuns(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(out, 'del', del);
    push(out, 'ins', ins);
    del = ins = '';
  };
  parts.forEach((p, i) => {
    if (p.kind === 'del') del += p.text;
    else if (p.kind === 'ins') ins += p.text;
    // Merged parts alternate, so a same part after a change and before the end sits between two changes.
    else if ((del || ins) && i < parts.length - 1 && /^\s+$/.test(p.text)) {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      push(out, 'same', p.text);
    }
  });
  flush();
  return out;
}

const fits = (n: number, m: number) => n + m <= MAX_DIFF_TOKENS && (n + 1) * (m + 1) <= MAX_DIFF_CELLS;
const sameString = (x: string, y: string) => x === y;

/** Paragraphs with the blank lines that end them, so joining them gives back the text exactly. */
export function paragraphs(text: string): string[] {
  return text ? text.split(/(?<=\n\s*\n)(?=\S)/) : [];
}

/**
 * Word-level diff of two texts. Oversized changes fall back to a paragraph-level diff, where a changed
 * paragraph is shown removed and added whole; a text with too many paragraphs becomes one replacement.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (before === after) {
    push(parts, 'same', before);
    return parts;
  }
  const a = tokenise(before);
  const b = tokenise(after);
  const { head, tail } = commonEnds(a, b, sameString);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (fits(midA.length, midB.length)) {
    push(parts, 'same', a.slice(0, head).join(''));
    lcsDiff(midA, midB, sameString, (kind, token) => push(parts, kind, token));
    push(parts, 'same', a.slice(a.length - tail).join(''));
    return joinChangedRuns(parts);
  }
  const pa = paragraphs(before);
  const pb = paragraphs(after);
  const ends = commonEnds(pa, pb, sameString);
  const midPa = pa.slice(ends.head, pa.length - ends.tail);
  const midPb = pb.slice(ends.head, pb.length - ends.tail);
  push(parts, 'same', pa.slice(0, ends.head).join(''));
  if (fits(midPa.length, midPb.length)) {
    lcsDiff(midPa, midPb, sameString, (kind, p) => push(parts, kind, p));
  } else {
    push(parts, 'del', midPa.join(''));
    push(parts, 'ins', midPb.join(''));
  }
  push(parts, 'same', pa.slice(pa.length - ends.tail).join(''));
  return parts;
}

/** Lines removed and added between two lists (steps, citations); unchanged lines are left out. */
export function diffLines(before: string[], after: string[]): { kind: 'del' | 'ins'; text: string }[] {
  const changes: { kind: 'del' | 'ins'; text: string }[] = [];
  const { head, tail } = commonEnds(before, after, sameString);
  const midA = before.slice(head, before.length - tail);
  const midB = after.slice(head, after.length - tail);
  if (fits(midA.length, midB.length)) {
    lcsDiff(midA, midB, sameString, (kind, text) => {
      if (kind !== 'same') changes.push({ kind, text });
    });
  } else {
    for (const text of midA) changes.push({ kind: 'del', text });
    for (const text of midB) changes.push({ kind: 'ins', text });
  }
  return changes;
}
