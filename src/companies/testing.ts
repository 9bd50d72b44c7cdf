/**
 * What the companies tests share: a valid credit code no other test uses, a filled-in company form, and a suite's
 * app with a signed-in employer (the owner) and editor and the calls the tests make.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Viewer } from '../accounts';
import { newCreditCode } from '../test-support/companies';
import { openTestApp, type TestApp, type TestEngine } from '../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../test-support/forms';

export { newCreditCode };

export const companyForm = (overrides: Record<string, string> = {}) => ({
  nameZh: '深圳市明光物流有限公司',
  nameEn: 'Shenzhen Bright Logistics Co., Ltd.',
  creditCode: newCreditCode(),
  industry: 'logistics',
  size: '150-499',
  city: 'CN-GD-SZ',
  website: 'https://bright-logistics.example.com',
  descriptionEn: 'We move **parcels** across the Pearl River Delta.<script>alert(1)</script>',
  descriptionZh: '我们在珠三角运送**包裹**。',
  ...overrides,
});

export interface CompaniesSuite {
  t: TestApp;
  owner: { cookies: Cookies; user: Viewer };
  editor: { cookies: Cookies; user: Viewer };
}

/** Opens the app before the suite's tests and closes it after; call inside describe. */
export function companiesSuite(engine: TestEngine) {
  const suite = {} as CompaniesSuite;
  beforeAll(async () => {
    suite.t = await openTestApp(engine);
    suite.owner = await signInAs(suite.t, 'employer', { displayName: 'Owner Wang' });
    suite.editor = await signInAs(suite.t, 'editor', { displayName: 'Editor Zhou' });
  });
  afterAll(async () => suite.t?.close());
  const get = (url: string, cookies: Cookies = {}) => suite.t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(suite.t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const companyCount = async () =>
    Number(
      (
        await suite.t.db
          .selectFrom('companies')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const companyBySlug = (slug: string) =>
    suite.t.db.selectFrom('companies').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const create = async (overrides: Record<string, string> = {}, who?: CompaniesSuite['owner']) => {
    const response = await post('/employer/companies/new', companyForm(overrides), (who ?? suite.owner).cookies);
    expect(response.statusCode).toBe(303);
    return (response.headers.location as string).split('/').pop() as string;
  };
  return { suite, get, post, companyCount, companyBySlug, create };
}
