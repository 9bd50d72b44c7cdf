import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from './test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from './test-support/forms';

/**
 * Words that name members of Object.prototype, searched through every path that tokenises what a reader typed:
 * a lookup keyed by user text in a plain object would find the prototype's member instead of nothing.
 */
const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const QUERIES = [...PROTOTYPE_WORDS, 'constructor card', '社保 constructor', '"constructor"', 'constructor*'];

describe.each(testEngines)('prototype words through every search path on $name', (engine) => {
  let t: TestApp;
  let editor: Cookies;
  beforeAll(async () => {
    t = await openTestApp(engine);
    ({ cookies: editor } = await signInAs(t, 'editor'));
  });
  afterAll(async () => t?.close());
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const q = encodeURIComponent;

  it.each(QUERIES)('the search page, its API and suggestions answer %s', async (word) => {
    for (const url of [
      `/social-security/search?q=${q(word)}`,
      `/zh/social-security/search?q=${q(word)}`,
      `/api/v1/search?q=${q(word)}`,
      `/api/v1/search/suggest?q=${q(word)}`,
      `/api/v1/search/suggest?q=${q(word)}&lang=zh`,
      `/jobs?q=${q(word)}`,
      `/api/v1/jobs?q=${q(word)}`,
      `/companies?q=${q(word)}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it.each(QUERIES)("the ask page's similar questions, and the editors' duplicate page, answer %s", async (word) => {
    const fields = {
      title: `Is ${word} a word about social security cards?`,
      details: word,
      topic: 'pension',
      region: 'CN',
    };
    // A member of its own each time: asking is limited per member.
    const { cookies: member } = await signInAs(t, 'member');
    const ask = (more: Record<string, string> = {}) =>
      postForm(t.app, '/social-security/ask', { ...fields, ...more }, member, { remoteAddress: testIp() });
    expect((await ask()).response.statusCode).toBe(200);
    const saved = (await ask({ confirmed: '1' })).response;
    expect(saved.statusCode).toBe(303);
    const id = /questions\/(\d+)/.exec(saved.headers.location as string)![1];
    const duplicate = await get(`/editor/questions/${id}/duplicate`, editor);
    expect(duplicate.statusCode).toBe(200);
  });

  it.each(PROTOTYPE_WORDS)('job search takes %s in every filter', async (word) => {
    const filters = ['city', 'district', 'experience', 'education', 'type', 'benefits', 'size', 'industry', 'sort'];
    for (const name of filters) {
      for (const url of [
        `/jobs?${name}=${q(word)}`,
        `/api/v1/jobs?${name}=${q(word)}`,
        `/companies?${name}=${q(word)}`,
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBeLessThan(500);
      }
    }
  });

  it.each(QUERIES)('citation resolving and article suggestions answer %s', async (word) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citations/resolve',
      payload: { text: `《${word}》第${word}条 ${word}, Art. 3` },
    });
    expect(res.statusCode).toBeLessThan(500);
  });
});
