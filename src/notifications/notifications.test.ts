import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, type SignedIn, signInAs, testIp } from '../test-support/forms';

const title = '社保卡丢了怎么办？';
const link = '/social-security/questions/5-lost-card';

/** Notifications written in the reader's language: the list in the page's, each mail in its recipient's. */
describe.each(testEngines)('notifications in Chinese and English on $name', (engine) => {
  let t: TestApp;
  let chinese: SignedIn;
  let english: SignedIn;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: false });
    [chinese, english] = await Promise.all([signInAs(t, 'member'), signInAs(t, 'member')]);
    // The Chinese reader chose Chinese mail on their account page.
    const saved = await postForm(t.app, '/zh/account/locale', { locale: 'zh' }, chinese.cookies, {
      remoteAddress: testIp(),
    });
    expect(saved.response.statusCode).toBe(303);
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const mailTo = (email: string) =>
    t.db.selectFrom('outbox').select(['subject', 'body']).where('to_address', '=', email).orderBy('id').execute();

  it('mails each recipient in the language they chose, with links in that language', async () => {
    await t.modules.notifications.service.notify([chinese.user.id, english.user.id, null], {
      kind: 'answered',
      params: { title },
      link,
    });
    const [zhMail] = await mailTo(chinese.user.email);
    expect(zhMail?.subject).toBe(`你的问题“${title}”有了回答`);
    expect(zhMail?.body).toContain(`查看详情：\nhttp://localhost:3000/zh${link}\n`);
    expect(zhMail?.body).toContain('http://localhost:3000/zh/account\n');
    expect(zhMail?.body).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);

    const [enMail] = await mailTo(english.user.email);
    expect(enMail?.subject).toBe(`Your question “${title}” was answered`);
    expect(enMail?.body).toContain(`See it here:\nhttp://localhost:3000${link}\n`);
    expect(enMail?.body).not.toContain('/zh/');
  });

  it('writes the list in the language of the page it is read on, whatever the mail language', async () => {
    const zhPage = await get('/zh/account/notifications', chinese.cookies);
    expect(zhPage.statusCode).toBe(200);
    expect(zhPage.body).toContain('<html lang="zh-CN">');
    expect(zhPage.body).toContain('content="noindex"');
    expect(zhPage.body).toContain('<h1>通知</h1>');
    expect(zhPage.body).toContain(`<a href="/zh${link}">你的问题“${title}”有了回答</a>`);
    expect(zhPage.body).toMatch(/<time class="meta" dateTime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日<\/time>/i);
    expect(zhPage.body).toContain('action="/zh/account/notifications/read"');

    const enPage = await get('/account/notifications', chinese.cookies);
    expect(enPage.body).toContain('<html lang="en">');
    expect(enPage.body).toContain(`<a href="${link}">Your question “${title}” was answered</a>`);
  });

  it('marks all read and comes back in Chinese; anonymous readers are sent to sign in or refused', async () => {
    const read = await postForm(t.app, '/zh/account/notifications/read', {}, chinese.cookies);
    expect(read.response.statusCode).toBe(303);
    expect(read.response.headers.location).toBe('/zh/account/notifications');
    expect((await get('/zh/account/notifications', chinese.cookies)).body).toContain('通知（0 条未读）');

    const away = await get('/zh/account/notifications');
    expect(away.statusCode).toBe(303);
    expect(away.headers.location).toBe('/zh/account/sign-in?next=%2Fzh%2Faccount%2Fnotifications');
    expect((await postForm(t.app, '/zh/account/notifications/read', {})).response.statusCode).toBe(401);
  });

  it('refuses an unknown kind before storing or mailing anything', async () => {
    const before = (await mailTo(english.user.email)).length;
    await expect(
      t.modules.notifications.service.notify([english.user.id], { kind: 'no-such-kind', params: {}, link }),
    ).rejects.toThrow(/no-such-kind/);
    expect(await mailTo(english.user.email)).toHaveLength(before);
    const rows = await t.db.selectFrom('notifications').select('id').where('kind', '=', 'no-such-kind').execute();
    expect(rows).toEqual([]);
  });
});
