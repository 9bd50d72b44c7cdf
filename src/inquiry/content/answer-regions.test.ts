import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

describe.each(testEngines)('regions offered for answers on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('lists the country, provinces and cities but not the jobs board’s districts', async () => {
    const regions = await t.modules.regions.service.list();
    expect(regions.some((r) => r.level === 'district')).toBe(true);
    const html = (await t.app.inject({ method: 'GET', url: '/social-security/search' })).body;
    for (const code of ['CN', 'CN-BJ', 'CN-GD-SZ']) expect(html).toContain(`value="${code}"`);
    for (const district of regions.filter((r) => r.level === 'district'))
      expect(html).not.toContain(`value="${district.code}"`);
  });
});
