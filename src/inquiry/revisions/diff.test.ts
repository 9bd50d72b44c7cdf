import { describe, expect, it } from 'vitest';
import { type DiffPart, diffLines, diffWords, MAX_DIFF_TOKENS, paragraphs, tokenise } from './diff';

const side = (parts: DiffPart[], keep: 'del' | 'ins') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === keep)
    .map((p) => p.text)
    .join('');
const changed = (parts: DiffPart[]) => parts.filter((p) => p.kind !== 'same');

describe('tokenise', () => {
  it('keeps words, spaces and punctuation apart and gives back the text when joined', () => {
    const text = 'Report the loss, then apply (12333).\n\nNext';
    expect(tokenise(text)).toEqual([
      'Report',
      ' ',
      'the',
      ' ',
      'loss',
      ',',
      ' ',
      'then',
      ' ',
      'apply',
      ' ',
      '(',
      '12333',
      ')',
      '.',
      '\n\n',
      'Next',
    ]);
    expect(tokenise(text).join('')).toBe(text);
  });

  it('splits Chinese into characters, which have no spaces between words', () => {
    expect(tokenise('社保卡丢了 card')).toEqual(['社', '保', '卡', '丢', '了', ' ', 'card']);
  });
});

describe('diffWords', () => {
  it('marks the removed and the added words and keeps the rest', () => {
    const parts = diffWords('Apply at the service outlet within 30 days.', 'Apply online within 15 days.');
    expect(changed(parts)).toEqual([
      { kind: 'del', text: 'at the service outlet' },
      { kind: 'ins', text: 'online' },
      { kind: 'del', text: '30' },
      { kind: 'ins', text: '15' },
    ]);
  });

  it('shows a run of replaced words as one removal and one addition, not word by word', () => {
    expect(diffWords('At your local social security bureau today.', 'At your nearest service outlet today.')).toEqual([
      { kind: 'same', text: 'At your ' },
      { kind: 'del', text: 'local social security bureau' },
      { kind: 'ins', text: 'nearest service outlet' },
      { kind: 'same', text: ' today.' },
    ]);
  });

  it('reconstructs both texts exactly', () => {
    const before = 'First report the loss.\n\nThen apply for a new card at the outlet.';
    const after = 'First report the loss by phone.\n\nThen apply for a new card online, or at the outlet.';
    const parts = diffWords(before, after);
    expect(side(parts, 'del')).toBe(before);
    expect(side(parts, 'ins')).toBe(after);
  });

  it('diffs Chinese character by character', () => {
    expect(changed(diffWords('携带身份证原件', '携带户口簿原件'))).toEqual([
      { kind: 'del', text: '身份证' },
      { kind: 'ins', text: '户口簿' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(diffWords('', 'new text')).toEqual([{ kind: 'ins', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ kind: 'del', text: 'old text' }]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('falls back to whole paragraphs when the changed stretch is too long to diff word by word', () => {
    const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
    const kept = 'This paragraph stays.\n\n';
    const before = `${kept + words('old', MAX_DIFF_TOKENS)}\n\nThe end.`;
    const after = `${kept + words('new', MAX_DIFF_TOKENS)}\n\nThe end.`;
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(parts[0]).toEqual({ kind: 'same', text: kept });
    expect(changed(parts).map((p) => p.kind)).toEqual(['del', 'ins']);
    expect(parts[parts.length - 1]).toEqual({ kind: 'same', text: 'The end.' });
    expect(side(parts, 'del')).toBe(before);
    expect(side(parts, 'ins')).toBe(after);
  });

  it('keeps a small edit inside a huge text word-level, since the common head and tail are set aside', () => {
    const filler = 'word '.repeat(20_000);
    const parts = diffWords(`${filler}old ending`, `${filler}new ending`);
    expect(changed(parts)).toEqual([
      { kind: 'del', text: 'old' },
      { kind: 'ins', text: 'new' },
    ]);
  });
});

describe('paragraphs', () => {
  it('splits after blank lines and joins back to the same text', () => {
    const text = 'a\nb\n\nc\n \n\nd';
    expect(paragraphs(text)).toEqual(['a\nb\n\n', 'c\n \n\n', 'd']);
    expect(paragraphs(text).join('')).toBe(text);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('diffLines', () => {
  it('lists removed and added lines only', () => {
    expect(diffLines(['Report the loss', 'Apply', 'Collect'], ['Report the loss', 'Apply online', 'Collect'])).toEqual([
      { kind: 'del', text: 'Apply' },
      { kind: 'ins', text: 'Apply online' },
    ]);
  });

  it('shows a moved line as removed in one place and added in another', () => {
    expect(diffLines(['a', 'b', 'c'], ['b', 'c', 'a'])).toEqual([
      { kind: 'del', text: 'a' },
      { kind: 'ins', text: 'a' },
    ]);
  });

  it('reports nothing for equal lists', () => {
    expect(diffLines(['x'], ['x'])).toEqual([]);
    expect(diffLines([], [])).toEqual([]);
  });
});
