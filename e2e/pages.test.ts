/**
 * The main pages in both languages pass the W3C Nu HTML Checker without errors and axe without any
 * violation (issue 12). Pages are fetched from the running site, following its redirects, as a reader
 * would reach them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditContext, axeViolations } from './axe';
import { browserAvailable, E2E_TIMEOUT, launchBrowser, type RunningSite, startSite } from './browser';
import { javaAvailable, validateHtml } from './nu-validator';

const PAGES = [
  '/',
  '/social-security',
  '/social-security/topics/social-security-card',
  '/social-security/questions/1',
  `/social-security/search?q=${encodeURIComponent('社保卡丢了怎么办')}`,
  '/social-security/ask',
  '/laws',
  '/laws/social-insurance-law',
  '/laws/social-insurance-law/articles/72',
  '/account/sign-in',
  '/account/register',
  '/account/reset',
  '/no-such-page',
];
const BOTH_LANGUAGES = PAGES.flatMap((path) => [path, path === '/' ? '/zh' : `/zh${path}`]);

describe.skipIf(!browserAvailable && !javaAvailable)(
  'the main pages in both languages',
  { timeout: E2E_TIMEOUT },
  () => {
    let site: RunningSite;
    beforeAll(async () => {
      site = await startSite();
    }, E2E_TIMEOUT);
    afterAll(async () => site?.close());

    it.skipIf(!javaAvailable)('are valid HTML (W3C Nu validator)', async () => {
      const pages = await Promise.all(
        BOTH_LANGUAGES.map(async (path) => {
          const response = await fetch(`${site.baseUrl}${path}`);
          expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
          return { name: path, html: await response.text() };
        }),
      );
      const errors = Object.entries(validateHtml(pages)).filter(([, messages]) => messages.length > 0);
      expect(Object.fromEntries(errors)).toEqual({});
    });

    describe.skipIf(!browserAvailable)('in Chromium', () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchBrowser();
      }, E2E_TIMEOUT);
      afterAll(async () => browser?.close());

      it('show axe no violation of any impact', async () => {
        const context = await auditContext(browser);
        context.setDefaultTimeout(30_000);
        const violations: Record<string, string[]> = {};
        try {
          const page = await context.newPage();
          for (const path of BOTH_LANGUAGES) {
            await page.goto(`${site.baseUrl}${path}`);
            const found = await axeViolations(page, { all: true });
            if (found.length > 0) violations[path] = found;
          }
        } finally {
          await context.close();
        }
        expect(violations).toEqual({});
      });
    });
  },
);
