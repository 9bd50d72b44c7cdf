/**
 * GET /api/v1/statutes/suggest and where its suggestions show (issue 16): the answer editor and the ask page,
 * each article with why it was suggested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { signInAs } from '../../test-support/forms';

describe.each(testEngines)('the suggested legal basis on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json', jobsFile: null } });
  }, 240_000);
  afterAll(async () => t?.close());

  it('answers with articles, their statute, number, title, excerpt and why each was suggested', async () => {
    const res = await t.app.inject(`/api/v1/statutes/suggest?q=${encodeURIComponent('医保断缴了怎么办')}&limit=5`);
    expect(res.statusCode).toBe(200);
    const { suggestions } = res.json() as {
      suggestions: {
        slug: string;
        number: number;
        excerpt: string;
        path: string;
        reasons: { kind: string; text: string }[];
      }[];
    };
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    const keys = suggestions.map((s) => `${s.slug}#${s.number}`);
    // Medical insurance contributions (Social Insurance Law Articles 23 and 27), from the everyday words 医保断缴.
    expect(keys.some((k) => k === 'social-insurance-law#23' || k === 'social-insurance-law#27')).toBe(true);
    const first = suggestions[0]!;
    expect(first.excerpt.length).toBeGreaterThan(5);
    expect(first.path).toBe(`/laws/${first.slug}/articles/${first.number}`);
    const words = suggestions.flatMap((s) => s.reasons).find((r) => r.kind === 'words');
    expect(words?.text).toBe('People say “医保断缴” for the rule it states');
  });

  it('limits suggestions per client', async () => {
    const res = await t.app.inject(`/api/v1/statutes/suggest?q=${encodeURIComponent('工伤')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('120');
  });

  it('gives its reasons in Chinese with lang=zh, and names the similar question an article comes from', async () => {
    const res = await t.app.inject(
      `/api/v1/statutes/suggest?q=${encodeURIComponent('下班路上出车祸算工伤吗')}&lang=zh`,
    );
    const { suggestions } = res.json() as {
      suggestions: {
        slug: string;
        number: number;
        name: string;
        reasons: { kind: string; text: string; path?: string }[];
      }[];
    };
    const article14 = suggestions.find(
      (s) => s.slug === 'work-related-injury-insurance-regulations' && s.number === 14,
    );
    expect(article14?.name).toBe('工伤保险条例 第十四条');
    const similar = article14?.reasons.find((r) => r.kind === 'similar');
    expect(similar?.text).toMatch(/^类似问题的回答引用了此条：/);
    expect(similar?.path).toMatch(/^\/zh\/social-security\/questions\/\d+-/);
  });

  it('refuses a missing or overlong question and a bad limit with 400 and a message, never 500', async () => {
    for (const url of [
      '/api/v1/statutes/suggest',
      '/api/v1/statutes/suggest?q=',
      `/api/v1/statutes/suggest?q=${'a'.repeat(501)}`,
      '/api/v1/statutes/suggest?q=x&limit=0',
      '/api/v1/statutes/suggest?q=x&limit=abc',
      '/api/v1/statutes/suggest?q=x&limit=21',
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect((res.json() as { error: string }).error).toBeTruthy();
    }
    const empty = await t.app.inject('/api/v1/statutes/suggest?q=%F0%9F%99%82');
    expect(empty.json()).toEqual({ suggestions: [] });
  });

  it('shows the suggestions with their reasons in the answer editor', async () => {
    const member = await signInAs(t, 'member');
    const { id: questionId } = await t.modules.inquiry.workflow.askQuestion(member.user, {
      title: '公司裁员了失业金怎么领',
      details: '',
      topic: 'unemployment-insurance',
      region: 'CN',
      anonymous: false,
      locale: 'zh',
    });
    const expert = await signInAs(t, 'expert');
    const page = await t.app.inject({ url: `/expert/questions/${questionId}/answer`, cookies: expert.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Suggested legal basis');
    expect(page.body).toMatch(/<ul class="meta suggestion-reasons"><li>[^<]+<\/li>/);
  });

  it('shows the law that may apply on the ask page for a title brought along', async () => {
    const member = await signInAs(t, 'member');
    const page = await t.app.inject({
      url: `/zh/social-security/ask?title=${encodeURIComponent('怀孕了被公司辞退怎么办')}`,
      cookies: member.cookies,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="law-heading">可能适用的法律</h2>');
    expect(page.body).toContain('href="/zh/laws/labour-contract-law/articles/42"');
  });
});
