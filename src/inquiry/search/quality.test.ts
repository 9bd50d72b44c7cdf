/**
 * Search quality on the shipped content: queries phrased as people type them (quality-queries.json,
 * English and Chinese), each naming the Q&A that should come first, searched by a reader of the query's
 * language (`lang`). A Q&A is a translation group (its English and Chinese questions share the shipped key):
 * either member counts as the hit, and a group must appear once. Prints MRR@10 and recall@3 per language and
 * fails below MRR@10 = 0.8, on every test database engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import queries from './quality-queries.json';

interface QualityQuery {
  query: string;
  locale: 'en' | 'zh';
  expect: string;
}

const MIN_MRR = 0.8;

describe.each(testEngines)('search quality on $name', (engine) => {
  let t: TestApp;
  /** question id → shipped key (both language versions of a Q&A share the key). */
  const keyOf = new Map<number, string>();
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
    const rows = await t.db.selectFrom('questions').select(['id', 'source_key']).execute();
    for (const row of rows) if (row.source_key) keyOf.set(row.id, row.source_key.split(':')[1]!);
  });
  afterAll(async () => t?.close());

  it('has at least 30 English and 30 Chinese queries', () => {
    const list = queries as QualityQuery[];
    expect(list.filter((q) => q.locale === 'en').length).toBeGreaterThanOrEqual(30);
    expect(list.filter((q) => q.locale === 'zh').length).toBeGreaterThanOrEqual(30);
    expect(new Set(keyOf.values())).toEqual(expect.any(Set));
    for (const q of list) expect([...keyOf.values()], q.expect).toContain(q.expect);
  });

  it(`puts the right Q&A first (MRR@10 ≥ ${MIN_MRR})`, async () => {
    const ranks: { query: QualityQuery; rank: number | null; top: string }[] = [];
    for (const query of queries as QualityQuery[]) {
      const res = await t.app.inject(`/api/v1/search?lang=${query.locale}&q=${encodeURIComponent(query.query)}`);
      expect(res.statusCode, query.query).toBe(200);
      const results: { id: number; title: string }[] = res.json().results;
      const keys = results.map((r) => keyOf.get(r.id) ?? `id:${r.id}`);
      expect(new Set(keys).size, `one result per translation group for "${query.query}"`).toBe(keys.length);
      const index = keys.indexOf(query.expect);
      ranks.push({ query, rank: index === -1 ? null : index + 1, top: results[0]?.title ?? '(none)' });
    }
    const summary = (locale?: 'en' | 'zh') => {
      const subset = ranks.filter((r) => !locale || r.query.locale === locale);
      const mrr = subset.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / subset.length;
      const recall3 = subset.filter((r) => r.rank !== null && r.rank <= 3).length / subset.length;
      return { queries: subset.length, mrr: Number(mrr.toFixed(3)), recallAt3: Number(recall3.toFixed(3)) };
    };
    const report = { engine: engine.name, all: summary(), en: summary('en'), zh: summary('zh') };
    console.log(`search quality ${JSON.stringify(report)}`);
    const misses = ranks.filter((r) => r.rank !== 1);
    if (misses.length) {
      console.log(
        misses
          .map((m) => `  rank ${m.rank ?? '-'}: "${m.query.query}" → want ${m.query.expect}; got "${m.top}"`)
          .join('\n'),
      );
    }
    expect(report.all.mrr).toBeGreaterThanOrEqual(MIN_MRR);
  });
});
