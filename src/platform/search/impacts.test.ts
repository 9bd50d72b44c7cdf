import { describe, expect, it } from 'vitest';
import {
  BODY_TOKENS_KEPT,
  bandImpact,
  bandOf,
  idf,
  impactRows,
  impactsOf,
  MAX_BAND,
  parseImpactRows,
  serialiseImpactRows,
} from './impacts';
import { TEST_KIND } from './testing';

const impactOf = (impacts: { token: string; impact: number }[], token: string) =>
  impacts.find((i) => i.token === token)?.impact;

describe('impactsOf', () => {
  it('weighs a title word above the same word in the body, and repeated words above single ones', () => {
    const impacts = impactsOf([['pension'], ['card', 'card', 'card', 'bank'], []], TEST_KIND.impactFields);
    expect(impactOf(impacts, 'pension')!).toBeGreaterThan(impactOf(impacts, 'card')!);
    expect(impactOf(impacts, 'card')!).toBeGreaterThan(impactOf(impacts, 'bank')!);
  });

  it('keeps every title token and only the most salient other tokens', () => {
    const title = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const body = Array.from({ length: BODY_TOKENS_KEPT + 10 }, (_, i) => Array(i < 5 ? 3 : 1).fill(`b${i}`)).flat();
    const tokens = impactsOf([title, body, []], TEST_KIND.impactFields).map((i) => i.token);
    expect(tokens.filter((t) => t.startsWith('t'))).toHaveLength(40);
    expect(tokens.filter((t) => t.startsWith('b'))).toHaveLength(BODY_TOKENS_KEPT);
    // The repeated body words are the salient ones.
    for (let i = 0; i < 5; i++) expect(tokens).toContain(`b${i}`);
  });

  it('groups tokens into bands, one row per band, and round-trips through its string form', () => {
    const body = [...Array(8).fill('补办'), '网上', ...Array.from({ length: 10 }, (_, i) => `w${i}`)];
    const impacts = impactsOf([['社保卡', 'xsgsocialsecuritycard'], body, ['72']], TEST_KIND.impactFields);
    const rows = impactRows(impacts);
    expect(rows.flatMap((r) => r.tokens).sort()).toEqual(impacts.map((i) => i.token).sort());
    expect(new Set(rows.map((r) => r.band)).size).toBe(rows.length);
    // The title's tokens are in a higher band than the body's.
    const bandOfToken = (token: string) => rows.find((r) => r.tokens.includes(token))!.band;
    expect(bandOfToken('社保卡')).toBeGreaterThan(bandOfToken('补办'));
    expect(bandOfToken('补办')).toBeGreaterThanOrEqual(bandOfToken('网上'));
    expect(bandOfToken('网上')).toBeGreaterThan(bandOfToken('72'));
    expect(parseImpactRows(serialiseImpactRows(rows))).toEqual(rows);
    expect(parseImpactRows('')).toEqual([]);
  });

  it('stands for each impact by its band within 23 %', () => {
    for (const impact of [1, 7, 100, 250, 2900]) {
      const band = bandOf(impact);
      expect(band).toBeLessThanOrEqual(MAX_BAND);
      expect(Math.abs(bandImpact(band) / impact - 1)).toBeLessThan(0.23);
    }
  });
});

describe('idf', () => {
  it('is higher for rarer tokens and never negative', () => {
    expect(idf(1_000_000, 10)).toBeGreaterThan(idf(1_000_000, 1000));
    expect(idf(5, 5)).toBeGreaterThan(0);
    expect(idf(0, 3)).toBeGreaterThan(0);
  });
});
