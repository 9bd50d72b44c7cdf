/**
 * The résumé in Chromium (issue 14), with JavaScript and without: a seeker signs in, fills the Chinese résumé form
 * (adding a work row with the "add another" button, which is a plain submit), saves it, uploads a PDF and finds it
 * listed and downloadable; a renamed program is refused with the reason by the field; another seeker gets a 404 at
 * the file's address. The page passes axe.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fakeExe, minimalPdf } from '../src/test-support/files';
import { signInAs } from '../src/test-support/forms';
import { auditContext, axeViolations } from './axe';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';

describe.skipIf(!browserAvailable)('the résumé in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();
  const url = (path: string) => `${suite.site.baseUrl}${path}`;

  async function signIn(context: BrowserContext, email: string, password: string, next: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url(`/zh/account/sign-in?next=${encodeURIComponent(next)}`));
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((u) => u.pathname === next);
    return page;
  }

  async function journey(javaScriptEnabled: boolean) {
    const dir = tmpdir();
    const pdfPath = join(dir, `简历-${javaScriptEnabled ? 'js' : 'nojs'}.pdf`);
    writeFileSync(pdfPath, minimalPdf('Forklift licence 2019'));
    const exePath = join(dir, `setup-${javaScriptEnabled ? 'js' : 'nojs'}.pdf`);
    writeFileSync(exePath, fakeExe());

    const seeker = await signInAs(suite.site, 'member', { displayName: '陈静' });
    const context = await suite.browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
    context.setDefaultTimeout(15_000);
    try {
      const page = await signIn(context, seeker.user.email, seeker.password, '/zh/account/resume');
      expect(await page.getByLabel('姓名').inputValue()).toBe('陈静');
      await page.getByLabel('手机号码').fill('13900001111');
      await page.getByLabel('期望工作城市').selectOption({ label: '深圳市' });
      await page.getByLabel('学校').fill('华南理工大学');
      await page.getByLabel('学历（如 本科）').fill('本科');
      await page.locator('#resume-education-0-from').fill('2012-09');
      await page.locator('#resume-education-0-to').fill('2016-06');
      await page.getByRole('button', { name: '再添加一段工作经历' }).click();
      await page.locator('#resume-work-1-company').waitFor();
      await page.locator('#resume-work-0-company').fill('顺达物流');
      await page.locator('#resume-work-0-title').fill('仓库主管');
      await page.locator('#resume-work-0-from').fill('2016-07');
      await page.getByLabel('技能').fill('叉车, WMS');
      await page.getByRole('button', { name: '保存简历' }).first().click();
      await page.getByText('简历已保存。').waitFor();
      expect(await page.locator('#resume-work-0-company').inputValue()).toBe('顺达物流');
      const audit = await auditContext(suite.browser, context);
      try {
        const audited = await audit.newPage();
        await audited.goto(url('/zh/account/resume'));
        expect(await axeViolations(audited)).toEqual([]);
      } finally {
        await audit.close();
      }

      await page.getByLabel('PDF 文件').setInputFiles(exePath);
      await page.getByRole('button', { name: '上传', exact: true }).click();
      await page.getByText('只能上传 PDF 文件').waitFor();

      await page.getByLabel('PDF 文件').setInputFiles(pdfPath);
      await page.getByRole('button', { name: '上传', exact: true }).click();
      await page.getByText('PDF 已上传。').waitFor();
      const link = page.getByRole('link', { name: /^简历-.*\.pdf$/ });
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/zh\/account\/resume\/files\/[A-Za-z0-9_-]{22}$/);
      const own = await context.request.get(url(href!));
      expect(own.status()).toBe(200);
      expect(own.headers()['content-disposition']).toMatch(/^attachment;/);

      const other = await signInAs(suite.site, 'member');
      const stranger = await suite.browser.newContext({ javaScriptEnabled });
      try {
        const strangerPage = await signIn(stranger, other.user.email, other.password, '/zh/account/resume');
        const response = await strangerPage.goto(url(href!));
        expect(response?.status()).toBe(404);
      } finally {
        await stranger.close();
      }
    } finally {
      await context.close();
    }
  }

  it('works with JavaScript', () => journey(true));
  it('works without JavaScript', () => journey(false));
});
