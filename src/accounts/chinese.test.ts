import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, registerByMail, signInAs, testIp } from '../test-support/forms';

const password = 'a long enough password';

/** The account pages under /zh, and the preferred language of each account (users.locale). */
describe.each(testEngines)('accounts in Chinese and English on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: false });
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string>, cookies: Cookies = {}) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() });
  const localeOf = async (email: string) =>
    (await t.db.selectFrom('users').select('locale').where('email', '=', email).executeTakeFirstOrThrow()).locale;
  const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();

  it('shows the account forms in Chinese under /zh, with links and actions that stay there', async () => {
    const signIn = await get('/zh/account/sign-in');
    expect(signIn.statusCode).toBe(200);
    expect(signIn.body).toContain('<html lang="zh-CN">');
    expect(signIn.body).toContain('<meta name="robots" content="noindex"/>');
    expect(signIn.body).toContain('<label for="account-email">邮箱</label>');
    expect(signIn.body).toContain('忘记密码？');
    expect(signIn.body).toContain('action="/zh/account/sign-in"');
    expect(signIn.body).toContain('href="/zh/account/reset"');
    expect(signIn.body).toContain('href="/zh/account/register"');
    expect(signIn.body).not.toContain('Forgot your password?');

    for (const path of ['/zh/account/register', '/zh/account/reset', `/zh/account/reset/${'A'.repeat(43)}`]) {
      const page = await get(path);
      expect(page.body, path).toContain('<html lang="zh-CN">');
      expect(page.body, path).toContain('content="noindex"');
    }
    expect((await get('/zh/account/register')).body).toContain('注册账号');
    expect((await get(`/zh/account/reset/${'A'.repeat(43)}`)).body).toContain('href="/zh/account/reset"');
    const english = await get('/account/sign-in');
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Forgot your password?');
  });

  it('registers under /zh: the account mails in Chinese and the reader stays in Chinese', async () => {
    const email = 'zhang.wei@example.test';
    const { requested, response, cookies } = await registerByMail(t, '/zh/account/register', {
      email,
      displayName: '张伟',
      password,
    });
    expect(requested.headers.location).toBe('/zh/account/register?sent=1');
    const mail = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('完成 jobsite 账号注册');
    expect(mail.body).toMatch(/http:\/\/localhost:3000\/zh\/account\/register\//);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/zh/account?welcome=1');
    expect(await localeOf(email)).toBe('zh');
    const account = await get('/zh/account?welcome=1', cookies);
    expect(account.body).toContain('张伟，欢迎你！');
    expect(account.body).toContain('<option value="zh" selected>中文</option>');

    const english = await registerByMail(t, '/account/register', {
      email: 'smith@example.test',
      displayName: 'Smith',
      password,
    });
    expect(english.response.headers.location).toBe('/account?welcome=1');
    expect(await localeOf('smith@example.test')).toBe('en');
  });

  it('shows a refused form again with the reasons in Chinese', async () => {
    const { response } = await post('/zh/account/register', { email: 'not-an-email', displayName: '', password: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('请修改以下内容：');
    expect(response.body).toContain('请输入有效的邮箱地址，例如 name@example.com。');
    expect(response.body).toContain('密码至少需要 10 个字符。');
    const failed = await post('/zh/account/sign-in', { email: 'nobody@example.test', password: 'wrong password' });
    expect(failed.response.statusCode).toBe(401);
    expect(failed.response.body).toContain('邮箱或密码不正确。');
  });

  it('sends a Chinese reader to sign in and back in Chinese; next keeps its language, and stays local', async () => {
    const away = await get('/zh/account');
    expect(away.statusCode).toBe(303);
    expect(away.headers.location).toBe('/zh/account/sign-in?next=%2Fzh%2Faccount');
    expect((await get('/zh/account/sign-in?next=%2Fzh%2Faccount')).body).toContain('name="next" value="/zh/account"');

    const { user, password: own } = await signInAs(t, 'member');
    const signIn = async (url: string, next?: string) =>
      (await post(url, { email: user.email, password: own, ...(next === undefined ? {} : { next }) })).response.headers
        .location;
    expect(await signIn('/zh/account/sign-in')).toBe('/zh/account');
    expect(await signIn('/zh/account/sign-in', '/zh/social-security/ask?title=x')).toBe(
      '/zh/social-security/ask?title=x',
    );
    // A link that named the page without its language still lands in the reader's.
    expect(await signIn('/zh/account/sign-in', '/social-security/ask')).toBe('/zh/social-security/ask');
    expect(await signIn('/account/sign-in', '/zh/laws')).toBe('/zh/laws');
    expect(await signIn('/account/sign-in', '/laws')).toBe('/laws');
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/zh//evil.example']) {
      const location = await signIn('/zh/account/sign-in', next);
      expect(location === '/zh/account' || location?.startsWith('/zh/'), `${next} → ${location}`).toBe(true);
      expect(location, next).not.toMatch(/^\/\/|^\/\\|^https?:/);
    }

    const { cookies } = await signInAs(t, 'member');
    const out = await post('/zh/account/sign-out', {}, cookies);
    expect(out.response.headers.location).toBe('/zh/account/sign-in?signedOut=1');
    expect((await get('/zh/account/sign-in?signedOut=1')).body).toContain('你已退出登录。');
  });

  it('mails the reset link in the language of the page it was asked on, and opens it in Chinese', async () => {
    const { user } = await signInAs(t, 'member');
    const before = (await outbox()).length;
    const requested = await post('/zh/account/reset', { email: user.email });
    expect(requested.response.headers.location).toBe('/zh/account/reset?sent=1');
    expect((await get('/zh/account/reset?sent=1')).body).toContain('链接只能使用一次');
    const [mail] = (await outbox()).slice(before);
    expect(mail?.subject).toBe('重置你的 jobsite 密码');
    expect(mail?.body).toContain('请在 1 小时内通过以下链接设置新密码');
    const path = mail!.body.match(/http:\/\/localhost:3000(\/zh\/account\/reset\/[A-Za-z0-9_-]{43})/)?.[1];
    expect(path).toBeDefined();
    const form = await get(path!);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('设置新密码');
    expect(form.body).toContain(`action="${path}"`);
    const reset = await post(path!, { password: 'a brand new password' });
    expect(reset.response.headers.location).toBe('/zh/account/sign-in?reset=1');

    await post('/account/reset', { email: user.email });
    const english = (await outbox()).at(-1)!;
    expect(english.subject).toBe('Reset your jobsite password');
    expect(english.body).toMatch(/http:\/\/localhost:3000\/account\/reset\/[A-Za-z0-9_-]{43}/);
  });

  it('lets a person change their own language of mail, and nobody else’s', async () => {
    const owner = await signInAs(t, 'member');
    const other = await signInAs(t, 'member');
    const saved = await post('/account/locale', { locale: 'zh' }, owner.cookies);
    expect(saved.response.statusCode).toBe(303);
    expect(saved.response.headers.location).toBe('/account?saved=locale');
    expect(await localeOf(owner.user.email)).toBe('zh');
    const page = await get('/account?saved=locale', owner.cookies);
    expect(page.body).toContain('Saved. We will write to you in Chinese (中文).');
    expect((await get('/zh/account?saved=locale', owner.cookies)).body).toContain('今后我们将用中文给你发送邮件');

    // Another account's post changes only its own, whatever account it names.
    const smuggled = { locale: 'en', id: String(owner.user.id), userId: String(owner.user.id) };
    const byOther = await post(`/account/locale?id=${owner.user.id}`, smuggled, other.cookies);
    expect(byOther.response.statusCode).toBe(303);
    expect(await localeOf(owner.user.email)).toBe('zh');
    expect(await localeOf(other.user.email)).toBe('en');

    const anonymous = await post('/account/locale', { locale: 'en' });
    expect(anonymous.response.statusCode).toBe(401);
    const zhAnonymous = await post('/zh/account/locale', { locale: 'en' });
    expect(zhAnonymous.response.statusCode).toBe(401);
    const noToken = await postForm(t.app, '/account/locale', { locale: 'en' }, owner.cookies, { withoutToken: true });
    expect(noToken.response.statusCode).toBe(403);
    expect(await localeOf(owner.user.email)).toBe('zh');

    const bad = await post('/zh/account/locale', { locale: 'fr' }, owner.cookies);
    expect(bad.response.statusCode).toBe(400);
    expect(bad.response.body).toContain('请从列表中选择一种语言。');
    expect(await localeOf(owner.user.email)).toBe('zh');
  });

  it('shows the users page to an admin in Chinese, with Chinese dates and localized actions', async () => {
    const admin = await signInAs(t, 'admin');
    const page = await get('/zh/admin/users', admin.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>用户与角色</h1>');
    expect(page.body).toMatch(/共 \d+ 名用户/);
    expect(page.body).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(page.body).toContain(`action="/zh/admin/users/${admin.user.id}/role"`);
    const changed = await post(`/zh/admin/users/${admin.user.id}/role`, { role: 'admin', page: '1' }, admin.cookies);
    expect(changed.response.headers.location).toBe('/zh/admin/users?page=1&updated=1');
    expect((await get('/zh/admin/users?updated=1', admin.cookies)).body).toContain('角色已更新。');
    const member = await signInAs(t, 'member');
    expect((await get('/zh/admin/users', member.cookies)).statusCode).toBe(403);
  });
});
