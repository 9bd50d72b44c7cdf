import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../accounts';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs } from '../../test-support/forms';
import { formFields } from '../testing';

const ROLES: Role[] = ['member', 'employer', 'expert', 'editor', 'admin'];
const EDITORS: string[] = ['editor', 'admin'];

describe.each(testEngines)('adding a city period at /admin/cities on $name', (engine) => {
  let t: TestApp;
  const cookiesOf = new Map<string, Cookies>();
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
    for (const role of ROLES) cookiesOf.set(role, (await signInAs(t, role)).cookies);
    cookiesOf.set('anonymous', {});
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const periodKeys = async () =>
    (await t.db.selectFrom('city_periods').select('key').orderBy('key').execute()).map((p) => p.key);

  /** The new-period form of a city as the editor sees it (the latest period's figures), with changes. */
  async function periodForm(city: string, changes: Record<string, string>) {
    const page = await get(`/admin/cities/${city}/periods/new`, cookiesOf.get('editor'));
    expect(page.statusCode).toBe(200);
    return { ...formFields(page.body), ...changes };
  }

  it.each(['anonymous', ...ROLES])('lets editors and admins alone see the pages and add a period: %s', async (who) => {
    const cookies = cookiesOf.get(who) ?? {};
    for (const url of ['/admin/cities', '/admin/cities/beijing/periods/new']) {
      const page = await get(url, cookies);
      if (EDITORS.includes(who)) expect(page.statusCode).toBe(200);
      else if (who === 'anonymous') expect(page.headers.location).toMatch(/^\/account\/sign-in\?next=/);
      else expect(page.statusCode).toBe(403);
    }
    if (EDITORS.includes(who)) return;
    const before = await periodKeys();
    const fields = await periodForm('beijing', {
      yearLabel: '2027年度',
      effectiveFrom: '2027-07-01',
      sourceUrl: 'https://rsj.beijing.gov.cn/x.html',
    });
    const { response } = await postForm(t.app, '/admin/cities/beijing/periods', fields, cookies);
    expect(response.statusCode).toBe(who === 'anonymous' ? 401 : 403);
    expect(await periodKeys()).toEqual(before);
  });

  it('links the cities’ editing from the header for editors and admins only', async () => {
    for (const who of ['anonymous', ...ROLES]) {
      const body = (await get('/cities', cookiesOf.get(who))).body;
      expect(body.includes('href="/admin/cities"'), who).toBe(EDITORS.includes(who));
    }
  });

  it('refuses a post without its CSRF token', async () => {
    const before = await periodKeys();
    const fields = await periodForm('beijing', { yearLabel: '2027年度', effectiveFrom: '2027-07-01' });
    const { response } = await postForm(t.app, '/admin/cities/beijing/periods', fields, cookiesOf.get('editor'), {
      withoutToken: true,
    });
    expect(response.statusCode).toBe(403);
    expect(await periodKeys()).toEqual(before);
  });

  it('shows the form again with each refusal by its field, adding nothing', async () => {
    const before = await periodKeys();
    const post = async (changes: Record<string, string>) => {
      const fields = await periodForm('beijing', { yearLabel: '2027年度', effectiveFrom: '2027-07-01', ...changes });
      return (await postForm(t.app, '/admin/cities/beijing/periods', fields, cookiesOf.get('editor'))).response;
    };
    const badFields = await post({ sourceUrl: 'not an address', housing_fund_max: 'twelve' });
    expect(badFields.statusCode).toBe(400);
    expect(badFields.body).toContain('id="sourceUrl-error">Give the web address of the notice');
    expect(badFields.body).toContain('id="housing_fund_max-error">Give a percent from 0 to 100');
    // What was typed is kept.
    expect(badFields.body).toContain('value="twelve"');
    const inconsistent = await post({
      sourceUrl: 'https://rsj.beijing.gov.cn/x.html',
      effectiveTo: '2027-06-01',
      pension_floor: '40000',
    });
    expect(inconsistent.statusCode).toBe(400);
    expect(inconsistent.body).toContain('id="effectiveTo-error">The end comes before the start.');
    expect(inconsistent.body).toContain('id="pension_floor-error">The floor is above the ceiling.');
    expect(await periodKeys()).toEqual(before);

    // A period starting before the latest one held is refused (409): corrections are made in the data.
    const early = await periodForm('beijing', {
      yearLabel: '2026年度',
      effectiveFrom: '2026-03-01',
      sourceUrl: 'https://rsj.beijing.gov.cn/x.html',
    });
    const refused = await postForm(t.app, '/admin/cities/beijing/periods', early, cookiesOf.get('editor'));
    expect(refused.response.statusCode).toBe(409);
    expect(refused.response.body).toContain('id="effectiveFrom-error">A new period must start after the latest');
    expect(await periodKeys()).toEqual(before);
  });

  it('adds the period in force from its day: the one before ends the day before, the calculator uses it', async () => {
    // Before: no Beijing period is in force in August 2027 (2026年度 ends 2027-06-30): a 404, remembered by the cache.
    const asked = '/api/v1/tools/salary?city=beijing&period=2027-08&gross=20000&housingFundRate=12';
    expect((await get(asked)).statusCode).toBe(404);
    // The 2027 notice: the pension floor up to 7,500, the employee's pension rate unchanged at 8 %.
    const fields = await periodForm('beijing', {
      yearLabel: '2027年度',
      effectiveFrom: '2027-07-01',
      sourceUrl: 'https://rsj.beijing.gov.cn/xxgk/2027/notice.html',
      sourceTitle: '关于统一2027年度各项社会保险缴费工资基数上下限的通知',
      pension_floor: '7500',
      pension_ceiling: '37500',
    });
    const { response } = await postForm(t.app, '/admin/cities/beijing/periods', fields, cookiesOf.get('admin'));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/cities?added=beijing-2027');
    const periods = await t.db
      .selectFrom('city_periods')
      .select(['key', 'effective_from', 'effective_to', 'origin', 'source_ids'])
      .where('city_slug', '=', 'beijing')
      .orderBy('key')
      .execute();
    expect(periods.find((p) => p.key === 'beijing-2026')?.effective_to).toBe('2027-06-30');
    expect(periods.find((p) => p.key === 'beijing-2027')).toMatchObject({
      effective_from: '2027-07-01',
      effective_to: null,
      origin: 'editor',
      source_ids: '["EDITOR_BEIJING_20270701"]',
    });

    const body = (await get(asked)).json();
    expect(body.period.key).toBe('beijing-2027');
    // 5,000 is under the new floor: the pension base is 7,500 (8 % = 600.00).
    const low = (await get(asked.replace('gross=20000', 'gross=5000'))).json();
    const pension = low.contributions.find((c: { insurance: string }) => c.insurance === 'pension');
    expect(pension).toMatchObject({ base: 7500, clamped: 'floor', employee: { amount: 600 } });
    expect(low.sources.map((s: { id: string }) => s.id)).toContain('EDITOR_BEIJING_20270701');
    // Figures not changed were kept from the period before (the form started with them): medical 2 % of 20,000.
    const medical = body.contributions.find((c: { insurance: string }) => c.insurance === 'medical');
    expect(medical.employee.amount).toBe(400);
    expect(medical.employer.amount).toBe(1960);

    // The city page lists it with its source; the admin page names it.
    expect((await get('/cities/beijing')).body).toContain('https://rsj.beijing.gov.cn/xxgk/2027/notice.html');
    expect((await get('/admin/cities?added=beijing-2027', cookiesOf.get('admin'))).body).toContain(
      'Period beijing-2027 added.',
    );
  });

  it('job pages take the period in force today as soon as it is added', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T04:00:00Z') });
    try {
      const job = await t.db
        .selectFrom('jobs')
        .select(['id'])
        .where('region_code', '=', 'CN-SH')
        .where('status', '=', 'published')
        .where('insurance_base', '=', 'actual')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const takeHome = async () => {
        const first = await get(`/jobs/${job.id}`);
        const html = (await get(first.headers.location ?? `/jobs/${job.id}`)).body;
        return /Take-home (?:at most )?about ¥([\d,]+)–([\d,]+) a month/.exec(html)?.slice(1).join('–');
      };
      const before = await takeHome();
      expect(before).toBeDefined();
      // A mid-year notice from 1 December 2026 raising the employee's pension rate to 10 %.
      const fields = await periodForm('shanghai', {
        yearLabel: '2026年度（调整）',
        effectiveFrom: '2026-12-01',
        sourceUrl: 'https://rsj.sh.gov.cn/notice-2026-12.html',
        pension_employee: '10',
      });
      const { response } = await postForm(t.app, '/admin/cities/shanghai/periods', fields, cookiesOf.get('editor'));
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/admin/cities?added=shanghai-20261201');
      const after = await takeHome();
      expect(after).toBeDefined();
      expect(after).not.toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });
});
