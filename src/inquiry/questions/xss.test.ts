import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '[click](javascript:alert(1))',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
];

/**
 * True when the page has no element or link the payloads could have injected. Escaped text such as
 * "&lt;img src=x onerror=…>" is inert and allowed; a real "<img" or "<svg" tag is not.
 */
function isInert(html: string) {
  return !/<script>alert|<img[\s>]|<svg[\s>]|href="javascript:|href="data:/i.test(html);
}

describe.each(testEngines)('user text renders inert on $name', (engine) => {
  let t: TestApp;
  let expert: Cookies;
  let editor: Cookies;
  beforeAll(async () => {
    t = await openTestApp(engine);
    [{ cookies: expert }, { cookies: editor }] = await Promise.all([signInAs(t, 'expert'), signInAs(t, 'editor')]);
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });

  it.each(PAYLOADS)('%s in every field of a question, answer, steps and review', async (payload) => {
    // A member of their own per payload: each may ask five questions an hour.
    const member = (await signInAs(t, 'member', { displayName: payload })).cookies;
    const asked = await post(
      '/social-security/ask',
      { title: `Question ${payload}`, details: payload, topic: 'pension', region: 'CN', confirmed: '1' },
      member,
    );
    expect(asked.statusCode).toBe(303);
    const path = asked.headers.location as string;
    const id = Number(/questions\/(\d+)/.exec(path)![1]);
    const answer = {
      analysis: `Analysis ${payload}`,
      step_count: '1',
      step_position_0: '1',
      step_action_0: payload,
      step_materials_0: payload,
      step_channel_0: 'online',
      step_where_0: payload,
      step_duration_0: payload,
      region: 'CN',
      verifiedOn: '2026-11-20',
      citations: '《社会保险法》第十六条',
    };
    const preview = await post(`/expert/questions/${id}/answer`, { ...answer, intent: 'preview' }, expert);
    expect(isInert(preview.body)).toBe(true);
    expect((await post(`/expert/questions/${id}/answer`, { ...answer, intent: 'submit' }, expert)).statusCode).toBe(
      303,
    );
    const review = await get('/editor/review', editor);
    const answerId = [...review.body.matchAll(/href="\/editor\/review\/(\d+)"/g)].map((m) => Number(m[1])).at(-1)!;
    expect(isInert((await get(`/editor/review/${answerId}`, editor)).body)).toBe(true);
    await post(`/editor/review/${answerId}/reject`, { reason: payload }, editor);
    expect(isInert((await get('/expert/queue', expert)).body)).toBe(true);
    expect(isInert((await get(`/expert/answers/${answerId}/edit`, expert)).body)).toBe(true);
    await post(`/expert/answers/${answerId}/edit`, { ...answer, intent: 'submit' }, expert);
    await post(`/editor/review/${answerId}/approve`, {}, editor);

    for (const url of [
      path,
      '/social-security',
      '/social-security/topics/pension',
      `/social-security/search?q=${encodeURIComponent('Question')}`,
      '/expert/queue',
      `/api/v1/questions/${id}`,
    ]) {
      const res = await get(url, url.startsWith('/expert') ? expert : {});
      expect(res.statusCode, url).toBeLessThan(400);
      if (!url.startsWith('/api/')) expect(isInert(res.body), url).toBe(true);
    }
    expect((await get(path)).body).toContain('Analysis');
  });
});
