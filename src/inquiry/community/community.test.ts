import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { postForm, signInAs } from '../../test-support/forms';

/** The seed question's Chinese version and its answer (stored second by the seed). */
const ZH_QUESTION = '/zh/social-security/questions/2';
const ZH_ANSWER = 2;

describe.each(testEngines)('helpful votes in both languages on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('shows the vote form under /zh and goes back to the Chinese page after voting', async () => {
    const member = await signInAs(t, 'member', { displayName: '张伟' });
    const page = await t.app.inject({ method: 'GET', url: ZH_QUESTION, cookies: member.cookies });
    expect(page.body).toContain(`<form method="post" action="/zh/social-security/answers/${ZH_ANSWER}/helpful">`);
    expect(page.body).toContain('<button type="submit">有帮助</button>');
    const { response } = await postForm(t.app, `/zh/social-security/answers/${ZH_ANSWER}/helpful`, {}, member.cookies, {
      remoteAddress: '10.9.0.1',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${ZH_QUESTION}#a${ZH_ANSWER}`);
    const after = await t.app.inject({ method: 'GET', url: ZH_QUESTION });
    expect(after.body).toContain('1 人认为有帮助');
  });

  it('asks an anonymous reader to sign in, in Chinese, and still refuses the vote', async () => {
    const page = await t.app.inject({ method: 'GET', url: ZH_QUESTION });
    expect(page.body).toContain(`<a href="/zh/account/sign-in?next=${encodeURIComponent(ZH_QUESTION)}">登录后投票</a>`);
    const { response } = await postForm(
      t.app,
      `/zh/social-security/answers/${ZH_ANSWER}/helpful`,
      {},
      {},
      {
        remoteAddress: '10.9.0.2',
      },
    );
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('<html lang="zh-CN">');
  });

  it('lets only the asker accept, whatever the language', async () => {
    const member = await signInAs(t, 'member');
    const { response } = await postForm(t.app, `/zh/social-security/answers/${ZH_ANSWER}/accept`, {}, member.cookies, {
      remoteAddress: '10.9.0.3',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('<html lang="zh-CN">');
  });
});
