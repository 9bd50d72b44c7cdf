/**
 * A Chinese reader's journey (issue 12): from /zh through Chinese navigation and search to the Chinese seed Q&A,
 * its legal basis opened to the article's text, then the same question in English — once with JavaScript and
 * once without. And on a 375 px phone the question's heading is on the first screen.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';

const SEED_TITLE_EN = 'Where can I reissue my social security card if I lose it?';
const ARTICLE_72 = '《中华人民共和国社会保险法》第七十二条';
/** The opening words of Article 72 of the Social Insurance Law, as published. */
const ARTICLE_72_TEXT = '统筹地区设立社会保险经办机构';
const SCREENSHOTS = 'test-results/screenshots';

describe.skipIf(!browserAvailable)('a Chinese reader in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();

  async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await suite.browser.newContext({ locale: 'zh-CN', ...options });
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** /zh → 社保问答 → search → the first result → legal basis → English. */
  async function journey(page: Page) {
    await page.goto(`${suite.site.baseUrl}/zh`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '社保问答' }).click();
    await page.waitForURL((url) => url.pathname === '/zh/social-security');

    const box = page.locator('form[role="search"] input[name="q"]').first();
    await box.fill('社保卡丢了怎么办');
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === '/zh/social-security/search');
    await page.locator('.search-results li a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/zh/social-security/questions/'));

    const heading = await page.locator('h1').textContent();
    expect(heading).toMatch(/社保卡|社会保障卡/);
    for (const section of ['法律分析', '办理流程', '法律依据']) {
      await expect(page.getByRole('heading', { name: section }).count(), section).resolves.toBeGreaterThan(0);
    }
    const basis = page.locator('details', { hasText: ARTICLE_72 }).first();
    await expect(basis.getByText(ARTICLE_72_TEXT).isVisible()).resolves.toBe(false);
    await basis.locator('summary').click();
    await expect(basis.getByText(ARTICLE_72_TEXT).first().isVisible()).resolves.toBe(true);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => /^\/social-security\/questions\/\d+-where-can-i-reissue/.test(url.pathname));
    await expect(page.locator('h1').textContent()).resolves.toBe(SEED_TITLE_EN);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  }

  it('finds the lost-card answer in Chinese and switches to English, with JavaScript', async () => {
    const context = await newContext();
    try {
      await journey(await context.newPage());
    } finally {
      await context.close();
    }
  });

  it('does the same without JavaScript', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      await journey(await context.newPage());
    } finally {
      await context.close();
    }
  });

  it('on a 375 px phone shows the question heading on the first screen, the menu working without JavaScript', async () => {
    const viewport = { width: 375, height: 667 };
    const context = await newContext({ viewport, javaScriptEnabled: false, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${suite.site.baseUrl}/zh/social-security/questions/1`);
      await page.waitForURL((url) => url.pathname.startsWith('/zh/social-security/questions/'));
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/zh-question-375.png` });

      const header = await page.locator('header.site-header').boundingBox();
      expect(header?.height, 'the header is one line').toBeLessThan(64);
      const h1 = await page.locator('h1').boundingBox();
      expect(h1, 'the heading is rendered').not.toBeNull();
      expect((h1?.y ?? 0) + (h1?.height ?? 0), 'the heading ends above the fold').toBeLessThanOrEqual(viewport.height);
      // No sideways scrolling on a phone.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
        viewport.width,
      );

      const laws = page.getByRole('link', { name: '法规库' });
      await expect(laws.isVisible()).resolves.toBe(false);
      await page.getByRole('link', { name: '菜单' }).click();
      await expect(laws.isVisible()).resolves.toBe(true);
      await laws.click();
      await page.waitForURL((url) => url.pathname === '/zh/laws');
    } finally {
      await context.close();
    }
  });
});
