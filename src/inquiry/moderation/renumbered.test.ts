/**
 * Renumbered law followed (issue 16): the Administrative Reconsideration Law of 2023 moved the 60-day limit of
 * 2017 Article 9 to Article 20. Editors see, for the stale answer, the old article and the one that now carries
 * its rule, the changed words marked; re-verifying points the citation at Article 20, not at the new Article 9.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readStatuteFiles } from '../../statutes';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const VERSIONS = '../shared/data/statutes/versions';
const V2017 = `${VERSIONS}/行政复议法(2017-09-01).md`;
const V2023 = `${VERSIONS}/行政复议法(2023-09-01).md`;
const present = existsSync(V2017) && existsSync(V2023);
if (!present) console.warn(`${VERSIONS} is not here: the renumbered-law tests are skipped.`);

describe.skipIf(!present).each(testEngines)('a renumbered law followed on $name', (engine) => {
  let t: TestApp;
  let editor: Cookies;
  let answerId: number;
  const catalogue = readCatalogue();

  beforeAll(async () => {
    t = await openTestApp(engine);
    editor = (await signInAs(t, 'editor')).cookies;
    await t.modules.statutes.service.importVersions(catalogue, readStatuteFiles([V2017], catalogue).versions);
    ({ answerId } = await t.modules.inquiry.questions.createAnsweredQuestion(
      {
        topic: 'labour-contracts-disputes',
        locale: 'en',
        title: 'How long do I have to challenge a decision of the social insurance agency?',
        region: 'CN',
        origin: 'user',
      },
      {
        analysis: 'Within 60 days of learning of the decision (《行政复议法》第九条).',
        region: 'CN',
        verifiedOn: '2026-11-01',
        citations: ['《行政复议法》第九条'],
        authorLabel: 'test',
      },
    ));
    await t.modules.statutes.service.importVersions(catalogue, readStatuteFiles([V2023], catalogue).versions);
  });
  afterAll(async () => t?.close());

  it('records the mapping between the versions, by text', async () => {
    const rows = await t.db
      .selectFrom('article_mappings as m')
      .innerJoin('articles as f', 'f.id', 'm.from_article_id')
      .innerJoin('articles as n', 'n.id', 'm.to_article_id')
      .select(['f.number as from', 'n.number as to', 'm.kind', 'm.similarity'])
      .where('f.number', 'in', [9, 41])
      .orderBy('f.number')
      .execute();
    expect(rows.map((r) => [r.from, r.to, r.kind])).toEqual([
      [9, 20, 'changed'],
      [41, 89, 'moved'],
    ]);
    expect(rows[0]!.similarity).toBeGreaterThan(500);
    const kinds = await t.db.selectFrom('article_mappings').select('kind').execute();
    for (const kind of ['changed', 'split', 'removed', 'new', 'moved'])
      expect(
        kinds.some((k) => k.kind === kind),
        kind,
      ).toBe(true);
  });

  it('shows editors the old article and the one now carrying its rule, the changed words marked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/editor/stale', cookies: editor });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Its rule is now in Administrative Reconsideration Law, Article 20 (reworded)');
    // 2017: 具体行政行为 … 之日起六十日内; 2023: 行政行为 … 知道或者应当知道 … 之日起六十日内.
    expect(res.body).toMatch(/<del>具体<\/del>/);
    expect(res.body).toMatch(/<ins>或者应当知道<\/ins>/);
    const zh = await t.app.inject({ method: 'GET', url: '/zh/editor/stale', cookies: editor });
    expect(zh.body).toContain('这一规定现在在《中华人民共和国行政复议法》第二十条（文字有修改）');
  });

  it('lists the answer citing 2017 Article 9 on the page of 2023 Article 20, the article now carrying its rule', async () => {
    const page = await t.app.inject('/laws/administrative-reconsideration-law/articles/20');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('How long do I have to challenge a decision of the social insurance agency?');
    const unrelated = await t.app.inject('/laws/administrative-reconsideration-law/articles/9');
    expect(unrelated.body).not.toContain('How long do I have to challenge');
  });

  it('keeps the older version readable at /laws/:slug/versions/:date, and refuses bad or unknown dates', async () => {
    const old = await t.app.inject('/laws/administrative-reconsideration-law/versions/2017-09-01');
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('This version is no longer in force. The version in force is of September 1, 2023.');
    expect(old.body).toContain('可以自知道该具体行政行为之日起六十日内提出行政复议申请');
    expect(old.body).toContain('href="#article-9"');
    const current = await t.app.inject('/zh/laws/administrative-reconsideration-law');
    expect(current.body).toContain('href="/zh/laws/administrative-reconsideration-law/versions/2017-09-01"');
    expect((await t.app.inject('/laws/administrative-reconsideration-law/versions/1999-01-01')).statusCode).toBe(404);
    expect((await t.app.inject('/laws/administrative-reconsideration-law/versions/2017-9-1')).statusCode).toBe(400);
  });

  it('re-verifying points the citation at the article that carries the rule, not the one with its old number', async () => {
    const post = await postForm(t.app, `/editor/stale/${answerId}/reverify`, {}, editor, { remoteAddress: testIp() });
    expect(post.response.statusCode).toBe(303);
    const cited = await t.db
      .selectFrom('answer_citations as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .innerJoin('statute_versions as v', 'v.id', 'a.statute_version_id')
      .select(['a.number', 'v.version_date'])
      .where('c.answer_id', '=', answerId)
      .execute();
    expect(cited).toEqual([{ number: 20, version_date: '2023-09-01' }]);
  });
});
