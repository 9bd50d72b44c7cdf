import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import {
  type Cookies,
  csrfTokensIn,
  mergeCookies,
  postForm,
  registerByMail,
  signInAs,
  testIp,
} from '../test-support/forms';
import { sessionCookieOptions } from './auth';

const failed = 'Email or password is incorrect.';

describe.each(testEngines)('register, sign in and sign out on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: false });
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const countUsers = async (email: string) =>
    (await t.db.selectFrom('users').select('id').where('email', '=', email).execute()).length;

  it('registers, shows the viewer on their pages, signs out and back in', async () => {
    const remoteAddress = testIp();
    const fields = { email: '  Li.Wei@Example.COM ', displayName: '李伟', password: 'a long enough password' };
    const registered = await registerByMail(t, '/account/register', fields, { remoteAddress });
    expect(registered.requested.statusCode).toBe(303);
    expect(registered.requested.headers.location).toBe('/account/register?sent=1');
    expect((await get('/account/register?sent=1')).body).toContain('Follow the link in it to finish');
    expect(registered.response.statusCode).toBe(303);
    expect(registered.response.headers.location).toBe('/account?welcome=1');
    const sid = registered.response.cookies.find((c) => c.name === 'sid');
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 3600 });
    expect(sid?.secure).toBeFalsy();

    const account = await get('/account?welcome=1', registered.cookies);
    expect(account.statusCode).toBe(200);
    expect(account.headers['cache-control']).toBe('no-store');
    expect(account.body).toContain('Welcome, 李伟.');
    expect(account.body).toContain('li.wei@example.com');
    const signInPage = await get('/account/sign-in', registered.cookies);
    expect(signInPage.body).toContain('You are signed in as 李伟.');

    const out = await postForm(t.app, '/account/sign-out', {}, registered.cookies);
    expect(out.response.statusCode).toBe(303);
    expect(out.cookies.sid).toBeUndefined();
    // The old cookie names no session any more, even if a browser kept it.
    const stale = await get('/account', registered.cookies);
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/account/sign-in?next=%2Faccount');

    const back = await postForm(
      t.app,
      '/account/sign-in',
      { email: 'LI.WEI@example.com', password: 'a long enough password' },
      out.cookies,
      {
        remoteAddress,
      },
    );
    expect(back.response.statusCode).toBe(303);
    expect(back.response.headers.location).toBe('/account');
    expect((await get('/account', back.cookies)).body).toContain('李伟');
  });

  it('sets the Secure flag when the site is served over HTTPS', () => {
    expect(sessionCookieOptions(testConfig({ PUBLIC_BASE_URL: 'https://jobsite.example' }), 60).secure).toBe(true);
    expect(sessionCookieOptions(testConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }), 60).secure).toBe(false);
  });

  it('goes on to a relative next path after signing in, and nowhere else', async () => {
    const { user, password } = await signInAs(t, 'member');
    const remoteAddress = testIp();
    const signIn = (next: string) =>
      postForm(t.app, '/account/sign-in', { email: user.email, password, next }, {}, { remoteAddress });
    expect((await signIn('/social-security/ask?title=x')).response.headers.location).toBe(
      '/social-security/ask?title=x',
    );
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
      expect((await signIn(next)).response.headers.location, next).toBe('/account');
    }
  });

  it('says the same for an unknown email and a wrong password', async () => {
    const { user } = await signInAs(t, 'member');
    const remoteAddress = testIp();
    const wrong = await postForm(
      t.app,
      '/account/sign-in',
      { email: user.email, password: 'not the password' },
      {},
      { remoteAddress },
    );
    const unknown = await postForm(
      t.app,
      '/account/sign-in',
      { email: 'nobody@example.test', password: 'not the password' },
      {},
      { remoteAddress },
    );
    for (const { response } of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain(failed);
      expect(response.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    }
    const strip = (html: string, email: string) => html.replaceAll(email, 'EMAIL').replace(/value="[^"]*"/g, '');
    expect(strip(wrong.response.body, user.email)).toBe(strip(unknown.response.body, 'nobody@example.test'));
  });

  it('makes an address that keeps failing wait, and says how long, without locking the owner out', async () => {
    const { user, password } = await signInAs(t, 'member');
    const guesser = testIp();
    const post = (fields: Record<string, string>, remoteAddress: string) =>
      postForm(t.app, '/account/sign-in', fields, {}, { remoteAddress });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const { response } = await post({ email: user.email, password: `wrong ${attempt}` }, guesser);
      expect(response.statusCode).toBe(401);
    }
    const fourth = await post({ email: user.email, password }, guesser);
    expect(fourth.response.statusCode).toBe(429);
    expect(fourth.response.headers['retry-after']).toBe('1');
    expect(fourth.response.body).toContain('Too many failed attempts. Try again in 1 second.');
    expect(fourth.cookies.sid).toBeUndefined();
    // The owner, elsewhere, is not kept out by someone else's guesses.
    const owner = await post({ email: user.email, password }, testIp());
    expect(owner.response.statusCode).toBe(303);
    expect(owner.cookies.sid).toBeDefined();
  });

  it('limits sign-in posts per address', async () => {
    const remoteAddress = testIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const email = `flood-${i}@example.test`;
      statuses.push(
        (await postForm(t.app, '/account/sign-in', { email, password: 'whatever it is' }, {}, { remoteAddress }))
          .response.statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('refuses a post without the CSRF token and changes nothing', async () => {
    const email = 'csrf-victim@example.test';
    const fields = { email, displayName: 'Victim', password: 'a long enough password' };
    const noToken = await postForm(
      t.app,
      '/account/register',
      fields,
      {},
      { withoutToken: true, remoteAddress: testIp() },
    );
    expect(noToken.response.statusCode).toBe(403);
    // A token without its cookie (another site cannot read or set ours) is refused too.
    const page = await get('/account/register');
    const [token] = csrfTokensIn(page.body);
    if (!token) throw new Error('No CSRF token on /account/register');
    const noCookie = await t.app.inject({
      method: 'POST',
      url: '/account/register',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
      remoteAddress: testIp(),
    });
    expect(noCookie.statusCode).toBe(403);
    expect(await countUsers(email)).toBe(0);

    const { cookies } = await signInAs(t, 'member');
    expect((await postForm(t.app, '/account/sign-out', {}, cookies, { withoutToken: true })).response.statusCode).toBe(
      403,
    );
    expect((await get('/account', cookies)).statusCode).toBe(200);
  });

  it('gives a signed-in browser without a CSRF cookie one token for all the forms of a page', async () => {
    const { cookies } = await signInAs(t, 'member');
    const page = await get('/account', cookies);
    const tokens = csrfTokensIn(page.body);
    expect(new Set(tokens).size).toBe(1);
    for (const token of tokens) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/account/sign-out',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(token)}`,
        cookies: mergeCookies(cookies, page),
      });
      expect(response.statusCode).toBe(303);
    }
  });

  it('re-shows a refused form with the reasons and the text typed, never the password', async () => {
    const fields = { email: 'not-an-email', displayName: 'Zhang <San>', password: 'short pw' };
    const { response } = await postForm(t.app, '/account/register', fields, {}, { remoteAddress: testIp() });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('value="not-an-email"');
    expect(response.body).toContain('value="Zhang &lt;San>"');
    expect(response.body).toContain('Enter an email address, like name@example.com.');
    expect(response.body).toContain('Use at least 10 characters.');
    expect(response.body).not.toContain('short pw');

    const empty = await postForm(
      t.app,
      '/account/sign-in',
      { email: 'kept@example.test', password: '' },
      {},
      { remoteAddress: testIp() },
    );
    expect(empty.response.statusCode).toBe(400);
    expect(empty.response.body).toContain('value="kept@example.test"');
    expect(empty.response.body).toContain('Enter your password.');

    const garbled = await postForm(
      t.app,
      '/account/register',
      { email: 'x'.repeat(5000) },
      {},
      { remoteAddress: testIp() },
    );
    expect(garbled.response.statusCode).toBe(400);
  });

  it('answers a taken e-mail exactly as a new one, and mails its owner instead', async () => {
    const { user } = await signInAs(t, 'expert');
    const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    const before = (await outbox()).length;
    const post = (email: string) =>
      postForm(
        t.app,
        '/account/register',
        { email, displayName: 'Someone', password: 'a long enough password' },
        {},
        { remoteAddress: testIp() },
      );
    const taken = await post(user.email.toUpperCase());
    const fresh = await post('brand-new@example.test');
    for (const { response } of [taken, fresh]) {
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/account/register?sent=1');
      expect(response.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    }
    const mails = (await outbox()).slice(before);
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      [user.email, 'Someone tried to register with your e-mail address'],
      ['brand-new@example.test', 'Finish creating your jobsite account'],
    ]);
    expect(mails[0]!.body).toContain('http://localhost:3000/account/reset');
    // No account until the link is followed; a spent or unknown link says so.
    expect(await countUsers('brand-new@example.test')).toBe(0);
    const link = mails[1]!.body.match(/\/account\/register\/[A-Za-z0-9_-]{43}/)![0];
    const confirmed = await postForm(t.app, link, {}, {}, { page: link, remoteAddress: testIp() });
    expect(confirmed.response.statusCode).toBe(303);
    expect(await countUsers('brand-new@example.test')).toBe(1);
    expect((await get(link)).statusCode).toBe(404);
    const again = await postForm(t.app, link, {}, {}, { remoteAddress: testIp() });
    expect(again.response.statusCode).toBe(400);
    expect(await countUsers('brand-new@example.test')).toBe(1);
  });

  it('sends an anonymous visitor of the account page to sign in and back', async () => {
    const response = await get('/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in?next=%2Faccount');
    const page = await get('/account/sign-in?next=%2Faccount');
    expect(page.body).toContain('name="next" value="/account"');
  });
});
