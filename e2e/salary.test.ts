/**
 * What a job pays in hand, in Chromium (issue 15), once with JavaScript and once without: a Shanghai job's page
 * shows its monthly take-home range; its link opens the calculator filled in with the job's figures, whose result
 * agrees with the page; choosing another city changes the result (live with JavaScript, through the API; by
 * sending the form without).
 */
import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/database';
import { auditContext, axeViolations } from './axe';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';
import { javaAvailable, validateHtml } from './nu-validator';

const number = (text: string) => Number(text.replace(/[^\d.]/g, ''));

describe.skipIf(!browserAvailable)('take-home pay in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();
  const url = (path: string) => `${suite.site.baseUrl}${path}`;

  /** A published demo job in Shanghai whose insurance is paid on the actual salary. */
  const shanghaiJob = () =>
    (suite.site.database.db as Kysely<Database>)
      .selectFrom('jobs')
      .select(['id', 'salary_min', 'salary_max'])
      .where('region_code', '=', 'CN-SH')
      .where('status', '=', 'published')
      .where('insurance_base', '=', 'actual')
      .orderBy('id')
      .executeTakeFirstOrThrow();

  /** The year's take-home (the results' totals) in yuan. */
  const annualTakeHome = async (page: Page) =>
    number(
      (await page.locator('#salary-results dl.salary-totals dt:text-is("到手") + dd').first().textContent()) ?? '',
    );

  async function journey(javaScriptEnabled: boolean) {
    const job = await shanghaiJob();
    const context = await suite.browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      await page.goto(url(`/zh/jobs/${job.id}`));
      const shown = page.locator('.take-home strong');
      const text = (await shown.textContent()) ?? '';
      const range = /到手约 ¥([\d,]+)–([\d,]+) \/ 月/.exec(text);
      expect(range, `take-home range on the job page: ${text}`).not.toBeNull();
      const [min, max] = [number(range?.[1] ?? ''), number(range?.[2] ?? '')];
      expect(min).toBeGreaterThan(0);
      expect(min).toBeLessThanOrEqual(max);
      expect(max).toBeLessThan(job.salary_max);

      await page.getByRole('link', { name: '用计算器细算' }).click();
      await page.waitForURL((u) => u.pathname === '/zh/tools/salary');
      const address = new URL(page.url());
      expect(address.searchParams.get('city')).toBe('shanghai');
      expect(address.searchParams.get('gross')).toBe(String(job.salary_max));
      await expect(page.getByLabel('城市', { exact: true }).inputValue()).resolves.toBe('shanghai');
      await expect(page.getByLabel('税前月薪（元）').inputValue()).resolves.toBe(String(job.salary_max));
      await page.getByRole('heading', { name: '计算结果' }).waitFor();
      const inShanghai = await annualTakeHome(page);
      // The top of the job's range is the calculator's year over twelve months.
      expect(Math.round(inShanghai / 12)).toBe(max);

      if (javaScriptEnabled) {
        // Live: no page load (the marker survives), the address follows the form.
        await page.evaluate(() => {
          (window as unknown as { stayed: boolean }).stayed = true;
        });
        await page.getByLabel('城市', { exact: true }).selectOption('beijing');
        await page.waitForURL((u) => u.searchParams.get('city') === 'beijing');
        await expect(page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true);
      } else {
        await page.getByLabel('城市', { exact: true }).selectOption('beijing');
        await page.getByRole('button', { name: '计算' }).click();
        await page.waitForURL((u) => u.searchParams.get('city') === 'beijing');
      }
      await page.waitForFunction((before) => {
        const cell = Array.from(document.querySelectorAll('#salary-results dl.salary-totals dt')).find(
          (dt) => dt.textContent === '到手',
        )?.nextElementSibling;
        return cell && Number((cell.textContent ?? '').replace(/[^\d.]/g, '')) !== before;
      }, inShanghai);
      const inBeijing = await annualTakeHome(page);
      expect(inBeijing).toBeGreaterThan(0);
      expect(inBeijing).not.toBe(inShanghai);
      await expect(page.getByLabel('税前月薪（元）').inputValue()).resolves.toBe(String(job.salary_max));
      if (javaScriptEnabled) {
        // The island writes what the server writes: the address it left, loaded afresh, shows the same results.
        // biome-ignore lint/performance/useDomNodeTextContent: the text as read, not the markup's whitespace
        const written = await page.locator('#salary-results').innerText();
        const reloaded = await context.newPage();
        await reloaded.goto(page.url());
        // biome-ignore lint/performance/useDomNodeTextContent: as above
        await expect(reloaded.locator('#salary-results').innerText()).resolves.toBe(written);
      }
    } finally {
      await context.close();
    }
  }

  it('a job page’s take-home range, its calculator link, and another city’s result, with JavaScript', async () => {
    await journey(true);
  });

  it('does the same without JavaScript', async () => {
    await journey(false);
  });

  // The calculator with results, the outlets of a city without any and a city page: valid HTML, no axe violation.
  const AUDITED = [
    '/tools/salary?city=shanghai&gross=20000&housingFundRate=7&bonus=30000',
    '/zh/tools/salary?city=beijing&gross=8000&base=minimum',
    '/social-security/outlets?city=beijing',
    '/zh/social-security/outlets',
    '/zh/cities/shanghai',
  ];

  it('has pages without an axe violation of any impact', async () => {
    const context = await auditContext(suite.browser);
    const violations: Record<string, string[]> = {};
    try {
      const page = await context.newPage();
      for (const path of AUDITED) {
        await page.goto(url(path));
        const found = await axeViolations(page, { all: true });
        if (found.length > 0) violations[path] = found;
      }
    } finally {
      await context.close();
    }
    expect(violations).toEqual({});
  });

  it.skipIf(!javaAvailable)('has valid HTML (W3C Nu validator)', async () => {
    const pages = await Promise.all(
      AUDITED.map(async (path) => ({ name: path, html: await (await fetch(url(path))).text() })),
    );
    const errors = Object.entries(validateHtml(pages)).filter(([, messages]) => messages.length > 0);
    expect(Object.fromEntries(errors)).toEqual({});
  });
});
