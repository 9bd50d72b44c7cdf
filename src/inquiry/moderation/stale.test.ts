import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Modules } from '../../modules';
import { readCatalogue, readStatuteFiles } from '../../statutes';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const VERSIONS = '../shared/data/statutes/versions';
const V2017 = `${VERSIONS}/行政复议法(2017-09-01).md`;
const V2023 = `${VERSIONS}/行政复议法(2023-09-01).md`;
const present = existsSync(V2017) && existsSync(V2023);
if (!present) console.warn(`${VERSIONS} is not here: the statute amendment tests are skipped.`);

describe.skipIf(!present).each(testEngines)('answers citing amended law on $name', (engine) => {
  let t: TestApp;
  let services: Modules;
  let editor: Cookies;
  const catalogue = readCatalogue();
  const answerCiting = async (citation: string, title: string) => {
    const { questionId, answerId } = await services.inquiry.questions.createAnsweredQuestion(
      { topic: 'labour-contracts-disputes', locale: 'en', title, region: 'CN', origin: 'user' },
      {
        analysis: `Apply for administrative reconsideration (${citation}).`,
        region: 'CN',
        verifiedOn: '2026-11-01',
        citations: [citation],
        authorLabel: 'test',
      },
    );
    return { questionId, answerId };
  };
  let changed: { questionId: number; answerId: number };
  let unchanged: { questionId: number; answerId: number };

  beforeAll(async () => {
    t = await openTestApp(engine);
    services = t.modules;
    editor = (await signInAs(t, 'editor')).cookies;
    const first = await services.statutes.service.importVersions(
      catalogue,
      readStatuteFiles([V2017], catalogue).versions,
    );
    expect(first.added).toBe(1);
    // Article 9 (the 60-day time limit) was rewritten in 2023; Article 1 (purpose) kept its number but changed too.
    changed = await answerCiting(
      '《行政复议法》第九条',
      'How long do I have to apply for administrative reconsideration?',
    );
  });
  afterAll(async () => t?.close());

  it('records what changed and flags the answers citing changed articles', async () => {
    const summary = await services.statutes.service.importVersions(
      catalogue,
      readStatuteFiles([V2023], catalogue).versions,
    );
    expect(summary).toMatchObject({ added: 1, skipped: 0 });
    expect(summary.changed + summary.addedArticles + summary.removed).toBeGreaterThan(40);
    expect(summary.answersFlagged).toBe(1);
    const flag = await t.db
      .selectFrom('answers')
      .select('review_flag')
      .where('id', '=', changed.answerId)
      .executeTakeFirstOrThrow();
    expect(flag.review_flag).toBe('law-amended');
    const current = await services.statutes.service.getArticle('administrative-reconsideration-law', 90);
    expect(current.statute.versionDate).toBe('2023-09-01');
  });

  it('changes nothing when the same files are imported again', async () => {
    const again = await services.statutes.service.importVersions(
      catalogue,
      readStatuteFiles([V2017, V2023], catalogue).versions,
    );
    expect(again).toMatchObject({ added: 0, skipped: 2, answersFlagged: 0 });
  });

  it('tells readers the law was amended until an editor re-verifies', async () => {
    services.inquiry.questions.forgetQuestion(changed.questionId);
    const page = await t.app.inject(`/social-security/questions/${changed.questionId}`);
    const body = (await t.app.inject(page.headers.location as string)).body;
    expect(body).toContain('The law this answer cites was amended after it was written');
    expect(body).toMatch(/Text as in force from (?:2017-09-01|September 1, 2017)/);
  });

  it('shows editors the old and new article text side by side', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/editor/stale', cookies: editor });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Cited text (version of September 1, 2017)');
    expect(res.body).toContain('Text in force (version of September 1, 2023)');
    expect(res.body).toContain('六十日内提出行政复议申请');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('shows editors the same in Chinese under /zh, the actions posting under /zh', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/zh/editor/stale', cookies: editor });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('引用了已修订法规的回答');
    expect(res.body).toContain('《中华人民共和国行政复议法》第九条');
    expect(res.body).toContain('引用的条文（2017年9月1日版本）');
    expect(res.body).toContain(`action="/zh/editor/stale/${changed.answerId}/reverify"`);
  });

  it('refuses the list and the actions to non-editors', async () => {
    const member = (await signInAs(t, 'member')).cookies;
    expect((await t.app.inject({ method: 'GET', url: '/editor/stale', cookies: member })).statusCode).toBe(403);
    const post = await postForm(t.app, `/editor/stale/${changed.answerId}/reverify`, {}, member, {
      remoteAddress: testIp(),
    });
    expect(post.response.statusCode).toBe(403);
    const anonymous = await postForm(
      t.app,
      `/editor/stale/${changed.answerId}/unpublish`,
      {},
      {},
      { remoteAddress: testIp() },
    );
    expect(anonymous.response.statusCode).toBe(401);
  });

  it('re-verifies: the citation moves to the article in force and the notice goes', async () => {
    const res = await postForm(t.app, `/editor/stale/${changed.answerId}/reverify`, {}, editor, {
      remoteAddress: testIp(),
    });
    expect(res.response.statusCode).toBe(303);
    expect(res.response.headers.location).toBe('/editor/stale');
    const api = (await t.app.inject(`/api/v1/questions/${changed.questionId}`)).json();
    expect(api.answers[0].reviewFlag).toBeNull();
    // The site's own note is kept as a message, so the history says it in the reader's language.
    const history = `/social-security/questions/${changed.questionId}/revisions`;
    expect((await t.app.inject(history)).body).toContain('Note: Re-verified against the amended law');
    expect((await t.app.inject(`/zh${history}`)).body).toContain('修改说明：已根据修订后的法律重新核实');
    expect(api.answers[0].citations[0].versionDate).toBe('2023-09-01');
    expect(api.answers[0].verifiedOn).toBe(new Date().toISOString().slice(0, 10));
  });

  it('unpublishes an answer, leaving its question awaiting an answer', async () => {
    unchanged = await answerCiting('《行政复议法》第九十条', 'When did the new reconsideration law take effect?');
    const res = await postForm(t.app, `/editor/stale/${unchanged.answerId}/unpublish`, {}, editor, {
      remoteAddress: testIp(),
    });
    expect(res.response.statusCode).toBe(303);
    const api = (await t.app.inject(`/api/v1/questions/${unchanged.questionId}`)).json();
    expect(api.question.status).toBe('awaiting');
    expect(api.answers).toEqual([]);
  });
});
