import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, E2E_TIMEOUT, launchBrowser, type RunningSite, startSite } from './browser';

describe.skipIf(!browserAvailable)('searching the inquiry center in a browser', { timeout: E2E_TIMEOUT }, () => {
  let site: RunningSite;
  let browser: Browser;
  beforeAll(async () => {
    [site, browser] = await Promise.all([startSite(), launchBrowser()]);
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('suggests the seed question while typing, then finds it as the first result', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.baseUrl}/social-security`);
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
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/`);
    await page.getByRole('searchbox', { name: 'Search social security questions' }).fill('社保卡丢了怎么办');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/social-security\/search\?q=/);
    await expect(page.locator('.search-results li a').first().getAttribute('href')).resolves.toMatch(
      /^\/social-security\/questions\/1-/,
    );
    await context.close();
  });
});
