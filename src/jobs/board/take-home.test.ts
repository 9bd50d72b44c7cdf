import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

/** The job page's take-home range (issue 15): worked by the cities module's calculator, linked to it. */
describe.each(testEngines)('a job page’s take-home pay on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const demoJob = (region: string) =>
    t.db
      .selectFrom('jobs')
      .select(['id', 'slug', 'salary_min', 'salary_max'])
      .where('region_code', '=', region)
      .where('status', '=', 'published')
      .where('insurance_base', '=', 'actual')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  const number = (text: string) => Number(text.replace(/,/g, ''));

  it('shows what the salary range pays in hand in Shanghai, the same as the calculator it links to', async () => {
    const job = await demoJob('CN-SH');
    const page = (await get(`/zh/jobs/${job.id}`)).headers.location ?? `/zh/jobs/${job.id}`;
    const html = (await get(page)).body;
    const shown = /到手(?:最多)?约 ¥([\d,]+)–([\d,]+) \/ 月/.exec(html);
    expect(shown, 'take-home range on the page').not.toBeNull();
    const [min, max] = [number(shown?.[1] ?? ''), number(shown?.[2] ?? '')];
    expect(min).toBeGreaterThan(0);
    expect(min).toBeLessThanOrEqual(max);
    // Less than the gross: contributions and tax come off.
    expect(max).toBeLessThan(job.salary_max);
    expect(min).toBeLessThan(job.salary_min);

    const link = /href="(\/zh\/tools\/salary\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toContain('city=shanghai');
    expect(link).toContain(`gross=${job.salary_max}`);
    expect((await get(link ?? '')).statusCode).toBe(200);
    // The calculator's own figure for the top of the range: a year's take-home over twelve months.
    const api = (await get((link ?? '').replace('/zh/tools/salary', '/api/v1/tools/salary'))).json();
    const annual = api.annual.takeHome ?? api.annual.takeHomeAtMost;
    expect(max).toBe(Math.round(annual / 12));
  });

  it('with a base at the city minimum, says what the worker’s own accounts get less a month', async () => {
    // Beijing 2026年度 (in force on 2026-12-07): pension floor 7,270, fund floor 2,540; the job pays 8,000–18,000
    // and declares the fund at 5 %. Pension account (the employee's 8 %): 640.00 − 581.60 = 58.40 to
    // 1,440.00 − 581.60 = 858.40. Fund, both sides: (400 − 127) × 2 = 546.00 to (900 − 127) × 2 = 1,546.00.
    // Together 604.40 to 2,404.40.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T04:00:00Z') });
    try {
      const job = await t.db
        .selectFrom('jobs')
        .select(['id'])
        .where('source_key', '=', 'demo:luting-course-consultant')
        .executeTakeFirstOrThrow();
      const page = (await get(`/jobs/${job.id}`)).headers.location ?? `/jobs/${job.id}`;
      const html = (await get(page)).body.replace(/<!-- -->/g, '');
      expect(html).toContain('the accounts in your name would get about ¥604.40 – ¥2,404.40 more a month');
      expect(html).toContain('the employer’s goes to the pooled fund): ¥58.40 – ¥858.40');
      expect(html).toContain('both yours): ¥546.00 – ¥1,546.00');
      // The inquiry answer on a minimum base is linked beside it.
      expect(html).toMatch(/href="\/social-security\/questions\/[^"]+">What a minimum base means for you/);
      // A job on the actual salary says nothing of it.
      const actual = await demoJob('CN-BJ');
      const other = (await get(`/jobs/${actual.id}`)).headers.location ?? `/jobs/${actual.id}`;
      expect((await get(other)).body).not.toContain('the accounts in your name would get');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says nothing of take-home pay where the city has no data', async () => {
    await t.db.deleteFrom('city_rates').execute();
    await t.db.deleteFrom('city_periods').execute();
    t.modules.cities.service.forgetCached();
    const job = await demoJob('CN-SH');
    const page = (await get(`/jobs/${job.id}`)).headers.location ?? `/jobs/${job.id}`;
    const html = (await get(page)).body;
    expect(html).not.toMatch(/Take-home (at most )?about/);
    expect(html).not.toContain('/tools/salary?');
  });
});
