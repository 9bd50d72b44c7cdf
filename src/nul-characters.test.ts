import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from './test-support/databases';
import { postForm, signInAs, testIp } from './test-support/forms';

/**
 * A NUL character (U+0000) anywhere in a request is refused with a 400 and its reason, on every route: PostgreSQL
 * cannot compare text holding one, and GET /companies/%00 answered 500 there (src/platform/web/nul-characters.ts).
 */
describe.each(testEngines)('NUL characters on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('refuses a NUL in a path parameter or a query, in both languages, with the reason', async () => {
    for (const url of ['/companies/%00', '/zh/companies/a%00b', '/jobs?q=%00', '/laws/%00']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
    }
    const en = await t.app.inject({ method: 'GET', url: '/companies/%00' });
    expect(en.body).toContain('NUL character');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/companies/%00' });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ error: expect.stringContaining('NUL') });
  });

  it('refuses a NUL in a form field before anything is stored', async () => {
    const employer = await signInAs(t, 'employer');
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('companies')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const { response } = await postForm(
      t.app,
      '/employer/companies/new',
      { nameZh: '公司\u0000', nameEn: 'A\u0000B' },
      employer.cookies,
      { remoteAddress: testIp() },
    );
    expect(response.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
