import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Modules } from '../modules';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';

/** The earlier suggester (BM25 over our tokens), now the suggester's `tokens` signal alone. */
const TOKENS = new Set(['tokens'] as const);

describe.each(testEngines)('suggested legal basis on $name', (engine) => {
  let t: TestApp;
  let services: Modules;
  beforeAll(async () => {
    t = await openTestApp(engine);
    services = t.modules;
  });
  afterAll(async () => t?.close());

  it.each([
    ['How long do I have to apply for a work injury determination?', 'work-related-injury-insurance-regulations', 17],
    ['劳动仲裁的时效是多久', 'labour-dispute-mediation-arbitration-law', 27],
    [
      'Can I get unemployment benefits after losing my job? 失业保险金 领取条件',
      'unemployment-insurance-regulations',
      14,
    ],
  ])('suggests the article that answers "%s"', async (question, slug, number) => {
    const suggestions = await services.statutes.service.suggestLegalBasis(question, { limit: 8, signals: TOKENS });
    expect(suggestions.map((s) => `${s.slug}#${s.number}`)).toContain(`${slug}#${number}`);
    expect(suggestions[0]?.citation).toMatch(/^《.+》第.+条$/);
  });

  it('suggests nothing for a query without words', async () => {
    expect(await services.statutes.service.suggestLegalBasis('🙂 ？', { limit: 8, signals: TOKENS })).toEqual([]);
  });
});
