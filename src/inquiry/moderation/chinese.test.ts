import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

/** Marking duplicates and reviewing imported answers, in Chinese under /zh. */
describe.each(testEngines)('moderation in Chinese on $name', (engine) => {
  let t: TestApp;
  let editor: Cookies;
  beforeAll(async () => {
    t = await openTestApp(engine);
    editor = (await signInAs(t, 'editor')).cookies;
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const ask = async (title: string) => {
    const member = (await signInAs(t, 'member')).cookies;
    const res = await post(
      '/zh/social-security/ask',
      { title, topic: 'pension', region: 'CN', confirmed: '1' },
      member,
    );
    expect(res.statusCode).toBe(303);
    return Number(/questions\/(\d+)/.exec(res.headers.location as string)![1]);
  };

  it('shows the duplicate form in Chinese, refuses in Chinese and lands on the target under /zh', async () => {
    const target = await ask('两个城市的养老保险可以合并吗？');
    const duplicate = await ask('在两个城市交的养老保险怎么合并？');
    const form = await get(`/zh/editor/questions/${duplicate}/duplicate`, editor);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>标记为重复问题</h1>');
    expect(form.body).toContain(`action="/zh/editor/questions/${duplicate}/duplicate"`);
    expect(form.body).toContain('<meta name="robots" content="noindex"/>');

    const itself = await post(`/zh/editor/questions/${duplicate}/duplicate`, { target: String(duplicate) }, editor);
    expect(itself.statusCode).toBe(400);
    expect(itself.body).toContain('问题不能标记为与自身重复');

    const marked = await post(
      `/zh/editor/questions/${duplicate}/duplicate`,
      { target: `https://jobsite.example/zh/social-security/questions/${target}` },
      editor,
    );
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe(`/zh/social-security/questions/${target}`);
  });

  it('refuses a member marking a duplicate under /zh', async () => {
    const question = await ask('养老保险转移需要多长时间？');
    const member = (await signInAs(t, 'member')).cookies;
    const res = await post(`/zh/editor/questions/${question}/duplicate`, { target: '1' }, member);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('<html lang="zh-CN">');
  });

  it('lists imported answers in Chinese, marking one reviewed keeps the reader in Chinese', async () => {
    const { answerId } = await t.modules.inquiry.questions.createAnsweredQuestion(
      { topic: 'pension', locale: 'zh', title: '导入：可以同时领两份养老金吗？', region: 'CN', origin: 'imported' },
      {
        analysis: '不可以。',
        region: 'CN',
        verifiedOn: '2026-11-25',
        citations: ['《社会保险法》第十六条'],
        authorLabel: '某法律网',
      },
    );
    await t.db
      .updateTable('answers')
      .set({ review_flag: 'imported-unreviewed', flagged_at: '2026-11-25T00:00:00Z' })
      .where('id', '=', answerId)
      .execute();
    const list = await get('/zh/editor/imported', editor);
    expect(list.body).toContain('<h1>待审核的导入回答</h1>');
    expect(list.body).toContain(`action="/zh/editor/imported/${answerId}/reviewed"`);
    const done = await post(`/zh/editor/imported/${answerId}/reviewed`, {}, editor);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/zh/editor/imported');
    const note = await t.db
      .selectFrom('answer_revisions')
      .select('note')
      .where('answer_id', '=', answerId)
      .orderBy('revision', 'desc')
      .executeTakeFirstOrThrow();
    // Stored as a message, not as an English sentence.
    expect(note.note).toBe('revisions.systemNote.reviewedAfterImport');
  });
});
