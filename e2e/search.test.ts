import { describe, expect, it } from 'vitest';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';

describe.skipIf(!browserAvailable)('searching the inquiry center in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();

  it('suggests the seed question while typing, then finds it as the first result', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.site.baseUrl}/social-security`);
    const box = page.getByRole('combobox', { name: 'Search social security questions' });
    await box.pressSequentially('lost social security card', { delay: 20 });
    const suggestion = page.getByRole('option', { name: 'Where can I reissue my social security card if I lose it?' });
    await suggestion.waitFor();
    await box.press('Enter');
    await page.waitForURL(/\/social-security\/search\?q=lost\+social\+security\+card/);
    await page.locator('.search-results li a').first().click();
    await page.waitForURL(/\/social-security\/questions\/1-where-can-i-reissue/);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Where can I reissue my social security card if I lose it?',
    );
    await page.close();
  });

  it('searches without JavaScript', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${suite.site.baseUrl}/`);
    await page.getByRole('searchbox', { name: 'Search social security questions' }).fill('社保卡丢了怎么办');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/social-security\/search\?q=/);
    await expect(page.locator('.search-results li a').first().getAttribute('href')).resolves.toMatch(
      /^\/social-security\/questions\/1-/,
    );
    await context.close();
  });
});
