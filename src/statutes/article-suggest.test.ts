import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';

describe.each(testEngines)('suggested legal basis on $name', (engine) => {
  let t: TestApp;
  let services: Services;
  beforeAll(async () => {
    t = await openTestApp(engine);
    services = createServices(t.database.db, t.database.dialect);
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
    const suggestions = await services.statutes.suggestArticles(question, 8);
    expect(suggestions.map((s) => `${s.slug}#${s.number}`)).toContain(`${slug}#${number}`);
    expect(suggestions[0].citation).toMatch(/^《.+》第.+条$/);
  });

  it('suggests nothing for a query without words', async () => {
    expect(await services.statutes.suggestArticles('🙂 ？', 8)).toEqual([]);
  });
});
