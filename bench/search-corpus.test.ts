// Run: npx vitest run bench/search-corpus.test.ts --dir bench
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cnNumber,
  DEFAULT_STATUTES_PATH,
  generateCorpus,
  generateDoc,
  generateQueries,
  REGION_CODES,
  type SyntheticQa,
  TOPIC_SLUGS,
} from './search-corpus';

const take = (n: number, seed = 42, options = {}): SyntheticQa[] => [...generateCorpus(n, seed, options)];
const enWords = (s: string) => s.split(/\s+/).filter(Boolean).length;
const tokens = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const sample = take(20_000);

/** Document frequency of each English body token over the English docs of `docs`. */
function documentFrequencies(docs: SyntheticQa[]): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  let n = 0;
  for (const d of docs) {
    if (d.locale !== 'en') continue;
    n++;
    for (const w of new Set(tokens(d.body))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return { df, n };
}

describe('generateCorpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = take(100, 7);
    expect(take(100, 7)).toEqual(a);
    expect(a.map((d) => d.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const b = take(100, 8);
    expect(b.filter((d, i) => d.title === a[i]?.title && d.body === a[i]?.body).length).toBeLessThan(5);
    expect(generateDoc(57, 7)).toEqual(a[56]);
    expect(take(100)).toEqual(sample.slice(0, 100));
  });

  it('streams lazily', () => {
    const it = generateCorpus(1_000_000_000, 1);
    expect(it.next().value?.id).toBe(1);
    expect(it.next().value?.id).toBe(2);
  });

  it('mixes about 60% English and 40% Chinese', () => {
    const en = sample.filter((d) => d.locale === 'en').length / sample.length;
    expect(en).toBeGreaterThan(0.55);
    expect(en).toBeLessThan(0.65);
    expect(sample.every((d) => d.locale === 'en' || d.locale === 'zh')).toBe(true);
  });

  it('keeps titles, bodies and legal lines within bounds', () => {
    for (const d of sample) {
      if (d.locale === 'en') {
        expect(enWords(d.title), d.title).toBeGreaterThanOrEqual(6);
        expect(enWords(d.title), d.title).toBeLessThanOrEqual(20);
        expect(d.title.endsWith('?')).toBe(true);
        expect(enWords(d.body)).toBeGreaterThanOrEqual(80);
        expect(enWords(d.body)).toBeLessThanOrEqual(400);
        expect(d.legal).toMatch(/^[A-Z][A-Za-z -]+, Article \d+: .+/);
        expect(d.title + d.body).not.toMatch(/[\u4e00-\u9fff]/);
      } else {
        expect(d.title.length, d.title).toBeGreaterThanOrEqual(8);
        expect(d.title.length, d.title).toBeLessThanOrEqual(30);
        expect(d.title.endsWith('？')).toBe(true);
        expect(d.body.length).toBeGreaterThanOrEqual(150);
        expect(d.body.length).toBeLessThanOrEqual(700);
        expect(d.legal).toMatch(/^《[^》]+》第[零一二三四五六七八九十百]+条：.+。/);
      }
      expect(d.body).not.toMatch(/\{[A-Z]\}|undefined|NaN|\n\n\n/);
    }
  });

  it('uses only valid topics and regions, mostly nationwide', () => {
    const topics = new Set(sample.map((d) => d.topic));
    expect([...topics].sort()).toEqual([...TOPIC_SLUGS].sort());
    expect(TOPIC_SLUGS).toHaveLength(11);
    expect(sample.every((d) => REGION_CODES.includes(d.region))).toBe(true);
    const cn = sample.filter((d) => d.region === 'CN').length / sample.length;
    expect(cn).toBeGreaterThan(0.6);
    expect(new Set(sample.map((d) => d.region)).size).toBe(7);
  });

  it('varies titles', () => {
    const distinct = new Set(sample.map((d) => d.title)).size;
    expect(distinct).toBeGreaterThan(0.7 * sample.length);
  });

  it('has Zipf-like English document frequencies', () => {
    const { df, n } = documentFrequencies(sample.slice(0, 5000));
    const counts = [...df.values()].sort((a, b) => b - a);
    const [top = 0] = counts;
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(top / n).toBeGreaterThan(0.9); // "the"
    expect(top).toBeGreaterThan(50 * median);
    expect(counts.filter((c) => c / n < 0.01).length / counts.length).toBeGreaterThan(0.5); // most words are rare
    expect(counts.filter((c) => c / n > 0.5).length).toBeLessThan(0.05 * counts.length); // few are everywhere
    expect(df.size).toBeGreaterThan(1000);
  });

  it('falls back to built-in legal text without statutes.json', () => {
    const missing = take(300, 3, { statutesPath: '/nonexistent/statutes.json' });
    expect(take(300, 3, { statutesPath: null })).toEqual(missing);
    const zh = missing.filter((d) => d.locale === 'zh');
    expect(zh.length).toBeGreaterThan(50);
    for (const d of zh) expect(d.legal).toMatch(/^《[^》]+》第[零一二三四五六七八九十百]+条：/);
  });

  it.runIf(existsSync(DEFAULT_STATUTES_PATH))('quotes statutes.json when it is there', () => {
    const zh = take(2000, 3).filter((d) => d.locale === 'zh');
    const builtIn = new Set(take(2000, 3, { statutesPath: null }).flatMap((d) => d.legal.split('\n')));
    const quoted = zh.flatMap((d) => d.legal.split('\n')).filter((l) => !builtIn.has(l));
    expect(quoted.length).toBeGreaterThan(zh.length / 2);
    expect(zh.some((d) => d.body.includes('根据《'))).toBe(true);
  });

  it('writes Chinese article numbers', () => {
    const expected = ['一', '十', '十六', '二十', '七十二', '一百', '一百零五', '一百一十二'];
    expect([1, 10, 16, 20, 72, 100, 105, 112].map(cnNumber)).toEqual(expected);
  });
});

