import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { signInAs } from '../../test-support/forms';

const SEED_PATH = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';

describe.each(testEngines)('inquiry center on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('the home page leads into the inquiry center and has a search box', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/social-security"');
    expect(res.body).toMatch(/<form[^>]*action="\/social-security\/search"/);
  });

  it('the center shows the whole topic tree and the latest questions', async () => {
    const res = await get('/social-security');
    expect(res.statusCode).toBe(200);
    for (const slug of [
      'social-security-card',
      'pension',
      'medical-insurance',
      'unemployment-insurance',
      'work-injury-insurance',
      'maternity-insurance',
      'housing-provident-fund',
      'contributions',
      'transfer-continuation',
      'retirement',
      'labour-contracts-disputes',
    ]) {
      expect(res.body).toContain(`href="/social-security/topics/${slug}"`);
    }
    expect(res.body).toContain(`href="${SEED_PATH}"`);
    expect(res.body).toContain('Most viewed questions');
  });

  it('sends the Q&A page gzipped to browsers that accept it, and the same page to those that do not', async () => {
    const plain = await get(SEED_PATH);
    const compressed = await t.app.inject({
      method: 'GET',
      url: SEED_PATH,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers['content-encoding']).toBe('gzip');
    for (const res of [plain, compressed]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(compressed.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('gives a signed-in viewer a page of their own, never the shared one, and keeps their header out of it', async () => {
    const { cookies } = await signInAs(t, 'member', { displayName: 'Wang Fang' });
    // Anonymous first, so the shared prerendered page exists before the viewer asks.
    await get(SEED_PATH);
    const own = await t.app.inject({ method: 'GET', url: SEED_PATH, cookies });
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.body).toContain('Wang Fang');
    const anonymous = await t.app.inject({ method: 'GET', url: SEED_PATH, headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(anonymous.rawPayload).toString('utf8')).not.toContain('Wang Fang');
    expect(anonymous.headers['cache-control']).toBeUndefined();
  });

  it('serves the seed question with analysis, procedure, legal basis and its metadata', async () => {
    const res = await get(SEED_PATH);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Where can I reissue my social security card if I lose it?</h1>');
    expect(body).toMatch(
      /<nav aria-label="Breadcrumb".*Home.*Social security inquiry.*Social security card.*Where can I reissue/s,
    );
    expect(body).toContain('Legal analysis');
    expect(body).toContain('local social security bureau');
    // Three procedure steps in order.
    const steps = body.slice(
      body.indexOf('<ol class="steps">'),
      body.indexOf('</ol>', body.indexOf('<ol class="steps">')),
    );
    expect(steps.match(/<li>/g)).toHaveLength(3);
    expect(steps.indexOf('Report the loss')).toBeLessThan(steps.indexOf('Collect the new card'));
    expect(steps).toContain('About 15 working days');
    // The card-function paragraph.
    expect(body).toContain('real-time settlement of medical insurance personal accounts');
    // Legal basis: Article 72 expandable to its text without JavaScript, linked to the statute library.
    expect(body).toContain(
      '<details><summary>Social Insurance Law, Article 72 <span lang="zh-CN" class="meta">《中华人民共和国社会保险法》第七十二条</span></summary><blockquote lang="zh-CN" class="article-text"><p>统筹地区设立社会保险经办机构',
    );
    expect(body).toContain('<a href="/laws/social-insurance-law/articles/72">Open in the statute library</a>');
    expect(body).toContain('Applies to: Nationwide');
    expect(body).toContain('<time datetime="2026-11-25">November 25, 2026</time>');
    expect(body).toContain('Answered by: <span>jobsite editorial team</span>');
    expect(body).toContain(`<link rel="canonical" href="http://localhost:3000${SEED_PATH}"/>`);
  });

  it('sends the security headers on pages and API responses', async () => {
    for (const url of [SEED_PATH, '/api/v1/topics', '/social-security/questions/999999']) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('describes the page as a QAPage in JSON-LD', async () => {
    const res = await get(SEED_PATH);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)?.[1];
    const data = JSON.parse(json!);
    expect(data['@type']).toBe('QAPage');
    expect(data.mainEntity.name).toBe('Where can I reissue my social security card if I lose it?');
    expect(data.mainEntity.answerCount).toBe(1);
    expect(data.mainEntity.suggestedAnswer[0].text).toContain('local social security bureau');
    expect(data.inLanguage).toBe('en');
  });

  it.each([
    ['/social-security/questions/1', SEED_PATH],
    ['/social-security/questions/1-wrong-slug', SEED_PATH],
    ['/social-security/questions/1-wrong-slug?utm=x', `${SEED_PATH}?utm=x`],
  ])('redirects %s to the canonical URL', async (url, location) => {
    const res = await get(url);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
  });

  it.each(['/social-security/questions/999999', '/social-security/questions/abc', '/social-security/topics/nope'])(
    '%s is a 404 page, not an error',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Page not found');
    },
  );

  it('paginates a topic and refuses bad page numbers with a 400 page', async () => {
    expect((await get('/social-security/topics/social-security-card')).statusCode).toBe(200);
    expect((await get('/social-security/topics/social-security-card?page=2')).statusCode).toBe(404);
    const bad = await get('/social-security/topics/social-security-card?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('That request could not be used');
  });

  it('returns a question with steps and resolved citations as JSON', async () => {
    const res = await get('/api/v1/questions/1');
    expect(res.statusCode).toBe(200);
    const { question, answers } = res.json();
    expect(question.origin).toBe('seed');
    expect(question.topic.slug).toBe('social-security-card');
    expect(answers[0].steps).toHaveLength(3);
    const article72 = answers[0].citations.find((c: { article: { number: number } }) => c.article.number === 72);
    expect(article72.statute.slug).toBe('social-insurance-law');
    expect(article72.article.text).toContain('统筹地区设立社会保险经办机构');
  });

  it('lists questions by topic and explains bad parameters', async () => {
    const list = await get('/api/v1/questions?topic=social-security-card&page=1');
    expect(list.statusCode).toBe(200);
    expect(list.json().questions.map((q: { id: number }) => q.id)).toContain(1);
    expect(list.json().total).toBeGreaterThanOrEqual(1);

    const unknown = await get('/api/v1/questions?topic=no-such-topic');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'No topic "no-such-topic"', code: 'NOT_FOUND' });

    const badPage = await get('/api/v1/questions?page=-1');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json().details[0]).toMatchObject({ field: 'querystring.page' });

    expect((await get('/api/v1/questions/999999')).statusCode).toBe(404);
    expect((await get('/api/v1/questions/abc')).json().code).toBe('VALIDATION');
  });

  it('lists the topics with counts', async () => {
    const res = await get('/api/v1/topics');
    const card = res.json().topics.find((topic: { slug: string }) => topic.slug === 'social-security-card');
    expect(res.json().topics).toHaveLength(11);
    expect(card.questionCount).toBeGreaterThanOrEqual(1);
  });

  it('describes the API in OpenAPI', async () => {
    const spec = (await get('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/topics',
      '/api/v1/questions',
      '/api/v1/questions/{id}',
      '/api/v1/statutes',
      '/api/v1/statutes/{slug}',
      '/api/v1/statutes/{slug}/articles/{n}',
      '/api/v1/citations/resolve',
    ]) {
      expect(spec.paths).toHaveProperty([path]);
    }
    expect(spec.paths).not.toHaveProperty(['/social-security']);
  });
});
