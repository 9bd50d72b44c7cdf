import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

describe.each(testEngines)('city pages on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('lists the bases and rates by period with sources, and links the calculator for the city', async () => {
    const res = await t.app.inject('/cities/shanghai');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Social insurance and housing fund in Shanghai');
    expect(res.body).toContain('2026年度');
    expect(res.body).toContain('37,731');
    expect(res.body).toContain('href="/tools/salary?city=shanghai"');
    expect(res.body).toContain('https://rsj.sh.gov.cn/tgsgg_17341/20250918/t0035_1435637.html');
    expect(res.body).toContain('12333');
  });

  it('shows missing figures as unknown, in Chinese too', async () => {
    const res = await t.app.inject('/zh/cities/hangzhou');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('杭州社会保险和住房公积金');
    expect(res.body).toContain('未知');
    expect(res.body).toContain('来源未注明执行日期');
    expect(res.body).toContain('href="/zh/tools/salary?city=hangzhou"');
  });

  it('lists the cities, and 404s an unknown one', async () => {
    const list = await t.app.inject('/zh/cities');
    expect(list.body).toContain('href="/zh/cities/guangzhou"');
    expect((await t.app.inject('/cities/atlantis')).statusCode).toBe(404);
  });
});
