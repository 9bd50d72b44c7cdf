/**
 * The library grows (issue 16): the Civil Code, kept by the source as eight part files of one statute, and the
 * Individual Income Tax Law with its Implementing Regulations, shipped in data/statutes/library/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import type { StatuteService } from './service';

describe.each(testEngines)('the Civil Code and the income tax law in the library on $name', (engine) => {
  let t: TestApp;
  let statutes: StatuteService;
  beforeAll(async () => {
    t = await openTestApp(engine);
    statutes = t.modules.statutes.service;
  });
  afterAll(async () => t?.close());

  it.each([1, 577, 1165, 1260])('resolves Article %i from 《民法典》 and 《中华人民共和国民法典》', async (n) => {
    for (const title of ['民法典', '中华人民共和国民法典']) {
      const [found] = await statutes.resolveCitations(`《${title}》第${n}条`);
      expect(found).toMatchObject({ ok: true, statute: { slug: 'civil-code' }, article: { number: n } });
    }
    const [chinese] = await statutes.resolveCitations(
      n === 577
        ? '《民法典》第五百七十七条'
        : n === 1165
          ? '《中华人民共和国民法典》第一千一百六十五条'
          : '民法典第1条',
    );
    expect(chinese).toMatchObject({ ok: true, statute: { slug: 'civil-code' } });
  });

  it('keeps every article of the eight parts, numbered on across them, with parts, sub-parts, chapters and sections', async () => {
    const code = await statutes.getStatute('civil-code');
    expect(code.articles).toHaveLength(1260);
    expect(code.articles.map((a) => a.number)).toEqual(Array.from({ length: 1260 }, (_, i) => i + 1));
    expect(code.articles[0]).toMatchObject({ part: '第一编 总则', subpart: null, chapter: '第一章 基本规定' });
    expect(code.articles[576]).toMatchObject({
      part: '第三编 合同',
      subpart: '第一分编 通则',
      chapter: '第八章 违约责任',
    });
    expect(code.articles[1164]).toMatchObject({ part: '第七编 侵权责任', chapter: '第一章 一般规定' });
    expect(code.articles[1259]).toMatchObject({ part: '附则', chapter: null });
    expect(code.articles[19]?.section).toBe('第一节 民事权利能力和民事行为能力');
  });

  it('shows the hierarchy on the statute page with a table of contents', async () => {
    const page = await t.app.inject('/zh/laws/civil-code');
    expect(page.statusCode).toBe(200);
    const contents = /<nav class="statute-contents"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? '';
    for (const heading of ['第一编 总则', '第三编 合同', '第一分编 通则', '第八章 违约责任', '第七编 侵权责任', '附则'])
      expect(contents).toContain(heading);
    // Parts are the top level, and each entry links to its heading on the page.
    expect(contents).toMatch(/<a href="#(toc-463-0)">第三编 合同<\/a>/);
    expect(page.body).toContain('<h2 id="toc-463-0">第三编 合同</h2>');
    expect(page.body).toContain('<h3 id="toc-463-1">第一分编 通则</h3>');
    // A law of chapters only has its chapters at the top of its contents.
    const law = await t.app.inject('/laws/social-insurance-law');
    expect(law.body).toMatch(/<nav class="statute-contents"[\s\S]*?<a href="#toc-1-0" lang="zh-CN">第一章 总则<\/a>/);
  });

  it('holds the Individual Income Tax Law and its Implementing Regulations', async () => {
    const [law, regulations] = await statutes.resolveCitations(
      '《个人所得税法》第六条 and 《中华人民共和国个人所得税法实施条例》第二十五条',
    );
    expect(law).toMatchObject({ ok: true, statute: { slug: 'individual-income-tax-law' }, article: { number: 6 } });
    expect(regulations).toMatchObject({
      ok: true,
      statute: { slug: 'individual-income-tax-law-implementing-regulations' },
      article: { number: 25 },
    });
    expect((await statutes.getArticle('individual-income-tax-law', 6)).text).toContain('六万元');
  });
});
