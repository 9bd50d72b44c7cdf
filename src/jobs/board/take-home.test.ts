import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('says nothing of take-home pay where the city has no data', async () => {
    await t.db.deleteFrom('city_rates').execute();
    await t.db.deleteFrom('city_periods').execute();
    const job = await demoJob('CN-SH');
    const page = (await get(`/jobs/${job.id}`)).headers.location ?? `/jobs/${job.id}`;
    const html = (await get(page)).body;
    expect(html).not.toMatch(/Take-home (at most )?about/);
    expect(html).not.toContain('/tools/salary?');
  });
});
