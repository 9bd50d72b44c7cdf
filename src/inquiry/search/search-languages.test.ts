/**
 * Search and suggestions in the reader's language (issue 12): the Chinese search page, results shown and linked
 * in the reader's language, one line per translation group, whole titles, suggestions in the reader's language
 * first, refusals in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

const SEED_PATH_EN = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';
const QUERIES = [
  '社保卡丢了怎么办',
  'lost social security card',
  '养老保险',
  'pension',
  '公积金 提取',
  'maternity leave',
];

interface Result {
  id: number;
  title: string;
  titleHtml: string;
  locale: 'en' | 'zh';
  url: string;
}

describe.each(testEngines)('search in the reader’s language on $name', (engine) => {
  let t: TestApp;
  /** Question id → its translation group (the original's id); the Chinese seed question's id. */
  const groupOf = new Map<number, number>();
  let seedZh: number;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
    const rows = await t.db.selectFrom('questions').select(['id', 'locale', 'translation_of_id']).execute();
    for (const row of rows) {
      groupOf.set(row.id, row.translation_of_id ?? row.id);
    }
    seedZh = rows.find((r) => r.translation_of_id === 1 && r.locale === 'zh')!.id;
  });
  afterAll(async () => t?.close());
  const api = async (path: string) => {
    const res = await t.app.inject(path);
    expect(res.statusCode, path).toBe(200);
    return res.json();
  };
  const search = async (q: string, lang: 'en' | 'zh', page = 1): Promise<{ results: Result[]; total: number }> =>
    api(`/api/v1/search?lang=${lang}&page=${page}&q=${encodeURIComponent(q)}`);

  it('serves the Chinese search page: the Chinese seed question first, linked under /zh', async () => {
    const res = await t.app.inject(`/zh/social-security/search?q=${encodeURIComponent('社保卡丢了怎么办')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN"');
    expect(res.body).toContain('“社保卡丢了怎么办”的搜索结果');
    expect(res.body).toContain('<meta name="robots" content="noindex"');
    expect(res.body).toContain('action="/zh/social-security/search"');
    const links = [...res.body.matchAll(/<ol class="search-results"[^>]*>\s*<li[^>]*>\s*<a href="([^"]+)"/g)];
    expect(links[0]?.[1]).toBe(`/zh/social-security/questions/${seedZh}`);
    // Every result links under /zh, and the filters are named in Chinese.
    expect(res.body).not.toMatch(/<li[^>]*><a href="\/social-security\/questions\//);
    expect(res.body).toContain('全部分类');
    expect(res.body).toContain('广东');
  });

  it('shows the same question in English on the English page, and the empty form may be indexed', async () => {
    const res = await t.app.inject(`/social-security/search?q=${encodeURIComponent('社保卡丢了怎么办')}`);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain(`href="${SEED_PATH_EN}"`);
    expect(res.body).not.toContain(`href="/zh/social-security/questions/${seedZh}"`);
    const form = await t.app.inject('/zh/social-security/search');
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('noindex');
    expect(form.body).toContain('rel="canonical"');
  });

  it('answers the API in the language asked for, with links in it', async () => {
    const zh = await search('社保卡丢了怎么办', 'zh');
    expect(zh.results[0]).toMatchObject({ id: seedZh, locale: 'zh', url: `/zh/social-security/questions/${seedZh}` });
    const en = await search('社保卡丢了怎么办', 'en');
    expect(en.results[0]).toMatchObject({ id: 1, locale: 'en', url: SEED_PATH_EN });
  });

  it('shows each translation group once, in the reader’s language when it has a version in it', async () => {
    for (const q of QUERIES) {
      for (const lang of ['en', 'zh'] as const) {
        const { results } = await search(q, lang);
        expect(results.length, q).toBeGreaterThan(0);
        const groups = results.map((r) => groupOf.get(r.id));
        expect(new Set(groups).size, `${q} (${lang})`).toBe(groups.length);
        // The shipped Q&As exist in both languages: every line is in the reader's.
        expect(
          results.filter((r) => r.locale !== lang).map((r) => r.title),
          `${q} (${lang})`,
        ).toEqual([]);
      }
    }
  });

  it('pages through every group once, and counts groups, not documents', async () => {
    const seen: number[] = [];
    const first = await search('社保', 'zh');
    const pages = Math.ceil(first.total / 10);
    for (let page = 1; page <= pages; page++) seen.push(...(await search('社保', 'zh', page)).results.map((r) => r.id));
    expect(new Set(seen.map((id) => groupOf.get(id))).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
  });

  it('never cuts a title: whole titles, matched words marked', async () => {
    for (const q of QUERIES) {
      for (const lang of ['en', 'zh'] as const) {
        for (const r of (await search(q, lang)).results) {
          expect(r.titleHtml.startsWith('…'), r.title).toBe(false);
          const text = r.titleHtml.replace(/<\/?mark>/g, '').replace(/&#(\d+);/g, (_m, c) => String.fromCharCode(c));
          expect(text).toBe(r.title);
        }
      }
    }
    const page = await t.app.inject('/social-security/search?q=card');
    expect(page.body).not.toMatch(/<li[^>]*><a href="[^"]*">…/);
  });

  it('suggests titles in the reader’s language first, one per group, linked in that language', async () => {
    const zh = (await api(`/api/v1/search/suggest?lang=zh&q=${encodeURIComponent('社')}`)).suggestions;
    expect(zh.length).toBeGreaterThan(0);
    expect(zh[0].locale).toBe('zh');
    expect(zh[0].title).toMatch(/\p{Script=Han}/u);
    expect(zh[0].url).toMatch(/^\/zh\/social-security\/questions\//);
    const firstOther = zh.findIndex((s: Result) => s.locale !== 'zh');
    if (firstOther !== -1) expect(zh.slice(firstOther).every((s: Result) => s.locale !== 'zh')).toBe(true);

    const en = (await api(`/api/v1/search/suggest?lang=en&q=${encodeURIComponent('社')}`)).suggestions;
    expect(en[0].locale).toBe('en');
    expect(en[0].url).toMatch(/^\/social-security\/questions\//);
    const enLatin = (await api('/api/v1/search/suggest?lang=en&q=social+secu')).suggestions;
    expect(enLatin.map((s: Result) => s.locale)).not.toContain('zh');

    for (const list of [zh, en]) {
      const groups = list.map((s: Result) => groupOf.get(s.id));
      expect(new Set(groups).size).toBe(groups.length);
    }
    // Without `lang`, Accept-Language decides.
    const byHeader = await t.app.inject({
      url: `/api/v1/search/suggest?q=${encodeURIComponent('社保卡补')}`,
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(byHeader.json().suggestions[0]).toMatchObject({ id: seedZh, locale: 'zh' });
  });

  it('shows a question that has no version in the reader’s language in its own, and says so', async () => {
    const { questionId } = await t.modules.inquiry.questions.createAnsweredQuestion(
      { topic: 'pension', locale: 'en', title: 'Okapi keepers and the pension?', region: 'CN', origin: 'user' },
      {
        analysis: 'Okapi keepers pay pension insurance like everyone.',
        region: 'CN',
        verifiedOn: '2026-11-20',
        citations: ['《中华人民共和国社会保险法》第十条'],
        authorLabel: 'test',
        steps: [],
      },
    );
    const res = await t.app.inject('/zh/social-security/search?q=okapi');
    expect(res.body).toContain(`<li lang="en"><a href="/zh/social-security/questions/${questionId}-okapi`);
    expect(res.body).toContain('英文问题');
    await t.modules.inquiry.questions.deleteQuestion(questionId);
  });

  it('refuses bad input in Chinese on the Chinese page and with lang=zh', async () => {
    const page = await t.app.inject('/zh/social-security/search?q=pension&region=CN-XX');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('未知地区“CN-XX”');
    expect(page.body).toContain('value="pension"');
    const api = await t.app.inject('/api/v1/search?q=pension&page=0&lang=zh');
    expect(api.statusCode).toBe(400);
    expect(JSON.stringify(api.json().details)).toContain('页码从 1 开始。');
    const empty = await t.app.inject('/api/v1/search?q=%F0%9F%99%82&lang=zh');
    expect(empty.json().message).toBe('请输入要搜索的关键词。');
  });
});
