import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../test-support/forms';

const sentMessage = 'If an account uses that email, we have sent it a link to choose a new password.';

describe.each(testEngines)('password reset on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: false });
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
  const requestReset = (email: string) =>
    postForm(t.app, '/account/reset', { email }, {}, { page: '/account/reset', remoteAddress: testIp() });
  const signIn = (email: string, password: string) =>
    postForm(t.app, '/account/sign-in', { email, password }, {}, { remoteAddress: testIp() });

  it('mails a link that sets a new password once and signs the account out everywhere', async () => {
    const { user, password, cookies: otherBrowser } = await signInAs(t, 'member');
    const before = (await outbox()).length;

    const requested = await requestReset(user.email.toUpperCase());
    expect(requested.response.statusCode).toBe(303);
    expect(requested.response.headers.location).toBe('/account/reset?sent=1');
    expect((await get('/account/reset?sent=1')).body).toContain(sentMessage);

    const mails = (await outbox()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: user.email, subject: 'Reset your jobsite password', sent_at: null });
    const link = mails[0]!.body.match(/http:\/\/localhost:3000(\/account\/reset\/[A-Za-z0-9_-]{43})/);
    expect(link).not.toBeNull();
    const path = link![1]!;
    // Only the token's hash is stored.
    const stored = await t.db.selectFrom('password_resets').select('id').where('user_id', '=', user.id).execute();
    expect(stored.map((r) => r.id)).not.toContain(path.split('/').pop());

    const form = await get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="${path}"`);
    const reset = await postForm(
      t.app,
      path,
      { password: 'a brand new password' },
      {},
      { page: path, remoteAddress: testIp() },
    );
    expect(reset.response.statusCode).toBe(303);
    expect(reset.response.headers.location).toBe('/account/sign-in?reset=1');

    expect((await get('/account', otherBrowser)).statusCode).toBe(303);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await signIn(user.email, password)).response.statusCode).toBe(401);
    expect((await signIn(user.email, 'a brand new password')).response.statusCode).toBe(303);

    const again = await postForm(
      t.app,
      path,
      { password: 'yet another password' },
      {},
      { page: '/account/reset', remoteAddress: testIp() },
    );
    expect(again.response.statusCode).toBe(400);
    expect(again.response.body).toContain('This link is invalid, already used or expired.');
    expect((await get(path)).statusCode).toBe(404);
    expect((await signIn(user.email, 'yet another password')).response.statusCode).toBe(401);
  });

  it('using one link voids every other unused link of the account', async () => {
    const { user } = await signInAs(t, 'member');
    const before = (await outbox()).length;
    for (let i = 0; i < 3; i++) await requestReset(user.email);
    const paths = (await outbox())
      .slice(before)
      .map((mail) => mail.body.match(/\/account\/reset\/[A-Za-z0-9_-]{43}/)![0]);
    expect(paths).toHaveLength(3);
    const used = await postForm(
      t.app,
      paths[1]!,
      { password: 'the password I chose' },
      {},
      { page: paths[1]!, remoteAddress: testIp() },
    );
    expect(used.response.statusCode).toBe(303);
    for (const path of [paths[0]!, paths[2]!]) {
      expect((await get(path)).statusCode).toBe(404);
      const late = await postForm(
        t.app,
        path,
        { password: 'a password of the thief' },
        {},
        { page: '/account/reset', remoteAddress: testIp() },
      );
      expect(late.response.statusCode).toBe(400);
    }
    expect((await signIn(user.email, 'a password of the thief')).response.statusCode).toBe(401);
    expect((await signIn(user.email, 'the password I chose')).response.statusCode).toBe(303);
  });

  it('answers an unknown email with the same words and sends nothing', async () => {
    const before = (await outbox()).length;
    const { user } = await signInAs(t, 'member');
    const known = await requestReset(user.email);
    const unknown = await requestReset('nobody-here@example.test');
    expect(unknown.response.statusCode).toBe(known.response.statusCode);
    expect(unknown.response.headers.location).toBe(known.response.headers.location);
    const mails = (await outbox()).slice(before);
    expect(mails.map((m) => m.to_address)).toEqual([user.email]);
  });

  it('re-shows a refused form with the reason and the text typed', async () => {
    const bad = await requestReset('not an email');
    expect(bad.response.statusCode).toBe(400);
    expect(bad.response.body).toContain('value="not an email"');
    expect(bad.response.body).toContain('Enter an email address');

    const { user } = await signInAs(t, 'member');
    const before = (await outbox()).length;
    await requestReset(user.email);
    const [mail] = (await outbox()).slice(before);
    const path = mail!.body.match(/\/account\/reset\/[A-Za-z0-9_-]{43}/)![0];
    const short = await postForm(t.app, path, { password: 'short' }, {}, { page: path, remoteAddress: testIp() });
    expect(short.response.statusCode).toBe(400);
    expect(short.response.body).toContain('Use at least 10 characters.');
    expect(short.response.body).toContain(`action="${path}"`);
    // A refused password does not spend the link.
    expect((await get(path)).statusCode).toBe(200);
  });

  it('treats an unknown or malformed link as spent', async () => {
    for (const token of ['A'.repeat(43), 'x', 'a'.repeat(99)]) {
      const response = await get(`/account/reset/${token}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Ask for a new link');
    }
    // Fastify refuses a path parameter over 100 characters before the route runs.
    expect((await get(`/account/reset/${'a'.repeat(500)}`)).statusCode).toBe(414);
    const posted = await postForm(
      t.app,
      `/account/reset/${'B'.repeat(43)}`,
      { password: 'a long enough password' },
      {},
      { remoteAddress: testIp() },
    );
    expect(posted.response.statusCode).toBe(400);
    expect(posted.response.body).toContain('This link is invalid, already used or expired.');
  });
});
