import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';

const BASE = 'http://localhost:3000';

/** The <url> blocks of a sitemap file: each page's address and its language alternates. */
function urlsOf(xml: string) {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, block = '']) => ({
    loc: /<loc>([^<]+)<\/loc>/.exec(block)?.[1] ?? '',
    alternates: Object.fromEntries(
      [...block.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, href]),
    ),
  }));
}

describe.each(testEngines)('robots.txt and the sitemap on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('closes only the JSON API to crawlers and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const lines = res.body.split('\n');
    expect(lines.filter((l) => l.startsWith('Disallow:'))).toEqual(['Disallow: /api/']);
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });

  it('indexes one file per section', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const files = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(files).toEqual(
      ['pages', 'topics', 'questions', 'statutes', 'companies', 'jobs', 'cities'].map(
        (name) => `${BASE}/sitemaps/${name}-1.xml`,
      ),
    );
  });

  it('lists a translated question once per language, each naming the other as its alternate', async () => {
    const pair = await t.db
      .selectFrom('questions as zh')
      .innerJoin('questions as en', 'en.id', 'zh.translation_of_id')
      .select(['en.id as enId', 'en.slug as enSlug', 'zh.id as zhId', 'zh.slug as zhSlug'])
      .where('zh.status', '=', 'answered')
      .where('en.status', '=', 'answered')
      .executeTakeFirstOrThrow();
    const urls = urlsOf((await get('/sitemaps/questions-1.xml')).body);
    // A Chinese title has no Latin slug: its path is the id alone.
    const page = (id: number, slug: string) => `/social-security/questions/${slug ? `${id}-${slug}` : id}`;
    const en = `${BASE}${page(pair.enId, pair.enSlug)}`;
    const zh = `${BASE}/zh${page(pair.zhId, pair.zhSlug)}`;
    const expected = { en: en, 'zh-CN': zh, 'x-default': en };
    expect(urls.find((u) => u.loc === en)?.alternates).toEqual(expected);
    expect(urls.find((u) => u.loc === zh)?.alternates).toEqual(expected);
    const answered = await t.db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'answered')
      .where('duplicate_of_id', 'is', null)
      .executeTakeFirstOrThrow();
    // Every answered question once: in its own language, beside its translation's page.
    expect(urls).toHaveLength(Number(answered.n));
  });

  it('lists only pages that exist and name themselves canonical', async () => {
    const sections = ['pages', 'topics', 'questions', 'statutes', 'companies', 'jobs', 'cities'];
    const locs: string[] = [];
    for (const section of sections) {
      const urls = urlsOf((await get(`/sitemaps/${section}-1.xml`)).body);
      expect(urls.length, section).toBeGreaterThan(0);
      // Every article of the library would take long: its sections' first pages stand for the rest.
      locs.push(...urls.slice(0, section === 'statutes' ? 40 : undefined).map((u) => u.loc));
    }
    for (const loc of locs) {
      const res = await get(loc.slice(BASE.length) || '/');
      expect(res.statusCode, loc).toBe(200);
      expect(res.body, loc).toContain(`<link rel="canonical" href="${loc}"/>`);
    }
  });

  it.each(['/sitemaps/nothing-1.xml', '/sitemaps/questions-2.xml', '/sitemaps/questions-0.xml', '/sitemaps/x'])(
    '%s is not found',
    async (url) => {
      expect((await get(url)).statusCode).toBe(404);
    },
  );
});
