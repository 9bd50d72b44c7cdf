import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Modules } from '../../modules';
import { ownTables } from '../../platform/db/tables';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import type { InquiryTables } from '../tables';
import { QUESTION_KIND } from './documents';

const validAnswer = {
  analysis: 'Go to the **housing fund centre** with your ID card.',
  region: 'CN-GD-SZ',
  verifiedOn: '2026-11-20',
  citations: ['《住房公积金管理条例》第二十四条'],
  authorLabel: 'test',
};

describe.each(testEngines)('question search on $name', (engine) => {
  let t: TestApp;
  let services: Modules;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
    services = t.modules;
  });
  afterAll(async () => t?.close());
  const search = async (query: string) => (await t.app.inject(`/api/v1/search?${query}`)).json();

  it('finds the seed question in English and Chinese, with highlighted snippets', async () => {
    for (const q of ['lost social security card', '社保卡丢了怎么办']) {
      const body = await search(`q=${encodeURIComponent(q)}`);
      expect(body.results[0]).toMatchObject({
        id: 1,
        url: '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it',
      });
      expect(body.total).toBeGreaterThan(0);
      expect(typeof body.tookMs).toBe('number');
    }
    const body = await search('q=lost+social+security+card');
    expect(body.results[0].titleHtml).toContain('<mark>lose</mark>');
    expect(body.results[0].snippet).toMatch(/<mark>social security card<\/mark>|<mark>card<\/mark>/);
  });

  it('filters by topic and region', async () => {
    const byTopic = await search('q=pension&topic=retirement');
    expect(byTopic.results.length).toBeGreaterThan(0);
    expect(byTopic.results.every((r: { topic: { slug: string } }) => r.topic.slug === 'retirement')).toBe(true);

    const shanghai = await search('q=social+insurance+record&region=CN-SH');
    const regions = new Set(shanghai.results.map((r: { region: { code: string } }) => r.region.code));
    expect([...regions].every((code) => code === 'CN' || code === 'CN-SH')).toBe(true);
    expect(regions.has('CN-SH')).toBe(true);

    expect((await t.app.inject('/api/v1/search?q=pension&topic=nope')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/search?q=pension&region=CN-XX')).statusCode).toBe(400);
  });

  it.each([
    ['no q', '', 400],
    ['an empty q', 'q=', 400],
    ['a 10 KB q', `q=${'a'.repeat(10 * 1024)}`, 400],
    ['page 0', 'q=pension&page=0', 400],
    ['page abc', 'q=pension&page=abc', 400],
    ['lang fr', 'q=pension&lang=fr', 400],
  ])('refuses %s with a 400 and a reason', async (_label, query, status) => {
    const res = await t.app.inject(`/api/v1/search?${query.slice(0, 12_000)}`);
    expect(res.statusCode).toBe(status);
    expect(res.json().details.length).toBeGreaterThan(0);
  });

  it.each([
    '!!!',
    '🙂🙂🙂',
    '？？。，',
    '"',
    '*',
    'NEAR(',
    'OR',
    '-',
    ':',
    '"pension" OR "card"*',
    'NEAR(a b, 2)',
    "'; drop table questions; --",
    '1=1 UNION SELECT * FROM answers',
    '{title}: x',
    '^card',
  ])('answers the query %j without an error', async (q) => {
    const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Array.isArray(body.results)).toBe(true);
    if (body.results.length === 0 && body.total === 0)
      expect(body.message === null || typeof body.message === 'string').toBe(true);
  });

  it('says why a query with no words has no results', async () => {
    expect((await search('q=%F0%9F%99%82%F0%9F%99%82')).message).toBe('The query has no words to search for.');
  });

  it('indexes a new question in the same transaction and forgets a deleted one', async () => {
    const before = await search('q=zebrafish+housing+fund');
    expect(before.results.some((r: { title: string }) => r.title.includes('Zebrafish'))).toBe(false);
    const { questionId } = await services.inquiry.questions.createAnsweredQuestion(
      {
        topic: 'housing-provident-fund',
        locale: 'en',
        title: 'Zebrafish farm workers and the housing fund?',
        region: 'CN-GD-SZ',
        origin: 'user',
      },
      { ...validAnswer, steps: [] },
    );
    const after = await search('q=zebrafish');
    expect(after.results[0].id).toBe(questionId);
    await services.inquiry.questions.deleteQuestion(questionId);
    expect((await search('q=zebrafish')).results).toEqual([]);
  });

  it('finds a two-character word that the document holds only inside a longer word', async () => {
    // jieba keeps 劳动能力鉴定 as one word, so the document's word tokens never include 鉴定: only its bigrams do.
    const { questionId } = await services.inquiry.questions.createAnsweredQuestion(
      {
        topic: 'work-injury-insurance',
        locale: 'zh',
        title: '骨折后多久可以申请劳动能力鉴定？',
        region: 'CN-GD-SZ',
        origin: 'user',
      },
      { ...validAnswer, steps: [] },
    );
    const found = await search(`q=${encodeURIComponent('鉴定')}`);
    expect(found.results.map((r: { id: number }) => r.id)).toContain(questionId);
    await services.inquiry.questions.deleteQuestion(questionId);
  });

  it('leaves the index untouched when the transaction rolls back', async () => {
    const question = await t.db
      .insertInto('questions')
      .values({
        topic_id: 1,
        slug: 'x',
        locale: 'en',
        title: 'Quokka question',
        details: '',
        status: 'awaiting',
        origin: 'user',
        source_key: null,
        translation_of_id: null,
        region_code: 'CN',
        created_at: '2026-11-25',
        updated_at: '2026-11-25',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      ownTables<InquiryTables>(t.database.db)
        .transaction()
        .execute(async (trx) => {
          await trx
            .updateTable('questions')
            .set({ title: 'Platypus question' })
            .where('id', '=', question.id)
            .execute();
          await services.inquiry.search.reindexQuestions(trx, [question.id]);
          throw new Error('abort');
        }),
    ).rejects.toThrow('abort');
    expect((await search('q=platypus')).results).toEqual([]);
  });

  it('rebuilds the whole index', async () => {
    let progress = 0;
    const { indexed } = await services.inquiry.search.reindexAll((done) => (progress = done));
    expect(indexed).toBeGreaterThanOrEqual(77);
    expect(progress).toBe(indexed);
    expect((await search('q=lost+social+security+card')).results[0].id).toBe(1);
  });

  it('rebuilds on start an index whose layout changed or whose rebuild broke off, and only then', async () => {
    const state = async () =>
      (
        await sql<{ layout: string; documents: number }>`
        select layout, documents from search_kinds where name = 'question'`.execute(t.db)
      ).rows[0]!;
    expect(await services.inquiry.search.rebuildIfNeeded()).toBe(false);
    // A rebuild cut short (the process killed) leaves the count at -1.
    await sql`update search_kinds set documents = -1 where name = 'question'`.execute(t.db);
    expect(await services.inquiry.search.rebuildIfNeeded()).toBe(true);
    expect(Number((await state()).documents)).toBeGreaterThanOrEqual(77);
    // An index made for another layout of the kind (other fields, weights or attributes): made anew and rebuilt.
    await sql`update search_kinds set layout = '{"engine":0}' where name = 'question'`.execute(t.db);
    expect(await services.inquiry.search.rebuildIfNeeded()).toBe(true);
    const rebuilt = await state();
    expect(rebuilt.layout).toBe(QUESTION_KIND.layout);
    expect(Number(rebuilt.documents)).toBeGreaterThanOrEqual(77);
    if (engine.name === 'sqlite') {
      const impacts = await sql<{ n: number }>`select count(*) as n from search_question_impacts`.execute(t.db);
      expect(Number(impacts.rows[0]!.n)).toBeGreaterThan(Number(rebuilt.documents));
    }
    expect((await search('q=lost+social+security+card')).results[0].id).toBe(1);
    expect(await services.inquiry.search.rebuildIfNeeded()).toBe(false);
  });

  it('suggests question titles for a partial query in both languages', async () => {
    for (const q of ['lost social secu', 'lost social security c', '社保卡补']) {
      const res = await t.app.inject(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(
        res.json().suggestions.map((s: { id: number }) => s.id),
        q,
      ).toContain(1);
    }
    expect((await t.app.inject('/api/v1/search/suggest?q=')).json().suggestions).toEqual([]);
  });

  it('serves a search page that works without JavaScript', async () => {
    const res = await t.app.inject('/social-security/search?q=lost+social+security+card');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      'href="/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it"',
    );
    expect(res.body).toContain('<mark>');
    const empty = await t.app.inject('/social-security/search?q=xylophone+quasar');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No question matches “xylophone quasar” yet.');
    expect(empty.body).toContain('href="/social-security/ask?title=xylophone+quasar"');
    expect(empty.body).toContain('href="/social-security/topics/pension"');
    const noQuery = await t.app.inject('/social-security/search');
    expect(noQuery.statusCode).toBe(200);
    const badFilter = await t.app.inject('/social-security/search?q=pension&region=CN-XX');
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.body).toMatch(/Unknown region (&quot;|")CN-XX/);
    expect(badFilter.body).toContain('value="pension"');
  });
});
