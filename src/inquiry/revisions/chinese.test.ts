import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, type SignedIn, signInAs, testIp } from '../../test-support/forms';

const SEED_QUESTION = 1;

const editForm = (overrides: Record<string, string> = {}) => ({
  analysis: '**到就近的服务网点办理。** 先挂失，再申请补领新卡。',
  step_count: '1',
  step_position_0: '1',
  step_action_0: '拨打 12333 挂失。',
  step_channel_0: 'hotline',
  region: 'CN',
  verifiedOn: '2026-12-01',
  citations: '《社会保险法》第五十八条',
  note: '写明办理地点',
  intent: 'submit',
  ...overrides,
});

/** The editors' form for a published answer and the revision history, in Chinese under /zh. */
describe.each(testEngines)('revisions in Chinese on $name', (engine) => {
  let t: TestApp;
  let editor: SignedIn;
  let answerId = 0;
  beforeAll(async () => {
    t = await openTestApp(engine);
    editor = await signInAs(t, 'editor', { displayName: '赵编辑' });
    answerId = (
      await t.db.selectFrom('answers').select('id').where('question_id', '=', SEED_QUESTION).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });

  it('shows the editors’ form in Chinese, posting under /zh', async () => {
    const res = await get(`/zh/editor/answers/${answerId}/edit`, editor.cookies);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('<h1>编辑已发布的回答</h1>');
    expect(res.body).toContain('修改了什么、为什么修改');
    expect(res.body).toContain('>发布修订</button>');
    expect(res.body).toContain(`action="/zh/editor/answers/${answerId}/edit"`);
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('refuses an edit without a note in Chinese, with 400', async () => {
    const res = await post(`/zh/editor/answers/${answerId}/edit`, editForm({ note: ' ' }), editor.cookies);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请简要说明修改了什么、为什么修改。');
    expect(res.body).toContain('到就近的服务网点办理');
  });

  it('saves the edit and lands on the Chinese history, dates and names in Chinese', async () => {
    const res = await post(`/zh/editor/answers/${answerId}/edit`, editForm(), editor.cookies);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/zh/social-security/questions/${SEED_QUESTION}/revisions#answer-${answerId}-revision-2`,
    );
    const history = await get(`/zh/social-security/questions/${SEED_QUESTION}/revisions`);
    expect(history.statusCode).toBe(200);
    const body = history.body;
    expect(body).toContain('<h3>第 2 次修订</h3>');
    expect(body).toContain('修改人：赵编辑');
    expect(body).toContain('修改说明：写明办理地点');
    expect(body).toContain('最近核实：2026年11月25日 → 2026年12月1日');
    expect(body).toMatch(/《社会保险法》第五十八条 → 《中华人民共和国社会保险法》第 ?58 ?条/);
    expect(body).toMatch(/新增：\s?<ins>拨打 12333 挂失。 · 12333 热线<\/ins>/);
    expect(body).toContain(`href="/zh/social-security/questions/${SEED_QUESTION}`);
  });

  it('sends a history link with a slug to the one by number, in the same language', async () => {
    const res = await get(`/zh/social-security/questions/${SEED_QUESTION}-some-slug/revisions`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/zh/social-security/questions/${SEED_QUESTION}/revisions`);
  });

  it.each(['anonymous', 'member', 'expert'] as const)('refuses an edit under /zh to %s', async (role) => {
    const cookies = role === 'anonymous' ? {} : (await signInAs(t, role)).cookies;
    const res = await post(`/zh/editor/answers/${answerId}/edit`, editForm({ analysis: `由 ${role} 修改` }), cookies);
    expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
    const stored = await t.db.selectFrom('answers').select('analysis_md').where('id', '=', answerId).executeTakeFirst();
    expect(stored?.analysis_md).not.toContain(`由 ${role} 修改`);
  });
});
