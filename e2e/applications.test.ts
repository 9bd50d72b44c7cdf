/**
 * Applying for a job in Chromium (issue 14), once with JavaScript and once without: a seeker fills in a résumé
 * through the résumé form, uploads a PDF, and applies from the job page with the PDF and a note; the employer opens
 * the application (the seeker sees 被查看) and invites them to an interview (the seeker sees 邀面试 with the time, and
 * a notification); another company's employer cannot open the file's URL. The employers, companies and the job are
 * arranged through the services; everything the seeker and the employer do is done in the browser.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/accounts';
import { newCreditCode } from '../src/test-support/companies';
import { openTestApp, sqliteEngine, type TestApp } from '../src/test-support/databases';
import { minimalPdf } from '../src/test-support/files';
import { type Cookies, signInAs } from '../src/test-support/forms';
import { browserAvailable, E2E_TIMEOUT, launchBrowser } from './browser';

describe.skipIf(!browserAvailable)('applying for a job in a browser', { timeout: E2E_TIMEOUT }, () => {
  let t: TestApp;
  let baseUrl = '';
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([
      openTestApp(sqliteEngine, { seed: { dataDir: 'data', demoFile: null } }),
      launchBrowser(),
    ]);
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  const url = (path: string) => `${baseUrl}${path}`;

  /** A verified company of `owner`, through the companies service. */
  async function company(owner: Viewer, editor: Viewer, name: string): Promise<number> {
    const companies = t.modules.companies.service;
    const { slug } = await companies.create(owner, {
      ...{
        nameZh: `${name}有限公司`,
        nameEn: `${name} Ltd ${randomBytes(3).toString('hex')}`,
        creditCode: newCreditCode(),
      },
      ...{ industry: 'logistics', size: '50-149', city: 'CN-GD-SZ', website: '', descriptionEn: '', descriptionZh: '' },
    });
    const id = (await companies.membershipsOf(owner.id)).find((m) => m.company.slug === slug)!.company.id;
    await companies.verify(editor, id);
    return id;
  }

  async function contextWith(cookies: Cookies, javaScriptEnabled: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
    context.setDefaultTimeout(15_000);
    const { hostname } = new URL(baseUrl);
    await context.addCookies(
      Object.entries(cookies).map(([name, value]) => ({ name, value, domain: hostname, path: '/' })),
    );
    return context;
  }

  async function journey(javaScriptEnabled: boolean) {
    const mark = javaScriptEnabled ? 'JS' : 'NOJS';
    const editor = await signInAs(t, 'editor');
    const employerA = await signInAs(t, 'employer', { displayName: '王经理' });
    const employerB = await signInAs(t, 'employer', { displayName: '赵经理' });
    const companyA = await company(employerA.user, editor.user, `明光物流${mark}`);
    await company(employerB.user, editor.user, `远方快运${mark}`);
    const posting = t.modules.jobs.posting;
    const title = `仓库调度员 ${mark}`;
    const { id: jobId } = await posting.createDraft(employerA.user, companyA, {
      ...{ titleEn: '', titleZh: title, descriptionEn: '', descriptionZh: '安排每天的配送路线。' },
      ...{ city: 'CN-GD-SZ', district: '', salaryMin: '8000', salaryMax: '12000', salaryMonths: '13' },
      ...{ experience: '1-3', education: 'any', employmentType: 'full-time', headcount: '2', benefits: [] },
      ...{ insuranceBase: 'actual', insuranceBaseAmount: '', housingFundRate: '12', validDays: '30' },
    });
    await posting.submit(employerA.user, jobId);
    await posting.approve(editor.user, jobId);
    const seekerAccount = await signInAs(t, 'member', { displayName: '张伟' });

    const contexts: BrowserContext[] = [];
    try {
      // ---- the seeker fills in a résumé and uploads a PDF -------------------------------------------------
      const seekerContext = await contextWith(seekerAccount.cookies, javaScriptEnabled);
      contexts.push(seekerContext);
      const seeker = await seekerContext.newPage();
      await seeker.goto(url('/zh/account/resume'));
      await seeker.getByLabel('姓名').fill('张伟');
      await seeker.getByLabel('联系邮箱').fill('zhang.wei@example.test');
      await seeker.getByLabel('手机号码').fill('13800138000');
      await seeker.getByLabel('技能').fill('叉车驾驶\nExcel');
      await seeker.getByLabel('自我评价').fill('八年物流经验，熟悉仓储调度。');
      await seeker.getByRole('button', { name: '保存简历' }).first().click();
      await seeker.waitForLoadState();
      await seeker.getByLabel('PDF 文件').setInputFiles({
        name: 'zhang-wei-cv.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('Zhang Wei forklift dispatcher'),
      });
      await seeker.getByRole('button', { name: '上传', exact: true }).click();
      await seeker.getByText('zhang-wei-cv.pdf').first().waitFor();

      // ---- applies from the job page, choosing the PDF and writing a note ---------------------------------
      await seeker.goto(url(`/zh/jobs/${jobId}`));
      await seeker.getByRole('heading', { level: 1, name: title }).waitFor();
      await seeker.getByRole('link', { name: '先选择 PDF 简历或附言' }).click();
      await seeker.getByLabel(/zhang-wei-cv\.pdf/).check();
      await seeker.getByLabel('给招聘方的附言（选填）').fill('下个月即可到岗。');
      await seeker.getByRole('button', { name: '确认投递' }).click();
      await seeker.waitForURL((u) => u.pathname === '/zh/account/applications');
      const mine = seeker.locator('li[id^="application-"]').filter({ hasText: title });
      await expect(mine.locator('.badge').textContent()).resolves.toBe('已投递');

      // ---- the employer opens it: the seeker sees 被查看 ----------------------------------------------------
      const employerContext = await contextWith(employerA.cookies, javaScriptEnabled);
      contexts.push(employerContext);
      const desk = await employerContext.newPage();
      await desk.goto(url(`/zh/employer/jobs/${jobId}/applicants`));
      await desk.getByRole('link', { name: '张伟' }).click();
      await desk.getByRole('heading', { level: 1, name: '张伟 的投递' }).waitFor();
      await desk.getByText('下个月即可到岗。').waitFor();
      const file = await employerContext.request.get(url(`/employer/applications/${desk.url().split('/').pop()}/file`));
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('application/pdf');
      await seeker.reload();
      await expect(mine.locator('.badge').textContent()).resolves.toBe('被查看');

      // ---- invites to an interview: the seeker sees 邀面试 with the time, and a notification ---------------
      await desk.getByLabel('面试日期和时间（北京时间）').fill('2026-12-20T14:30');
      await desk.getByLabel('面试地点或视频链接').fill('深圳市南山区科技园 3 号楼');
      await desk.getByRole('button', { name: '邀请面试' }).click();
      await desk.getByText('已完成，并已通知应聘者。').waitFor();
      await seeker.reload();
      await expect(mine.locator('.badge').textContent()).resolves.toBe('邀面试');
      await expect(mine.textContent()).resolves.toContain('2026-12-20 14:30');
      await seeker.goto(url('/zh/account/notifications'));
      await seeker.getByText(/邀请你面试“仓库调度员.*2026-12-20 14:30/).waitFor();

      // ---- another company's employer cannot open the file ------------------------------------------------
      const otherContext = await contextWith(employerB.cookies, javaScriptEnabled);
      contexts.push(otherContext);
      const other = await otherContext.newPage();
      const applicationPath = new URL(desk.url()).pathname.replace(/^\/zh/, '');
      const refused = await other.goto(url(`${applicationPath}/file`));
      expect(refused?.status()).toBe(404);
      const list = await other.goto(url(`/zh/employer/jobs/${jobId}/applicants`));
      expect(list?.status()).toBe(403);
      expect(await other.content()).not.toContain('张伟');
    } finally {
      for (const context of contexts) await context.close();
    }
  }

  it('works with JavaScript', () => journey(true));
  it('works without JavaScript', () => journey(false));
});
