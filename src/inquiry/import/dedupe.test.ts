import { describe, expect, it } from 'vitest';
import { bigramSet, DedupeIndex, exactKey, JACCARD_THRESHOLD, nearKey, normaliseQuestion, type Target } from './dedupe';

const key = (text: string) => exactKey(normaliseQuestion(text));
const near = (text: string) => nearKey(normaliseQuestion(text));

describe('keys', () => {
  it('folds case, width, punctuation, spacing and traditional characters into the exact key', () => {
    expect(key('深圳 社保卡丢了去哪里補辦?')).toBe(key('深圳社保卡丢了去哪里补办？'));
    expect(key('How do I RETIRE early?')).toBe(key('how do i retire early'));
    expect(key('ＡＢＣ社保')).toBe('abc社保');
  });

  it('drops greetings, fillers and final particles from the near key', () => {
    expect(near('你好，请问失业金怎么申请呢？')).toBe(near('失业金怎么申请'));
    expect(near('请教一下社保卡怎么补办吗')).toBe('社保卡怎么补办');
    expect(near('Hello, may I ask how to retire early? Thanks')).toBe(near('How to retire early'));
    // Whole words only: "hi" does not eat the start of "hiring".
    expect(near('Hiring rules for graduates')).toBe('hiringrulesforgraduates');
  });

  it('leaves a question that is nothing but filler as it is', () => {
    expect(near('请问')).toBe('请问');
  });
});

describe('DedupeIndex', () => {
  const target = (id: number): Target => ({ id });

  it('tells duplicates, near duplicates and new questions apart', () => {
    const index = new DedupeIndex();
    index.add(normaliseQuestion('失业金怎么申请？'), target(1));
    index.add(
      normaliseQuestion('How do I get reimbursed for hospital bills under medical insurance in Guangdong?'),
      target(2),
    );
    expect(index.find(normaliseQuestion('失业金怎么申请'))).toEqual({ kind: 'duplicate', target: { id: 1 } });
    expect(index.find(normaliseQuestion('你好，请问失业金怎么申请呢？'))).toEqual({ kind: 'near', target: { id: 1 } });
    expect(
      index.find(
        normaliseQuestion('How do I get reimbursed for hospital bills under the medical insurance in Guangdong?'),
      ),
    ).toEqual({
      kind: 'near',
      target: { id: 2 },
    });
    expect(index.find(normaliseQuestion('失业金能领多久'))).toBeNull();
  });

  it('keeps the first target of a key', () => {
    const index = new DedupeIndex();
    index.add(normaliseQuestion('社保卡怎么补办'), target(1));
    index.add(normaliseQuestion('社保卡怎么补办？'), target(2));
    expect(index.find(normaliseQuestion('社保卡怎么补办'))).toEqual({ kind: 'duplicate', target: { id: 1 } });
  });

  it('finds exactly what comparing with every stored question finds', () => {
    // Random strings over a small alphabet, many of them edits of one another.
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = '社保卡养老金失业工伤生育公积金退休缴费转移';
    const word = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const texts: string[] = [];
    for (let i = 0; i < 600; i++) {
      const base =
        i > 0 && random() < 0.6 ? texts[Math.floor(random() * texts.length)]! : word(8 + Math.floor(random() * 60));
      const at = Math.floor(random() * base.length);
      texts.push(
        random() < 0.5 ? base.slice(0, at) + word(1) + base.slice(at) : base.slice(0, at) + base.slice(at + 1),
      );
    }
    const index = new DedupeIndex();
    const stored: { near: string; set: Uint32Array }[] = [];
    const seen = { near: 0, new: 0 };
    for (const [i, text] of texts.entries()) {
      const normalised = normaliseQuestion(text);
      const found = index.find(normalised);
      const set = bigramSet(nearKey(normalised));
      const bruteForce = stored.some((s) => s.near === nearKey(normalised) || jaccard(s.set, set) >= JACCARD_THRESHOLD);
      if (found?.kind !== 'duplicate') {
        expect(found !== null, `line ${i}: ${text}`).toBe(bruteForce);
        seen[bruteForce ? 'near' : 'new'] += 1;
      }
      stored.push({ near: nearKey(normalised), set });
      index.add(normalised, target(i));
    }
    // Both outcomes occur often enough for the comparison to mean something.
    expect(seen.near).toBeGreaterThan(50);
    expect(seen.new).toBeGreaterThan(50);
  });
});

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const inA = new Set(a);
  const both = [...b].filter((x) => inA.has(x)).length;
  return both / (a.length + b.length - both);
}
