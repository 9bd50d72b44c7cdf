/**
 * The jobs board in Chromium (issue 13), once with JavaScript and once without: an employer creates a company and
 * writes a job in Chinese, an editor verifies the company and approves the job, and an anonymous seeker finds it on
 * /zh/jobs with a Chinese keyword plus the city and 五险一金 filters, opens it, and follows the 五险一金 tag to the
 * Chinese answer that explains it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newCreditCode } from '../src/test-support/companies';
import { signInAs } from '../src/test-support/forms';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';

/** The zh title of data/demo/questions.json's what-are-five-insurances-one-fund. */
const EXPLAINER_TITLE_ZH = '招聘启事里的“五险一金”指什么？';

/** Each journey's names carry their own number, so runs and journeys do not meet on the board. */
let codeCounter = Date.now() % 900_000;

describe.skipIf(!browserAvailable)('the jobs board in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();
  const url = (path: string) => `${suite.site.baseUrl}${path}`;

  async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await suite.browser.newContext({ locale: 'zh-CN', ...options });
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** Signs in through the Chinese sign-in form, landing on `next`. */
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
    codeCounter += 1;
    const token = `${javaScriptEnabled ? 'JS' : 'NOJS'}${codeCounter}`;
    const companyZh = `深前科技${token}有限公司`;
    const companyEn = `Shenqian Tech ${token} Ltd`;
    const title = `前端开发工程师 ${token}`;
    const contexts: BrowserContext[] = [];
    const context = async () => {
      const created = await newContext({ javaScriptEnabled });
      contexts.push(created);
      return created;
    };
    try {
      // ---- the employer creates the company and writes the job --------------------------------------------
      const employer = await signInAs(suite.site, 'employer', { displayName: '王经理' });
      const desk = await signIn(await context(), employer.user.email, employer.password, '/zh/employer');
      await desk.getByRole('link', { name: '创建公司' }).click();
      await desk.waitForURL((u) => u.pathname === '/zh/employer/companies/new');
      await desk.getByLabel('统一社会信用代码').fill(newCreditCode());
      await desk.getByLabel('企业中文名称（与营业执照一致）').fill(companyZh);
      await desk.getByLabel('企业英文名称').fill(companyEn);
      await desk.getByLabel('行业').selectOption({ label: '互联网/软件' });
      await desk.getByLabel('规模').selectOption({ label: '50-149人' });
      await desk.getByLabel('所在城市').selectOption({ label: '深圳市' });
      await desk.getByLabel('企业介绍（中文）').fill('一家做企业软件的深圳公司。');
      await desk.getByRole('button', { name: '创建企业' }).click();
      await desk.waitForURL((u) => u.pathname.startsWith('/zh/companies/'));
      await desk.getByRole('heading', { level: 1, name: companyZh }).waitFor();

      await desk.goto(url('/zh/employer'));
      const company = desk.getByRole('region', { name: companyZh });
      await company.getByRole('link', { name: '发布职位' }).click();
      await desk.waitForURL((u) => u.pathname === '/zh/employer/jobs/new' && u.searchParams.has('company'));
      const chinese = desk.getByRole('group', { name: '中文', exact: true });
      await chinese.getByLabel('职位名称').fill(title);
      await chinese
        .getByLabel('职位描述')
        .fill('**岗位职责：**\n\n- 使用 React 和 TypeScript 开发招聘系统的前端页面\n- 与设计、后端一起完成需求');
      await desk.getByLabel('工作城市').selectOption({ label: '深圳市' });
      await desk.getByLabel('最低', { exact: true }).fill('15000');
      await desk.getByLabel('最高', { exact: true }).fill('25000');
      await desk.getByLabel('每年发薪月数').selectOption({ label: '13薪' });
      await desk.getByLabel('经验要求').selectOption({ label: '3-5年' });
      await desk.getByLabel('学历要求').selectOption({ label: '本科' });
      const benefits = desk.getByRole('group', { name: '福利待遇' });
      await benefits.getByLabel('五险一金', { exact: true }).check();
      await benefits.getByLabel('双休', { exact: true }).check();
      await desk.getByLabel('按实际工资缴纳').check();
      await desk.getByLabel('公积金缴存比例（%）').fill('12');
      await desk.getByRole('button', { name: '保存草稿' }).click();
      await desk.waitForURL((u) => u.pathname === '/zh/employer' && u.searchParams.get('notice') === 'created');
      const draft = company.getByRole('listitem').filter({ hasText: title });
      await draft.getByText('草稿', { exact: true }).waitFor();
      await draft.getByRole('button', { name: '提交审核' }).click();
      await desk.waitForURL((u) => u.pathname === '/zh/employer' && u.searchParams.get('notice') === 'submitted');
      await company.getByRole('listitem').filter({ hasText: title }).getByText('审核中', { exact: true }).waitFor();

      // ---- an editor verifies the company and approves the job --------------------------------------------
      const editor = await signInAs(suite.site, 'editor', { displayName: '陈编辑' });
      const review = await signIn(await context(), editor.user.email, editor.password, '/zh/moderation/companies');
      await review
        .getByRole('article')
        .filter({ hasText: companyZh })
        .getByRole('button', { name: '通过认证' })
        .click();
      await review.waitForURL((u) => u.searchParams.get('done') === 'verified');
      await review.getByRole('status').getByText('企业已通过认证。').waitFor();

      await review.goto(url('/zh/moderation/jobs'));
      await review.getByRole('link', { name: title, exact: true }).click();
      await review.waitForURL((u) => /^\/zh\/moderation\/jobs\/\d+$/.test(u.pathname));
      await review.getByRole('button', { name: '通过并发布' }).click();
      await review.waitForURL((u) => u.pathname === '/zh/moderation/jobs');
      await review.getByRole('status').getByText('已通过，职位已上线。').waitFor();

      // ---- a seeker finds it with a Chinese keyword, the city and the 五险一金 filter --------------------------
      const seeker = await (await context()).newPage();
      await seeker.goto(url('/zh/jobs'));
      const keyword = seeker.getByLabel('职位、技能或公司');
      await keyword.fill('前端');
      await seeker
        .getByRole('search')
        .filter({ has: keyword })
        .getByRole('button', { name: '搜索', exact: true })
        .click();
      await seeker.waitForURL((u) => u.pathname === '/zh/jobs' && u.searchParams.get('q') === '前端');
      await seeker
        .getByRole('group', { name: '城市', exact: true })
        .getByRole('radio', { name: /^深圳市/ })
        .check();
      await seeker
        .getByRole('group', { name: '福利待遇', exact: true })
        .getByRole('checkbox', { name: /^五险一金/ })
        .check();
      await seeker.getByRole('button', { name: '筛选', exact: true }).click();
      await seeker.waitForURL(
        (u) =>
          u.searchParams.get('q') === '前端' &&
          u.searchParams.get('city') === 'CN-GD-SZ' &&
          u.searchParams.getAll('benefits').includes('five-insurances-one-fund'),
      );
      const results = seeker.getByRole('region', { name: '搜索结果' });
      await results.getByRole('link', { name: title, exact: true }).click();
      await seeker.waitForURL((u) => /^\/zh\/jobs\/\d+(-|$)/.test(u.pathname));

      const job = seeker.getByRole('article');
      await expect(job.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
      await job.getByText('15-25K·13薪', { exact: true }).waitFor();
      await job.getByText('¥15k–25k a month · 13 months', { exact: true }).waitFor();
      const insurance = job.locator('section').filter({ has: seeker.getByRole('heading', { name: '社保和公积金' }) });
      await insurance.getByText('按实际工资', { exact: true }).waitFor();
      await insurance.getByText('单位和个人各缴工资的12%', { exact: true }).waitFor();

      const jsonLd = (await seeker.locator('script[type="application/ld+json"]').allTextContents()).map(
        (text) => JSON.parse(text) as Record<string, unknown>,
      );
      const posting = jsonLd.find((item) => item['@type'] === 'JobPosting');
      expect(posting, 'the approved job has JobPosting JSON-LD').toMatchObject({
        '@type': 'JobPosting',
        title,
        baseSalary: { currency: 'CNY', value: { minValue: 15000, maxValue: 25000, unitText: 'MONTH' } },
      });

      await job.getByRole('link', { name: '五险一金', exact: true }).click();
      await seeker.waitForURL((u) => u.pathname.startsWith('/zh/social-security/questions/'));
      await expect(seeker.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(EXPLAINER_TITLE_ZH);
      await expect(seeker.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    } finally {
      for (const c of contexts) await c.close();
    }
  }

  it('an employer posts a job, an editor approves it, a seeker finds it and its 五险一金 explainer, with JavaScript', async () => {
    await journey(true);
  });

  it('does the same without JavaScript', async () => {
    await journey(false);
  });
});
