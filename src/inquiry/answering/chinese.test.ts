import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../accounts';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const editorForm = (overrides: Record<string, string> = {}) => ({
  analysis: '可以补办。**先挂失**，再申请补领新卡。',
  step_count: '1',
  step_position_0: '1',
  step_action_0: '拨打 12333 挂失',
  step_channel_0: 'hotline',
  region: 'CN',
  verifiedOn: '2026-11-20',
  citations: '《社会保险法》第五十八条',
  intent: 'submit',
  ...overrides,
});

/** The same pages in Chinese under /zh: words, links, redirects and refusals all stay in Chinese. */
describe.each(testEngines)('asking, answering and reviewing in Chinese on $name', (engine) => {
  let t: TestApp;
  let member: Cookies;
  let expert: Cookies;
  let editor: Cookies;
  let questionId = 0;
  beforeAll(async () => {
    t = await openTestApp(engine);
    [{ cookies: member }, { cookies: expert }, { cookies: editor }] = await Promise.all([
      signInAs(t, 'member', { displayName: '李娜' }),
      signInAs(t, 'expert', { displayName: '王专家' }),
      signInAs(t, 'editor'),
    ]);
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const localeOf = async (id: number) =>
    (await t.db.selectFrom('questions').select('locale').where('id', '=', id).executeTakeFirstOrThrow()).locale;

  it('shows the ask form in Chinese, posting under /zh, left out of search engines', async () => {
    const res = await get('/zh/social-security/ask', member);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('<h1>我要提问</h1>');
    expect(res.body).toContain('action="/zh/social-security/ask"');
    expect(res.body).toContain('>社会保障卡</option>');
    expect(res.body).toContain('>全国</option>');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(res.body).toMatch(/<script type="module" src="\/assets\/search-suggest\.[0-9a-f]+\.js">/);
    expect(res.body).not.toContain('Ask a question</h1>');
  });

  it('sends an anonymous visitor to the Chinese sign-in page', async () => {
    const res = await get('/zh/social-security/ask');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/zh/account/sign-in?next=%2Fzh%2Fsocial-security%2Fask');
  });

  it('refuses a question that is too short in Chinese, with 400, keeping what was typed', async () => {
    const res = await post(
      '/zh/social-security/ask',
      { title: '社保', details: '我的情况', topic: 'pension', region: 'CN' },
      member,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('问题至少需要 5 个字。');
    expect(res.body).toContain('我的情况');
    expect(res.body).not.toContain('Write your question in at least 5 characters');
  });

  it('shows similar questions with links under /zh before saving', async () => {
    const res = await post(
      '/zh/social-security/ask',
      { title: '社保卡丢了去哪里补办？', details: '', topic: 'social-security-card', region: 'CN' },
      member,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('这些问题可能已经解答了你的疑问');
    expect(res.body).toMatch(/href="\/zh\/social-security\/questions\/\d+/);
    expect(res.body).toContain('name="confirmed" value="1"');
  });

  it('stores a question asked under /zh as Chinese and lands on its Chinese page', async () => {
    const res = await post(
      '/zh/social-security/ask',
      {
        title: '深圳的社保卡丢了，在哪里补办？',
        details: '',
        topic: 'social-security-card',
        region: 'CN-GD-SZ',
        confirmed: '1',
      },
      member,
    );
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/zh\/social-security\/questions\/\d+$/);
    questionId = Number(/questions\/(\d+)/.exec(location)![1]);
    expect(await localeOf(questionId)).toBe('zh');
    // The page's language decides, whatever words were used; an English page keeps English questions English.
    const latin = await post(
      '/zh/social-security/ask',
      { title: 'Lost card in Shenzhen, what now?', topic: 'pension', region: 'CN', confirmed: '1' },
      member,
    );
    expect(await localeOf(Number(/questions\/(\d+)/.exec(latin.headers.location as string)![1]))).toBe('zh');
    const english = await post(
      '/social-security/ask',
      { title: 'Lost card in Guangzhou, what now?', topic: 'pension', region: 'CN', confirmed: '1' },
      member,
    );
    expect(english.headers.location).toMatch(/^\/social-security\/questions\/\d+-lost-card/);
    expect(await localeOf(Number(/questions\/(\d+)/.exec(english.headers.location as string)![1]))).toBe('en');
  });

  it('lists it for experts in Chinese and opens the answer editor under /zh', async () => {
    const queue = await get('/zh/expert/queue', expert);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('<h1>待回答的问题</h1>');
    expect(queue.body).toContain(`href="/zh/expert/questions/${questionId}/answer"`);
    expect(queue.body).toContain('社会保障卡 · 深圳市');
    const form = await get(`/zh/expert/questions/${questionId}/answer`, expert);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>回答问题</h1>');
    expect(form.body).toContain(`action="/zh/expert/questions/${questionId}/answer"`);
    expect(form.body).toContain('data-citation-api="/api/v1/citations/resolve?lang=zh"');
    expect(form.body).toContain('第 {line} 行');
    expect(form.body).toContain('<legend>第 1 步</legend>');
    expect(form.body).toMatch(/<script type="module" src="\/assets\/answer-editor\.[0-9a-f]+\.js">/);
    expect(form.body).not.toContain('src="/assets/answer-editor.js"');
  });

  it('previews the legal basis as Chinese readers cite it, and refuses an unresolved one', async () => {
    const preview = await post(`/zh/expert/questions/${questionId}/answer`, editorForm({ intent: 'preview' }), expert);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<strong>先挂失</strong>');
    expect(preview.body).toContain('《中华人民共和国社会保险法》第五十八条');
    const refused = await post(
      `/zh/expert/questions/${questionId}/answer`,
      editorForm({ citations: '这一行没有引用' }),
      expert,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('在“这一行没有引用”中没有找到法条引用');
  });

  it('submits, sends back and approves under /zh, each redirect staying in Chinese', async () => {
    const submitted = await post(`/zh/expert/questions/${questionId}/answer`, editorForm(), expert);
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe('/zh/expert/queue');
    const review = await get('/zh/editor/review', editor);
    expect(review.body).toContain('<h1>待审核的回答</h1>');
    const answerId = Number(/href="\/zh\/editor\/review\/(\d+)"/.exec(review.body)![1]);
    const page = await get(`/zh/editor/review/${answerId}`, editor);
    expect(page.body).toContain('《中华人民共和国社会保险法》第五十八条');
    expect(page.body).toContain('适用地区：全国 · 最近核实：2026年11月20日');
    expect(page.body).toContain(`action="/zh/editor/review/${answerId}/approve"`);
    const noReason = await post(`/zh/editor/review/${answerId}/reject`, { reason: '' }, editor);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写原因。');
    const approved = await post(`/zh/editor/review/${answerId}/approve`, {}, editor);
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe('/zh/editor/review');
  });

  describe('refusals under /zh are refusals still', () => {
    const cases: { route: string; fields: Record<string, string>; allowed: Role[] }[] = [
      { route: '/zh/editor/review/1/approve', fields: {}, allowed: ['editor', 'admin'] },
      { route: '/zh/editor/review/1/reject', fields: { reason: '不行' }, allowed: ['editor', 'admin'] },
      { route: '/zh/expert/questions/1/answer', fields: editorForm({ intent: 'preview' }), allowed: ['expert'] },
    ];
    for (const { route, fields, allowed } of cases) {
      it.each<Role | 'anonymous'>(['anonymous', 'member', 'employer'])(`${route} as %s`, async (role) => {
        const cookies = role === 'anonymous' ? {} : (await signInAs(t, role)).cookies;
        const res = await post(route, fields, cookies);
        expect(allowed).not.toContain(role);
        expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
        expect(res.headers.location).toBeUndefined();
      });
    }

    it('refuses the editors’ pages to an expert, in Chinese', async () => {
      const res = await get('/zh/editor/review', expert);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('<html lang="zh-CN">');
    });
  });
});