describe('generateQueries', () => {
  const queries = generateQueries(1000, 42);
  const en = queries.filter((q) => !/[\u4e00-\u9fff]/.test(q));
  const zh = queries.filter((q) => /[\u4e00-\u9fff]/.test(q));

  it('gives 1000 distinct deterministic queries in the same language mix', () => {
    expect(queries).toHaveLength(1000);
    expect(new Set(queries).size).toBe(1000);
    expect(generateQueries(1000, 42)).toEqual(queries);
    expect(generateQueries(1000, 43)).not.toEqual(queries);
    expect(en.length / 1000).toBeGreaterThan(0.55);
    expect(en.length / 1000).toBeLessThan(0.65);
  });

  it('keeps queries short, like people type them', () => {
    for (const q of en) {
      expect(q).toMatch(/^[a-z0-9' -]+$/);
      expect(enWords(q), q).toBeGreaterThanOrEqual(2);
      expect(enWords(q), q).toBeLessThanOrEqual(4);
    }
    for (const q of zh) {
      expect(q.length, q).toBeGreaterThanOrEqual(4);
      expect(q.length, q).toBeLessThanOrEqual(12);
      expect(q.split(' ').length).toBeLessThanOrEqual(4);
    }
    expect(zh.filter((q) => q.includes(' ')).length).toBeGreaterThan(zh.length / 4);
    expect(zh.filter((q) => !q.includes(' ')).length).toBeGreaterThan(zh.length / 4);
  });

  it('uses corpus words, some rare and some common', () => {
    const { df, n } = documentFrequencies(sample);
    const known = new Set([...df.keys(), ...sample.flatMap((d) => (d.locale === 'en' ? tokens(d.title) : []))]);
    const words = en.flatMap(tokens);
    expect(words.filter((w) => known.has(w)).length / words.length).toBeGreaterThan(0.95);
    const rarest = en.map((q) => Math.min(...tokens(q).map((w) => (df.get(w) ?? 0) / n)));
    expect(rarest.filter((f) => f < 0.01).length).toBeGreaterThan(50); // has a rare word
    expect(rarest.filter((f) => f > 0.2).length).toBeGreaterThan(20); // only common words
    const zhText = sample
      .filter((d) => d.locale === 'zh')
      .map((d) => d.title + d.body)
      .join('\n');
    const parts = zh.filter((q) => q.includes(' ')).flatMap((q) => q.split(' '));
    expect(parts.filter((p) => zhText.includes(p)).length / parts.length).toBeGreaterThan(0.95);
  });
});
