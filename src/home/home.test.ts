import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { preferredLocale } from './routes';

describe('preferredLocale', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR, zh-TW;q=0.5', 'zh'],
    ['zh;q=0, en', 'en'],
    ['fr, de', null],
    [undefined, null],
  ])('%s → %s', (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});

describe.each(testEngines)('the home page on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  const get = (url: string, acceptLanguage?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

  it('leads into the inquiry center with a search box, in English at /', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain(
      '<a class="button" href="/social-security">Go to the social security inquiry center</a>',
    );
    expect(res.body).toMatch(/<form[^>]*action="\/social-security\/search"/);
    expect(res.body).toContain('<link rel="canonical" href="http://localhost:3000/"/>');
  });

  it('is Chinese at /zh, with its links under /zh', async () => {
    const res = await get('/zh');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('<h1>找工作，也弄懂你的社保</h1>');
    expect(res.body).toContain('<a class="button" href="/zh/social-security">进入社保问答</a>');
    expect(res.body).toMatch(/<form[^>]*action="\/zh\/social-security\/search"/);
    expect(res.body).toContain('<link rel="canonical" href="http://localhost:3000/zh"/>');
  });

  it('suggests the language the browser prefers with a notice in that language, never a redirect', async () => {
    const english = await get('/', 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(english.statusCode).toBe(200);
    expect(english.headers.vary).toMatch(/accept-language/i);
    expect(english.body).toContain(
      '<p class="notice" lang="zh-CN">jobsite 有中文版。 <a href="/zh" hreflang="zh-CN">切换到中文</a></p>',
    );
    const chinese = await get('/zh', 'en-GB,en;q=0.9');
    expect(chinese.statusCode).toBe(200);
    expect(chinese.headers.vary).toMatch(/accept-language/i);
    expect(chinese.body).toContain(
      '<p class="notice" lang="en">jobsite is also in English. <a href="/" hreflang="en">Read it in English</a></p>',
    );
    // A browser that prefers the page's own language, or neither of ours, gets no notice.
    for (const [url, header] of [
      ['/', 'en-US'],
      ['/zh', 'zh-CN'],
      ['/', undefined],
      ['/zh', 'fr'],
    ] as const) {
      expect((await get(url, header)).body, `${url} ${header}`).not.toContain('class="notice"');
    }
  });
});
