import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCreditCode } from '../../test-support/companies';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { signInAs } from '../../test-support/forms';
import { addDays } from '../posting/expiry';
import { insertJob, today } from './testing';

/** A verified shipped company to hang fixture jobs on. */
const anyCompanyId = async (t: TestApp) =>
  (
    await t.db
      .selectFrom('companies')
      .select('id')
      .where('status', '=', 'verified')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

/** The JSON-LD blocks of a page, parsed. */
const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));

describe.each(testEngines)('job pages and the jobs API on $name', (engine) => {
  let t: TestApp;
  let ids: Record<'open' | 'expired' | 'closed' | 'paused' | 'draft' | 'pending' | 'rejected' | 'minimum', number>;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
    const company = await anyCompanyId(t);
    const job = (changes: Parameters<typeof insertJob>[2], benefits: string[] = []) =>
      insertJob(t, company, changes, benefits);
    ids = {
      open: await job(
        {
          title_en: 'Warehouse keeper </script><b>',
          title_zh: '仓库管理员',
          slug: 'warehouse-keeper',
          description_en_md: 'Count the **stock**. <script>alert(1)</script>',
          description_zh_md: '负责**库存**盘点。',
          region_code: 'CN-GD-SZ',
          district_code: 'CN-GD-SZ-NS',
          salary_min: 15000,
          salary_max: 25000,
          salary_months: 13,
          headcount: 3,
        },
        ['five-insurances-one-fund', 'paid-annual-leave'],
      ),
      expired: await job({ title_en: 'Past keeper', slug: 'past-keeper', valid_through: addDays(today(), -1) }),
      closed: await job({ title_en: 'Closed keeper', slug: 'closed-keeper', status: 'closed' }),
      paused: await job({ title_en: 'Paused keeper', slug: 'paused-keeper', status: 'paused' }),
      draft: await job({ title_en: 'Draft keeper', slug: 'draft-keeper', status: 'draft' }),
      pending: await job({ title_en: 'Pending keeper', slug: 'pending-keeper', status: 'pending' }),
      rejected: await job({ title_en: 'Rejected keeper', slug: 'rejected-keeper', status: 'rejected' }),
      minimum: await job({
        title_en: 'Cashier',
        title_zh: null,
        slug: 'cashier',
        insurance_base: 'minimum',
        housing_fund_rate: null,
      }),
    };
  }, 300_000);
  afterAll(async () => t?.close());

  it('shows an open job with its salary in both notations, facts, tags linking their answers, and JSON-LD', async () => {
    const response = await get(`/jobs/${ids.open}-warehouse-keeper`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('¥15k–25k a month · 13 months');
    expect(html).toContain('15-25K·13薪');
    expect(html).toContain('Shenzhen · Nanshan');
    expect(html).not.toContain('noindex');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<strong>stock</strong>');
    // The 五险一金 tag links the Q&A that explains it.
    expect(html).toMatch(
      /<a href="\/social-security\/questions\/\d+[^"]*">Five insurances and (one|housing) fund<\/a>/,
    );
    // Anonymous readers share one page without a CSRF token: the report form is on its own page.
    expect(html).toContain(`<a href="/jobs/${ids.open}/report">`);
    const [ld, ...more] = jsonLdOf(html);
    expect(more).toEqual([]);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Warehouse keeper </script><b>',
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization' },
      jobLocation: { address: { '@type': 'PostalAddress', addressLocality: 'Shenzhen Nanshan', addressCountry: 'CN' } },
      baseSalary: { currency: 'CNY', value: { minValue: 15000, maxValue: 25000, unitText: 'MONTH' } },
      identifier: { value: String(ids.open) },
    });
    expect(ld.description).toContain('Count the stock.');
    expect(ld.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
    expect(Date.parse(ld.datePosted)).not.toBeNaN();
    // No text inside closes the script element early.
    expect(html).not.toContain('</script><b>');
  });

  it('shows the job in Chinese under /zh, with the Chinese salary first and the Chinese answers', async () => {
    const response = await get(`/zh/jobs/${ids.open}-warehouse-keeper`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('<h1>仓库管理员');
    expect(html).toContain('<strong>15-25K·13薪</strong>');
    expect(html).toContain('深圳市 · 南山区');
    expect(html).toContain('社保缴费基数');
    expect(html).toMatch(/<a href="\/zh\/social-security\/questions\/\d+[^"]*">五险一金<\/a>/);
    expect(jsonLdOf(html)[0]).toMatchObject({ title: '仓库管理员', inLanguage: 'zh-CN' });
  });

  it('redirects a missing or wrong slug to the canonical address (301)', async () => {
    const wrong = await get(`/jobs/${ids.open}-something-else`);
    expect(wrong.statusCode).toBe(301);
    expect(wrong.headers.location).toBe(`/jobs/${ids.open}-warehouse-keeper`);
    const bare = await get(`/zh/jobs/${ids.open}`);
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe(`/zh/jobs/${ids.open}-warehouse-keeper`);
  });

  it('says a minimum base costs the worker, and links the answer on it; a post in English only says so in Chinese', async () => {
    const en = (await get(`/jobs/${ids.minimum}-cashier`)).body;
    expect(en).toContain('The city’s minimum base');
    expect(en).toContain('What a minimum base means for you');
    expect(en).toContain('None paid');
    const zh = (await get(`/zh/jobs/${ids.minimum}-cashier`)).body;
    expect(zh).toContain('按当地最低缴费基数');
    expect(zh).toContain('<h1 lang="en">Cashier');
    expect(zh).toContain('英文职位');
    // Its page in Chinese is the English one's frame: canonical there, no Chinese version announced.
    expect(zh).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/jobs/${ids.minimum}-cashier"`));
    expect(zh).not.toContain('hreflang="zh-CN" href=');
  });

  it.each(['expired', 'closed', 'paused'] as const)(
    'shows a %s job as such: 200, noindex, no JSON-LD',
    async (state) => {
      const slug = { expired: 'past-keeper', closed: 'closed-keeper', paused: 'paused-keeper' }[state];
      const response = await get(`/jobs/${ids[state]}-${slug}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<meta name="robots" content="noindex"');
      expect(jsonLdOf(response.body)).toEqual([]);
      expect(response.body).toMatch(/no longer open|closed|paused/);
      expect(response.body).not.toContain('/report"');
      const api = (await get(`/api/v1/jobs/${ids[state]}`)).json();
      expect(api.state).toBe(state);
    },
  );

  it.each(['draft', 'pending', 'rejected'] as const)('does not show a %s job (404), page or API', async (state) => {
    expect((await get(`/jobs/${ids[state]}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/jobs/${ids[state]}`)).statusCode).toBe(404);
  });

  it('answers the search page in both languages, with facet counts and noindex once filtered', async () => {
    const plain = await get('/jobs');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain('noindex');
    expect(plain.body).toMatch(/<link rel="canonical" href="[^"]*\/jobs"/);
    const zh = await get(
      `/zh/jobs?q=${encodeURIComponent('仓库管理员')}&city=CN-GD-SZ&benefits=five-insurances-one-fund`,
    );
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('noindex');
    expect(zh.body).toContain('共 1 个在招职位');
    expect(zh.body).toContain(`href="/zh/jobs/${ids.open}-warehouse-keeper"`);
    expect(zh.body).toContain('15-25K·13薪');
    // The city chosen, with its count beside it; the benefit ticked.
    expect(zh.body).toMatch(/value="CN-GD-SZ" checked(="")?\/> 深圳市 <span class="facet-count">（1）<\/span>/);
    expect(zh.body).toMatch(/value="five-insurances-one-fund" checked/);
  });

  it('re-shows the search page with the reason for an unknown city (400)', async () => {
    const response = await get('/jobs?city=CN-XX');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choose a city or district from the list.');
  });

  it.each([
    ['an unknown experience', 'experience=forever', 'experience'],
    ['a lowest salary above the highest', 'salaryMin=20000&salaryMax=10000', 'salaryMax'],
    ['a page past 50', 'page=51', 'page'],
    ['an unknown sort', 'sort=cheapest', 'sort'],
    ['an unknown city', 'city=CN-XX', 'city'],
    ['an unknown benefit', 'benefits=free-lunch', 'benefits'],
    ['posted within 5 days', 'postedWithin=5', 'postedWithin'],
  ])('refuses %s with a 400 and the reason', async (_name, query, field) => {
    const response = await get(`/api/v1/jobs?${query}`);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBeTruthy();
    expect(JSON.stringify(body.details)).toContain(field);
  });

  it('answers one job by id, 404 for an unknown id, 400 for a bad one', async () => {
    const job = await get(`/api/v1/jobs/${ids.open}?lang=zh`);
    expect(job.statusCode).toBe(200);
    expect(job.json()).toMatchObject({
      id: ids.open,
      state: 'open',
      url: `/zh/jobs/${ids.open}-warehouse-keeper`,
      salary: { min: 15000, max: 25000, months: 13, zh: '15-25K·13薪' },
      city: { code: 'CN-GD-SZ', name: '深圳市' },
      insurance: { base: 'actual', housingFundRate: 12 },
    });
    expect(job.json().benefits.map((b: { label: string }) => b.label)).toEqual(['五险一金', '带薪年假']);
    expect((await get('/api/v1/jobs/99999999')).statusCode).toBe(404);
    expect((await get('/api/v1/jobs/abc')).statusCode).toBe(400);
  });

  it('limits how often one address may call the jobs API', async () => {
    const response = await get('/api/v1/jobs');
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-ratelimit-limit']).toBe('300');
    // Pages are not limited; the report form (the writing side's scope) still is.
    expect((await get('/jobs')).headers['x-ratelimit-limit']).toBeUndefined();
    const report = await t.app.inject({ method: 'POST', url: `/jobs/${ids.open}/report`, payload: {} });
    expect(report.headers['x-ratelimit-limit']).toBe('10');
  });

  it('documents the jobs API in /api/openapi.json', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/jobs', '/api/v1/jobs/{id}']));
  });

  it('lists a company’s open jobs on its profile, and open jobs for the sitemap', async () => {
    const company = await anyCompanyId(t);
    const { slug } = await t.db
      .selectFrom('companies')
      .select('slug')
      .where('id', '=', company)
      .executeTakeFirstOrThrow();
    const { openJobs } = await t.modules.companies.service.profile(slug, null, 'en');
    const titles = openJobs.map((j) => j.title);
    expect(titles).toContain('Warehouse keeper </script><b>');
    expect(titles).not.toContain('Past keeper');
    expect(titles).not.toContain('Draft keeper');
    const entries = await t.modules.jobs.board.sitemapEntries();
    const paths = entries.flatMap((e) => Object.values(e.versions));
    expect(paths).toContain(`/jobs/${ids.open}-warehouse-keeper`);
    expect(paths).not.toContain(`/jobs/${ids.closed}-closed-keeper`);
  });

  it('takes a refused company’s jobs out of search, and reindexes them when its profile is edited', async () => {
    const companies = t.modules.companies.service;
    const employer = await signInAs(t, 'employer');
    const editor = await signInAs(t, 'editor');
    const form = {
      nameZh: '上海灯塔有限公司',
      nameEn: 'Shanghai Lighthouse Co., Ltd.',
      creditCode: newCreditCode(),
      industry: 'logistics',
      size: '150-499',
      city: 'CN-SH',
      website: '',
      descriptionEn: 'Lights.',
      descriptionZh: '灯。',
    };
    const { id: company, slug } = await companies.create(employer.user, form);
    await companies.verify(editor.user, company);
    const job = await insertJob(t, company, { title_en: 'Lamp trimmer', slug: 'lamp-trimmer' });
    const found = async (q: string) =>
      (await get(`/api/v1/jobs?q=${encodeURIComponent(q)}`)).json().results.map((r: { id: number }) => r.id);
    expect(await found('trimmer')).toContain(job);
    // The company's names are in its jobs' documents: a rename reaches them at once.
    await companies.update(employer.user, slug, { ...form, nameEn: 'Shanghai Beacon Co., Ltd.' });
    expect(await found('beacon')).toContain(job);
    await companies.verify(editor.user, company);
    await companies.refuse(editor.user, company, 'The credit code belongs to another company.');
    expect(await found('trimmer')).not.toContain(job);
    expect((await get(`/jobs/${job}-lamp-trimmer`)).statusCode).toBe(404);
    // Verified again, its jobs come back.
    await companies.verify(editor.user, company);
    expect(await found('trimmer')).toContain(job);
  });
});
