import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { seedDatabase } from './seed';

const DEMO = { dataDir: 'data', demoFile: 'data/demo/questions.json' };

describe.each(testEngines)('shipped content on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: DEMO });
  });
  afterAll(async () => t?.close());

  it('loads at least 40 demo Q&As over every topic, 10+ also in Chinese, all citations resolved', async () => {
    const db = t.db;
    const perTopic = await db
      .selectFrom('questions as q')
      .innerJoin('topics as t', 't.id', 'q.topic_id')
      .select(['t.slug', (eb) => eb.fn.countAll<number>().as('n')])
      .where('q.origin', '=', 'demo')
      .where('q.locale', '=', 'en')
      .groupBy('t.slug')
      .execute();
    expect(perTopic).toHaveLength(11);
    for (const row of perTopic) expect(Number(row.n), row.slug).toBeGreaterThanOrEqual(3);
    expect(perTopic.reduce((sum, row) => sum + Number(row.n), 0)).toBeGreaterThanOrEqual(40);

    const chinese = await db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '=', 'demo')
      .where('locale', '=', 'zh')
      .where('translation_of_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(chinese.n)).toBeGreaterThanOrEqual(10);

    const withoutCitations = await db
      .selectFrom('answers as a')
      .leftJoin('answer_citations as c', 'c.answer_id', 'a.id')
      .select('a.id')
      .where('c.id', 'is', null)
      .execute();
    expect(withoutCitations).toEqual([]);
  });

  it('labels demo answers as demo and links the two language versions', async () => {
    const zh = await t.db
      .selectFrom('questions')
      .select(['id', 'translation_of_id'])
      .where('origin', '=', 'demo')
      .where('locale', '=', 'zh')
      .executeTakeFirstOrThrow();
    // Its English path redirects to the English version; the Chinese page is under /zh.
    const english = await t.app.inject(`/social-security/questions/${zh.id}`);
    expect(english.statusCode).toBe(301);
    const page = await t.app.inject(`/zh/social-security/questions/${zh.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain('示例内容');
    expect(page.body).toMatch(
      new RegExp(`href="/social-security/questions/${zh.translation_of_id}-[a-z0-9-]+" hreflang="en"`),
    );
  });

  it('adds nothing when loaded a second time', async () => {
    const again = await seedDatabase(t.modules, DEMO);
    expect(again).toEqual({ statuteVersionsAdded: 0, questionsAdded: 0 });
  });
});
