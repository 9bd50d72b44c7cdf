/** 屏蔽公司 over HTTP: finding, blocking and unblocking companies, and who may. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, type SignedIn, signInAs, testIp } from '../test-support/forms';

describe.each(testEngines)('blocked companies ($name)', (engine) => {
  let t: TestApp;
  let seeker: SignedIn;
  let employer: SignedIn;
  let companyId: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    seeker = await signInAs(t, 'member');
    employer = await signInAs(t, 'employer');
    const at = new Date().toISOString();
    ({ id: companyId } = await t.db
      .insertInto('companies')
      .values({
        slug: 'nosy-recruiting',
        name_zh: '好奇猎头有限公司',
        name_en: 'Nosy Recruiting 100% Ltd',
        credit_code: '91440300MA5TEST01X',
        industry: 'professional-services',
        size: '1-49',
        region_code: 'CN-GD-SZ',
        status: 'verified',
        origin: 'user',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string>, cookies: Cookies, withoutToken = false) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp(), withoutToken }).then((r) => r.response);

  it('is for seekers only', async () => {
    const anonymous = await get('/account/blocked-companies');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/account/sign-in');
    expect((await get('/account/blocked-companies', employer.cookies)).statusCode).toBe(403);
    const fields = { companyId: String(companyId) };
    expect((await post('/account/blocked-companies', fields, employer.cookies)).statusCode).toBe(403);
    expect((await post('/account/blocked-companies', fields, {})).statusCode).toBe(401);
    expect((await post('/account/blocked-companies/remove', fields, employer.cookies)).statusCode).toBe(403);
    expect((await post('/account/blocked-companies', fields, seeker.cookies, true)).statusCode).toBe(403);
    expect(await t.modules.resumes.service.hasBlocked(seeker.user.id, companyId)).toBe(false);
  });

  it('finds a company by either name, LIKE wildcards taken literally', async () => {
    const zh = await get(`/zh/account/blocked-companies?q=${encodeURIComponent('好奇')}`, seeker.cookies);
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('屏蔽 好奇猎头有限公司');
    const en = await get('/account/blocked-companies?q=nosy%20recruiting%20100%25', seeker.cookies);
    expect(en.body).toContain('Block Nosy Recruiting 100% Ltd');
    const wildcard = await get('/account/blocked-companies?q=%25', seeker.cookies);
    expect(wildcard.body).toContain('Block Nosy Recruiting');
    const underscore = await get('/account/blocked-companies?q=_', seeker.cookies);
    expect(underscore.body).not.toContain('Block Nosy Recruiting');
  });

  it('blocks and unblocks; an unknown company is not found, a missing one refused', async () => {
    const blocked = await post('/account/blocked-companies', { companyId: String(companyId) }, seeker.cookies);
    expect(blocked.statusCode).toBe(303);
    expect(await t.modules.resumes.service.hasBlocked(seeker.user.id, companyId)).toBe(true);
    const page = await get('/account/blocked-companies', seeker.cookies);
    expect(page.body).toContain('Unblock Nosy Recruiting 100% Ltd');

    expect((await post('/account/blocked-companies', { companyId: '999999' }, seeker.cookies)).statusCode).toBe(404);
    expect((await post('/account/blocked-companies', { companyId: 'abc' }, seeker.cookies)).statusCode).toBe(400);

    const unblocked = await post('/account/blocked-companies/remove', { companyId: String(companyId) }, seeker.cookies);
    expect(unblocked.statusCode).toBe(303);
    expect(await t.modules.resumes.service.hasBlocked(seeker.user.id, companyId)).toBe(false);
  });
});
