import { describe, expect, it } from 'vitest';
import { auditContext, axeViolations } from './axe';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';

describe.skipIf(!browserAvailable)('reading the seed question in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();

  for (const javaScriptEnabled of [true, false]) {
    it(`goes from the inquiry center to Article 72 with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await suite.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${suite.site.baseUrl}/social-security`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Social security inquiry');

      await page
        .getByRole('link', { name: 'Where can I reissue my social security card if I lose it?' })
        .first()
        .click();
      await page.waitForURL(/\/social-security\/questions\/\d+-where-can-i-reissue/);
      await expect(page.locator('h1').textContent()).resolves.toBe(
        'Where can I reissue my social security card if I lose it?',
      );

      const citation = page.locator('.legal-basis li', { hasText: 'Social Insurance Law, Article 72' });
      const articleText = citation.locator('blockquote');
      await expect(articleText.isVisible()).resolves.toBe(false);
      await citation.locator('summary').click();
      await expect(articleText.isVisible()).resolves.toBe(true);
      await expect(articleText.textContent()).resolves.toContain('统筹地区设立社会保险经办机构');

      await citation.getByRole('link', { name: 'Open in the statute library' }).click();
      await page.waitForURL(/\/laws\/social-insurance-law\/articles\/72$/);
      await expect(page.locator('blockquote').textContent()).resolves.toContain(
        '可以在本统筹地区设立分支机构和服务网点',
      );
      await context.close();
    });
  }

  it('has no serious accessibility violations on the main pages', async () => {
    const context = await auditContext(suite.browser);
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of [
      '/',
      '/social-security',
      '/social-security/topics/pension',
      '/social-security/questions/1',
      '/laws',
      '/laws/social-insurance-law/articles/72',
      '/social-security/search?q=pension',
      '/social-security/search?q=xylophone',
    ]) {
      await page.goto(`${suite.site.baseUrl}${path}`);
      const violations = await axeViolations(page);
      if (violations.length) found[path] = violations;
    }
    await context.close();
    expect(found).toEqual({});
  });
});
