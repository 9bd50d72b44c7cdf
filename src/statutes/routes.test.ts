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
    expect(page.body).toContain('<h2>第九章 社会保险经办</h2>');
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

  it.each([
    ['/laws/no-such-law', 404],
    ['/laws/social-insurance-law/articles/999', 404],
    ['/laws/social-insurance-law/articles/abc', 400],
    ['/api/v1/statutes/no-such-law', 404],
    ['/api/v1/statutes/social-insurance-law/articles/0', 400],
    ['/api/v1/statutes/BAD_SLUG', 400],
  ])('%s answers %i', async (url, status) => {
    expect((await get(url)).statusCode).toBe(status);
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

  it.each([{}, { text: '' }, { text: 'x'.repeat(10_001) }, { text: 42 }])(
    'refuses the body %j with a 400',
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
