import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

const api = (t: TestApp, query: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url: `/api/v1/tools/salary?${query}`, headers });

describe.each(testEngines)('the salary calculator on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('loads the shipped city data once: seeding again writes nothing, nulls stay null', async () => {
    const periods = await t.db.selectFrom('city_periods').select(['key', 'effective_from']).orderBy('key').execute();
    expect(periods).toHaveLength(15);
    expect(periods.find((p) => p.key === 'hangzhou-2025')?.effective_from).toBeNull();
    const again = await t.modules.cities.service.loadShipped(
      (await import('../../../data/cities/rates.json')).default as never,
      (await import('../../../data/cities/iit.json')).default as never,
    );
    expect(again.periodsWritten).toBe(0);
    const rows = await t.db
      .selectFrom('city_rates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(15 * 6 + 1);
    const shenzhenFund = await t.db
      .selectFrom('city_rates as r')
      .innerJoin('city_periods as p', 'p.id', 'r.period_id')
      .select(['r.rate_min', 'r.base_floor'])
      .where('p.key', '=', 'shenzhen-2024')
      .where('r.insurance', '=', 'housing_fund')
      .executeTakeFirstOrThrow();
    expect(shenzhenFund).toEqual({ rate_min: null, base_floor: null });
  });

  it('reads the period in force on a date', async () => {
    const { periodOn } = t.modules.cities.service;
    expect((await periodOn('beijing', new Date('2025-06-30T12:00:00Z')))?.key).toBe('beijing-2024');
    expect((await periodOn('beijing', new Date('2025-07-01T00:00:00Z')))?.key).toBe('beijing-2025');
    expect((await periodOn('shanghai', new Date('2026-12-07T00:00:00Z')))?.key).toBe('shanghai-2026');
    expect(await periodOn('shenzhen', new Date('2026-12-07T00:00:00Z'))).toBeNull();
    // Undated periods are never in force.
    expect(await periodOn('hangzhou', new Date('2025-10-01T00:00:00Z'))).toBeNull();
  });

  it('answers the API with contributions, the 12 months and sources (Beijing 2024, hand-checked)', async () => {
    const res = await api(t, 'city=beijing&period=2024-09&gross=20000&housingFundRate=12');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toMatchObject({ key: 'beijing-2024', chosen: 'asked', confidence: 'high' });
    const pension = body.contributions.find((c: { insurance: string }) => c.insurance === 'pension');
    expect(pension).toMatchObject({ base: 20000, employee: { amount: 1600 }, employer: { amount: 3200 } });
    expect(pension.employee.basis.citations).toContainEqual({
      law: 'social-insurance-law',
      article: 10,
      href: '/laws/social-insurance-law/articles/10',
    });
    expect(body.housingFund.employee.amount).toBe(2400);
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toMatchObject({ month: 1, tax: 314.91, takeHome: 15182.09 });
    expect(body.annual).toMatchObject({ tax: 10076.4, takeHome: 175887.6 });
    expect(body.employerCost.monthly).toBe(27700);
    expect(body.sources.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['FM_DEC2024', 'STA_2018_61']),
    );
  });

  it('limits the API per client (the rate-limit plugin registered in the module scope), not the page', async () => {
    const res = await api(t, 'city=beijing&gross=20000');
    expect(res.headers['x-ratelimit-limit']).toBe('300');
    const page = await t.app.inject('/tools/salary?city=beijing');
    expect(page.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('says "unknown" (null) for figures the data lacks, never 0', async () => {
    const body = (await api(t, 'city=beijing&period=2026-08&gross=10000')).json();
    expect(body.missing).toEqual(['medical.employee', 'work_injury.employer']);
    expect(body.annual.takeHome).toBeNull();
    // The page names them in its language, not by their codes; the sources' kind (English data text) is marked so.
    const zh = await t.app.inject('/zh/tools/salary?city=beijing&period=2026-08&gross=10000');
    expect(zh.body).toContain('工伤保险（单位部分）');
    expect(zh.body).not.toContain('work_injury.employer');
    expect(zh.body).toMatch(/<span class="meta"> · <span lang="en">[^<]+<\/span><\/span>/);
    const en = await t.app.inject('/tools/salary?city=beijing&period=2026-08&gross=10000');
    expect(en.body).not.toContain('medical.employee');
    expect(body.annual.takeHomeAtMost).toBe(101940);
    const injury = body.contributions.find((c: { insurance: string }) => c.insurance === 'work_injury');
    expect(injury.employer.amount).toBeNull();
  });

  it('uses the latest period when none is in force today, and says so', async () => {
    const body = (await api(t, 'city=shenzhen&gross=30000&housingFundRate=none')).json();
    expect(body.period).toMatchObject({ key: 'shenzhen-2024', chosen: 'latest' });
  });

  it('refuses bad input with 400 and the reasons, and a month without data with 404', async () => {
    const bad = await api(t, 'city=beijing&gross=-5&startMonth=13&base=amount');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.gross', 'querystring.startMonth']));

    const rate = await api(t, 'city=shanghai&period=2025-08&gross=10000&housingFundRate=12');
    expect(rate.statusCode).toBe(400);
    expect(rate.json().details).toEqual([{ field: 'housingFundRate', message: 'Choose a rate from 5 % to 7 %.' }]);

    const unknownCity = await api(t, 'city=lhasa&gross=10000&lang=zh');
    expect(unknownCity.statusCode).toBe(400);
    expect(unknownCity.json().error).toBe('我们没有“lhasa”的缴费数据。');

    const noPeriod = await api(t, 'city=guangzhou&period=2026-01&gross=10000');
    expect(noPeriod.statusCode).toBe(404);
    expect((await api(t, 'city=hangzhou&gross=10000')).statusCode).toBe(404);
  });

  it('documents the endpoint in OpenAPI', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    const op = spec.paths['/api/v1/tools/salary'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['city', 'period', 'gross', 'base', 'housingFundRate', 'startMonth', 'bonus']),
    );
  });

  it('shows the form without JavaScript and the results in English and Chinese', async () => {
    const empty = await t.app.inject('/tools/salary');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<form method="get" action="/tools/salary"');

    const en = await t.app.inject(
      '/tools/salary?city=shanghai&period=2024-07&gross=6000&housingFundRate=7&startMonth=7&bonus=10000',
    );
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Take-home pay calculator');
    expect(en.body).toContain('¥4,804.68');
    expect(en.body).toContain('(raised to the floor)');
    expect(en.body).toContain('href="/laws/social-insurance-law/articles/53"');

    const zh = await t.app.inject('/zh/tools/salary?city=beijing&period=2026-08&gross=10000');
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('五险一金与到手工资计算器');
    expect(zh.body).toContain('未知');
    expect(zh.body).toContain('href="/zh/laws/social-insurance-law/articles/10"');
  });

  it('shows the form again with the reasons on bad input, and says when there is no data', async () => {
    const bad = await t.app.inject('/tools/salary?city=beijing&gross=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the monthly gross in yuan');
    const none = await t.app.inject('/zh/tools/salary?city=hangzhou&gross=10000');
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('没有注明执行日期');
  });

  it('estimates a take-home range for the jobs board, null without data', async () => {
    const { estimateTakeHome } = t.modules.cities;
    const on = new Date('2024-09-01T00:00:00Z');
    const estimate = await estimateTakeHome({
      regionCode: 'CN-BJ',
      grossMin: 20_000,
      grossMax: 20_000,
      base: 'actual',
      housingFundRate: 12,
      on,
    });
    // Beijing 2024 at 20,000 and 12 %: 175,887.60 a year (golden.test.ts) → 14,657.30 a month on average.
    expect(estimate).toMatchObject({ min: 14657.3, max: 14657.3, exact: true, periodKey: 'beijing-2024' });
    const minimum = await estimateTakeHome({
      regionCode: 'CN-BJ',
      grossMin: 15_000,
      grossMax: 25_000,
      base: 'minimum',
      housingFundRate: null,
      on,
    });
    expect(minimum!.min).toBeLessThan(minimum!.max);
    expect(
      await estimateTakeHome({
        regionCode: 'CN-ZJ-HZ',
        grossMin: 1,
        grossMax: 2,
        base: 'actual',
        housingFundRate: null,
        on,
      }),
    ).toBeNull();
    expect(
      await estimateTakeHome({
        regionCode: 'CN-XZ',
        grossMin: 1,
        grossMax: 2,
        base: 'actual',
        housingFundRate: null,
        on,
      }),
    ).toBeNull();
    const partial = await estimateTakeHome({
      regionCode: 'CN-BJ',
      grossMin: 10_000,
      grossMax: 10_000,
      base: 'actual',
      housingFundRate: 5,
      on: new Date('2026-09-01T00:00:00Z'),
    });
    // 101,940 at most a year (golden.test.ts) → 8,495 a month at most.
    expect(partial).toMatchObject({ min: 8495, exact: false, missing: ['medical.employee', 'work_injury.employer'] });
  });
});
