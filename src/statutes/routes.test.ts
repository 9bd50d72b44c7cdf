import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';

const REQUIRED_STATUTES = [
  'social-insurance-law',
  'labour-law',
  'labour-contract-law',
  'labour-contract-law-implementing-regulations',
  'labour-dispute-mediation-arbitration-law',
  'work-related-injury-insurance-regulations',
  'unemployment-insurance-regulations',
  'social-insurance-premium-collection-interim-regulations',
  'housing-provident-fund-regulations',
  'social-insurance-handling-regulations',
];

describe.each(testEngines)('statute library on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the statutes the content cites, with English and Chinese titles', async () => {
    const page = await get('/laws');
    expect(page.statusCode).toBe(200);
    for (const slug of REQUIRED_STATUTES) expect(page.body).toContain(`href="/laws/${slug}"`);
    const api = (await get('/api/v1/statutes')).json();
    const sil = api.statutes.find((s: { slug: string }) => s.slug === 'social-insurance-law');
    expect(sil).toMatchObject({ titleZh: '中华人民共和国社会保险法', versionDate: '2018-12-29', articleCount: 98 });
  });

  it('shows a statute with chapters and an anchor per article', async () => {
    const page = await get('/laws/social-insurance-law');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="toc-72-0" lang="zh-CN">第九章 社会保险经办</h2>');
    expect(page.body).toContain('id="article-72"');
    expect(page.body.match(/class="statute-article" id="article-\d+"/g)).toHaveLength(98);
  });

  it('shows one article with the answers that cite it', async () => {
    const page = await get('/laws/social-insurance-law/articles/72');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('统筹地区设立社会保险经办机构');
    expect(page.body).toContain(
      'href="/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it"',
    );
    expect(page.body).toContain('href="/laws/social-insurance-law#article-72"');
  });

  it('serves English pages in English, the statute text in Chinese as published', async () => {
    const library = (await get('/laws')).body;
    expect(library).toContain('<html lang="en">');
    expect(library).toContain(
      `<a href="/laws/social-insurance-law">Social Insurance Law of the People's Republic of China</a>` +
        '<p lang="zh-CN">中华人民共和国社会保险法</p><p class="meta">Law · Version of December 29, 2018 · 98 articles</p>',
    );
    const statute = (await get('/laws/social-insurance-law')).body;
    expect(statute).toContain(
      `<h1>Social Insurance Law of the People's Republic of China<br/><span lang="zh-CN">中华人民共和国社会保险法</span></h1>`,
    );
    expect(statute).toContain('href="/laws/social-insurance-law/articles/72"><strong>Article 72</strong></a>');
    expect(statute).toContain('There is no official English translation');
    expect(statute).toContain('<meta property="og:type" content="article"/>');
    const article = (await get('/laws/social-insurance-law/articles/72')).body;
    expect(article).toContain('<title>Social Insurance Law, Article 72 · ');
    expect(article).toContain('<span lang="zh-CN">《中华人民共和国社会保险法》第七十二条</span>');
    expect(article).toContain('<blockquote lang="zh-CN" class="article-text">');
    expect(article).toContain('<p class="meta">Version of December 29, 2018</p>');
    expect(article).toContain('<li aria-current="page">Article 72</li>');
    expect(article).toContain('There is no official English translation');
  });

  it('serves every page in Chinese under /zh, with links that stay in Chinese', async () => {
    const library = await get('/zh/laws');
    expect(library.statusCode).toBe(200);
    expect(library.body).toContain('<html lang="zh-CN">');
    expect(library.body).toContain('<h1>法规库</h1>');
    expect(library.body).toContain(
      '<a href="/zh/laws/social-insurance-law">中华人民共和国社会保险法</a>' +
        '<p class="meta">法律 · 版本日期：2018年12月29日 · 共 98 条</p>',
    );
    expect(library.body).not.toContain('Social Insurance Law');
    for (const slug of REQUIRED_STATUTES) expect(library.body).toContain(`href="/zh/laws/${slug}"`);

    const statute = (await get('/zh/laws/social-insurance-law')).body;
    expect(statute).toContain('<html lang="zh-CN">');
    expect(statute).toContain('<h1>中华人民共和国社会保险法</h1>');
    expect(statute).toContain('效力级别：法律 · 版本日期：2018年12月29日 · 共 98 条');
    expect(statute).toContain('<h2 id="toc-72-0">第九章 社会保险经办</h2>');
    expect(statute).toContain('href="/zh/laws/social-insurance-law/articles/72"><strong>第七十二条</strong></a>');
    expect(statute.match(/class="statute-article" id="article-\d+"/g)).toHaveLength(98);
    expect(statute).toContain('条文以国家正式公布的文本为准。');
    expect(statute).toContain('<meta property="og:type" content="article"/>');
    expect(statute).not.toContain('Social Insurance Law');

    const article = (await get('/zh/laws/social-insurance-law/articles/72')).body;
    expect(article).toContain('<html lang="zh-CN">');
    expect(article).toContain('<title>《中华人民共和国社会保险法》第七十二条 · ');
    expect(article).toContain('<h1>《中华人民共和国社会保险法》第七十二条</h1>');
    expect(article).toContain('<p class="meta">版本日期：2018年12月29日</p>');
    expect(article).toContain('<li><a href="/zh/laws/social-insurance-law">中华人民共和国社会保险法</a></li>');
    expect(article).toContain('<li aria-current="page">第七十二条</li>');
    expect(article).toContain('统筹地区设立社会保险经办机构');
    expect(article).toContain('href="/zh/laws/social-insurance-law#article-72"');
    expect(article).toContain('<h2>引用本条的回答</h2>');
    expect(article).toContain('<meta property="og:type" content="article"/>');
    expect(article).not.toContain('Article 72');
    // The answers that cite it stay in Chinese; a Chinese one comes first.
    const list = article.match(/<ul class="question-list">(.*?)<\/ul>/)?.[1] ?? '';
    const cited = [...list.matchAll(/<li( lang="en")?><a href="([^"]+)">([^<]+)<\/a><\/li>/g)];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every(([, , href]) => href?.startsWith('/zh/social-security/questions/'))).toBe(true);
    expect(cited[0]?.[1]).toBeUndefined();
    expect(cited[0]?.[3]).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['/laws', '/laws/social-insurance-law', '/laws/social-insurance-law/articles/72'])(
    '%s names its canonical address and both language versions',
    async (path) => {
      for (const prefix of ['', '/zh']) {
        const body = (await get(`${prefix}${path}`)).body;
        const href = (lang: string) =>
          body.match(new RegExp(`<link rel="alternate" hreflang="${lang}" href="([^"]+)"/>`))?.[1];
        expect(href('en')).toMatch(new RegExp(`^https?://[^/]+${path}$`));
        expect(href('zh-CN')).toMatch(new RegExp(`^https?://[^/]+/zh${path}$`));
        expect(href('x-default')).toBe(href('en'));
        expect(body).toMatch(new RegExp(`<link rel="canonical" href="https?://[^/]+${prefix}${path}"/>`));
      }
    },
  );

  it.each([
    ['/laws/no-such-law', 404],
    ['/laws/social-insurance-law/articles/999', 404],
    ['/laws/social-insurance-law/articles/abc', 400],
    ['/api/v1/statutes/no-such-law', 404],
    ['/api/v1/statutes/social-insurance-law/articles/0', 400],
    ['/api/v1/statutes/BAD_SLUG', 400],
  ])('%s answers %i', async (url, status) => {
    expect((await get(url)).statusCode).toBe(status);
    if (!url.startsWith('/api/')) expect((await get(`/zh${url}`)).statusCode).toBe(status);
  });

  it('resolves citations in free text and says why one fails', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citations/resolve',
      payload: {
        text: '依据《社会保险法》第十条、第十二条，and Article 999 of the Labour Law; see also 《中华人民共和国不存在法》第一条',
      },
    });
    expect(res.statusCode).toBe(200);
    const citations = res.json().citations;
    expect(citations.filter((c: { ok: boolean }) => c.ok).map((c: { label: string }) => c.label)).toEqual([
      'Social Insurance Law, Article 10',
      'Social Insurance Law, Article 12',
    ]);
    expect(citations[0].article.text).toContain('职工应当参加基本养老保险');
    const failures = citations.filter((c: { ok: boolean }) => !c.ok);
    expect(failures).toHaveLength(2);
    expect(failures[0].reason).toContain('Article 999');
    expect(failures[1].reason).toContain('不存在法');
  });

  it('writes labels and reasons in the language asked for: ?lang=, else Accept-Language', async () => {
    const text = '《社会保险法》第十条第二款；《中华人民共和国不存在法》第一条';
    const resolve = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers, payload: { text } }).then((res) => res.json().citations);
    const chinese = ['《中华人民共和国社会保险法》第十条第二款', '未知法规《中华人民共和国不存在法》'];
    for (const citations of [
      await resolve('/api/v1/citations/resolve?lang=zh'),
      await resolve('/api/v1/citations/resolve', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' }),
    ]) {
      expect([citations[0].label, citations[1].reason]).toEqual(chinese);
    }
    const english = await resolve('/api/v1/citations/resolve?lang=en', { 'accept-language': 'zh-CN' });
    expect([english[0].label, english[1].reason]).toEqual([
      'Social Insurance Law, Article 10, paragraph 2',
      'Unknown statute 《中华人民共和国不存在法》',
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citations/resolve?lang=zh',
      payload: { text: '' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].message).toBe('请提供要识别法条引用的文本');
  });

  it('lists every page in force for a sitemap, with the date its law last changed', async () => {
    const entries = await t.modules.statutes.service.sitemapEntries();
    const statutes = (await get('/api/v1/statutes')).json().statutes as { slug: string; articleCount: number }[];
    const articleCount = statutes.reduce((sum, s) => sum + s.articleCount, 0);
    expect(entries).toHaveLength(1 + statutes.length + articleCount);
    expect(entries[0]?.path).toBe('/laws');
    expect(entries).toContainEqual({ path: '/laws/social-insurance-law', lastModified: '2018-12-29' });
    expect(entries).toContainEqual({ path: '/laws/social-insurance-law/articles/72', lastModified: '2018-12-29' });
    for (const entry of entries) {
      expect(entry.path).toMatch(/^\/laws(\/[a-z0-9-]+(\/articles\/\d+)?)?$/);
      expect(entry.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each([{}, { text: '' }, { text: 'x'.repeat(10_001) }, { text: 42 }])(
    'refuses the body %# with a 400',
    async (payload) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/citations/resolve', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toHaveProperty('details');
    },
  );

  it('refuses malformed JSON with a 400, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citations/resolve',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    expect(res.statusCode).toBe(400);
  });
});
