import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { questionPath, slugify } from './slug';

const BASE = 'http://localhost:3000';
const SEED_EN = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';
/** The Chinese version of the seed question (the seed stores it second, as a translation of question 1). */
const SEED_ZH = '/social-security/questions/2';

const answer = (analysis: string) => ({
  analysis,
  steps: [{ action: 'Apply at the service outlet', channel: 'service-outlet' as const }],
  region: 'CN-GD',
  verifiedOn: '2026-11-20',
  citations: ['Social Insurance Law, Art. 58'],
  authorLabel: 'test',
});

/** The links a page's main content writes (header and footer left out). */
const mainLinks = (html: string) =>
  [...(/<main id="main">(.*)<\/main>/s.exec(html)?.[1] ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe.each(testEngines)('the inquiry center in Chinese on $name', (engine) => {
  let t: TestApp;
  /** A question only in English and one only in Chinese: each is read in its own language on the other side. */
  let englishOnly: string;
  let chineseOnly: string;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const questions = t.modules.inquiry.questions;
    const title = 'Can my sister collect my new card for me?';
    const en = await questions.createAnsweredQuestion(
      { topic: 'social-security-card', locale: 'en', title, region: 'CN-GD', origin: 'user' },
      answer('Yes, with **a signed authorisation**.'),
    );
    englishOnly = questionPath(en.questionId, slugify(title));
    const zh = await questions.createAnsweredQuestion(
      { topic: 'social-security-card', locale: 'zh', title: '社保卡密码忘了怎么办？', region: 'CN-GD', origin: 'demo' },
      answer('**带身份证**到服务网点重置密码。'),
    );
    chineseOnly = questionPath(zh.questionId, '');
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('serves the center in Chinese: topics with Chinese titles and summaries, links under /zh', async () => {
    const res = await get('/zh/social-security');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('<h1>社保问答</h1>');
    expect(res.body).toContain('<a href="/zh/social-security/topics/social-security-card">社会保障卡</a>');
    expect(res.body).toContain('<p>社保卡的申领、激活、挂失和补办。</p>');
    expect(res.body).toContain('<h2 id="latest-heading">最新问题</h2>');
    for (const href of mainLinks(res.body)) expect(href, href).toMatch(/^\/zh\//);
  });

  it('serves a topic page in Chinese', async () => {
    const res = await get('/zh/social-security/topics/pension');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>养老保险</h1>');
    expect(res.body).toContain('<p class="lead">基本养老保险的缴费、个人账户和按月领取的养老金。</p>');
    expect(res.body).toContain('该分类下还没有问题。');
  });

  it('serves the Chinese seed question with 法律分析, 办理流程 and 法律依据, the article expandable', async () => {
    const res = await get(`/zh${SEED_ZH}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<html lang="zh-CN">');
    expect(body).toContain('<h1>社保卡丢了去哪里补办？</h1>');
    for (const heading of ['法律分析', '办理流程', '法律依据']) expect(body).toContain(`<h3>${heading}</h3>`);
    for (const field of ['所需材料', '办理渠道', '办理时限']) expect(body).toContain(`<dt>${field}</dt>`);
    expect(body).toMatch(
      /<details><summary>《中华人民共和国社会保险法》第七十二条<\/summary><blockquote lang="zh-CN" class="article-text"><p>统筹地区设立社会保险经办机构/,
    );
    expect(body).toContain('<a href="/zh/laws/social-insurance-law/articles/72">在法规库中查看</a>');
    expect(body).toContain('<strong>到当地社保局补办。</strong>');
    expect(body).toContain('适用地区：全国');
    expect(body).toContain('<time datetime="2026-11-25">2026年11月25日</time>');
    expect(body).toContain('回答者：<span>jobsite 编辑部</span>');
    expect(body).not.toContain('本问题暂无中文版');
  });

  it.each([
    [`/zh${SEED_EN}`, `/zh${SEED_ZH}`],
    ['/zh/social-security/questions/1', `/zh${SEED_ZH}`],
    [`/zh${SEED_EN}?utm=x`, `/zh${SEED_ZH}?utm=x`],
    [SEED_ZH, SEED_EN],
    [`${SEED_ZH}-some-slug`, SEED_EN],
  ])('sends %s to the version in the language of the page (301 %s)', async (url, location) => {
    const res = await get(url);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
  });

  it('links a question and its translation as each other’s language versions (hreflang), each canonical', async () => {
    const [en, zh] = [await get(SEED_EN), await get(`/zh${SEED_ZH}`)];
    for (const res of [en, zh]) {
      expect(res.body).toContain(`<link rel="alternate" hreflang="en" href="${BASE}${SEED_EN}"/>`);
      expect(res.body).toContain(`<link rel="alternate" hreflang="zh-CN" href="${BASE}/zh${SEED_ZH}"/>`);
      expect(res.body).toContain(`<link rel="alternate" hreflang="x-default" href="${BASE}${SEED_EN}"/>`);
    }
    expect(en.body).toContain(`<link rel="canonical" href="${BASE}${SEED_EN}"/>`);
    expect(zh.body).toContain(`<link rel="canonical" href="${BASE}/zh${SEED_ZH}"/>`);
    // The language switch goes to the translation.
    expect(zh.body).toContain(`<a class="language-switch" href="${SEED_EN}"`);
    expect(en.body).toContain(`<a class="language-switch" href="/zh${SEED_ZH}"`);
  });

  it('describes the Chinese page as a QAPage in Chinese', async () => {
    const res = await get(`/zh${SEED_ZH}`);
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)![1]!);
    expect(data).toMatchObject({ '@type': 'QAPage', inLanguage: 'zh-CN' });
    expect(data.mainEntity).toMatchObject({
      '@type': 'Question',
      name: '社保卡丢了去哪里补办？',
      text: '社保卡丢了去哪里补办？',
      answerCount: 1,
      dateCreated: expect.any(String),
      datePublished: expect.any(String),
      author: { '@type': 'Organization', name: 'jobsite 编辑部' },
      inLanguage: 'zh-CN',
    });
    expect(data.mainEntity.acceptedAnswer).toBeUndefined();
    expect(data.mainEntity.suggestedAnswer[0]).toMatchObject({
      '@type': 'Answer',
      url: `${BASE}/zh${SEED_ZH}#a2`,
      dateCreated: expect.any(String),
      datePublished: expect.any(String),
      upvoteCount: 0,
      author: { '@type': 'Organization', name: 'jobsite 编辑部' },
    });
    expect(data.mainEntity.suggestedAnswer[0].text).toContain('到当地社保局补办。');
  });

  it('shows a question without a Chinese version in English inside the Chinese page, with a notice', async () => {
    const res = await get(`/zh${englishOnly}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<html lang="zh-CN">');
    expect(body).toContain('<p class="notice" role="note">本问题暂无中文版，以下为英文原文。</p>');
    expect(body).toContain('<h1 lang="en">Can my sister collect my new card for me?</h1>');
    expect(body).toContain('<div class="analysis" lang="en"><p>Yes, with <strong>a signed authorisation</strong>.</p>');
    expect(body).toContain('<h3>法律分析</h3>');
    expect(body).toContain('适用地区：广东省');
    // Its only version is the English one: no Chinese alternate, no markup of a copy of its own, and the English
    // page named canonical.
    expect(body).toContain(`<link rel="alternate" hreflang="en" href="${BASE}${englishOnly}"/>`);
    expect(body).not.toContain('hreflang="zh-CN" href');
    expect(body).toContain(`<link rel="canonical" href="${BASE}${englishOnly}"/>`);
    expect(body).not.toContain('application/ld+json');
    // A wrong slug still redirects, under /zh.
    const wrong = await get(`/zh${englishOnly}x`);
    expect(wrong.headers.location).toBe(`/zh${englishOnly}`);
  });

  it('shows a question without an English version in Chinese inside the English page, with a notice', async () => {
    const res = await get(chineseOnly);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('This question has not been translated into English yet.');
    expect(res.body).toContain('<h1 lang="zh-CN">社保卡密码忘了怎么办？</h1>');
    expect(res.body).toContain('<h3>Legal analysis</h3>');
    expect(res.body).toContain('Applies to: Guangdong');
  });

  it('lists one entry per question in the reader’s language, the others marked with their own', async () => {
    const [zh, en] = [await get('/zh/social-security'), await get('/social-security')];
    const latest = (html: string) => /<h2 id="latest-heading">.*?<\/ul>/s.exec(html)![0];
    // Chinese: the seed question by its Chinese version only; the English-only question marked as English.
    expect(latest(zh.body)).toContain(`<a href="/zh${SEED_ZH}">社保卡丢了去哪里补办？</a>`);
    expect(latest(zh.body)).not.toContain('/zh/social-security/questions/1-');
    expect(latest(zh.body)).toContain(
      `<a href="/zh${englishOnly}" lang="en">Can my sister collect my new card for me?</a> <span class="meta language-label">英文</span>`,
    );
    expect(latest(zh.body)).toContain(`<a href="/zh${chineseOnly}">社保卡密码忘了怎么办？</a>`);
    // English: the other way round.
    expect(latest(en.body)).toContain(`<a href="${SEED_EN}">`);
    expect(latest(en.body)).not.toContain(`href="${SEED_ZH}"`);
    expect(latest(en.body)).toContain(
      `<a href="${chineseOnly}" lang="zh-CN">社保卡密码忘了怎么办？</a> <span class="meta language-label">In Chinese</span>`,
    );
    // A topic counts the entries its list holds: the seed question once.
    expect(zh.body).toMatch(/社会保障卡<\/a><p>[^<]*<\/p><p class="meta">3 个问题<\/p>/);
    const topic = await get('/zh/social-security/topics/social-security-card');
    expect(topic.body.match(/<li><a href="\/zh\/social-security\/questions\//g)).toHaveLength(3);
  });

  it('lists related questions in the reader’s language, leaving out the question’s own versions', async () => {
    const related = (html: string) => /<aside aria-labelledby="related-heading">.*?<\/aside>/s.exec(html)?.[0] ?? '';
    const zh = related((await get(`/zh${SEED_ZH}`)).body);
    expect(zh).toContain(`/zh${chineseOnly}`);
    expect(zh).toContain(`<a href="/zh${englishOnly}" lang="en">`);
    expect(zh).not.toMatch(/questions\/(1|2)[-"]/);
    const fallback = related((await get(`/zh${englishOnly}`)).body);
    expect(fallback).toContain(`<a href="/zh${SEED_ZH}">社保卡丢了去哪里补办？</a>`);
  });

  it('keeps the JSON API whole: every question, related ones in the language asked for', async () => {
    const list = (await get('/api/v1/questions?topic=social-security-card')).json();
    expect(list.questions.map((q: { id: number }) => q.id)).toEqual(expect.arrayContaining([1, 2]));
    const zh = (await get('/api/v1/questions/1?lang=zh')).json();
    expect(zh.related.every((r: { locale: string; id: number }) => r.id !== 2)).toBe(true);
    expect(zh.related.map((r: { path: string }) => r.path)).toContain(chineseOnly);
    const topics = (await get('/api/v1/topics')).json().topics;
    expect(topics[0]).toMatchObject({ summaryZh: '社保卡的申领、激活、挂失和补办。' });
  });
});
