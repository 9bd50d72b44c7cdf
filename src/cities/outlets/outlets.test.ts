import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../accounts';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs } from '../../test-support/forms';

const ROLES: Role[] = ['member', 'employer', 'expert', 'editor', 'admin'];
const EDITORS: string[] = ['editor', 'admin'];
const HEADER = 'city,name,address,district,phone,hours,services,source_url,verified_on';
// Test outlets: made up for the test, with a source on a test domain (the shipped data has none).
const CSV = [
  HEADER,
  '"shanghai","Test Outlet A","1 Test Road, Huangpu","黄浦区","021-00000000","Mon–Fri 9:00–17:00","pension;card-reissue","https://outlets.example.test/a","2026-12-01"',
  'shanghai,Test Outlet B,2 Test Road,徐汇区,,,medical-insurance,https://outlets.example.test/b,2026-11-20',
].join('\n');

describe.each(testEngines)('service outlets on $name', (engine) => {
  let t: TestApp;
  const cookiesOf = new Map<string, Cookies>();
  beforeAll(async () => {
    t = await openTestApp(engine);
    for (const role of ROLES) cookiesOf.set(role, (await signInAs(t, role)).cookies);
    cookiesOf.set('anonymous', {});
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const outletCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('city_outlets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('ships none; a city without outlets says so and shows the official channels', async () => {
    expect(await outletCount()).toBe(0);
    const chooser = await get('/social-security/outlets');
    expect(chooser.statusCode).toBe(200);
    expect(chooser.body).toContain('Choose your city to see its outlets.');
    const beijing = await get('/social-security/outlets?city=beijing');
    expect(beijing.statusCode).toBe(200);
    expect(beijing.body).toContain('We list no service outlets for Beijing');
    expect(beijing.body).toContain('12333');
    expect(beijing.body).toContain('rsj.beijing.gov.cn');
    const zh = await get('/zh/social-security/outlets?city=beijing');
    expect(zh.body).toContain('我们暂未收录北京的服务网点');
    expect((await get('/social-security/outlets?city=atlantis')).statusCode).toBe(404);
    expect((await get('/social-security/outlets?service=haircut')).statusCode).toBe(400);
  });

  it('takes a Q&A’s region to its city once, then keeps the city in the URL', async () => {
    const res = await get('/zh/social-security/outlets?region=CN-SH&service=pension');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/zh/social-security/outlets?city=shanghai&service=pension');
    // A region that is no city we hold: the chooser.
    expect((await get('/social-security/outlets?region=CN-GD')).headers.location).toBe('/social-security/outlets');
  });

  it('links a Q&A step done at a service outlet to the outlets (the chooser, for a nationwide answer)', async () => {
    const paths = await t.modules.inquiry.questions.shippedQuestionPaths(['seed-000-474bb0e056824b23']);
    const versions = paths.get('seed-000-474bb0e056824b23');
    expect(versions?.zh).toBeDefined();
    const page = await get(`/zh${versions?.zh}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/zh/social-security/outlets">查找你所在城市的服务网点</a>');
  });

  it.each(['anonymous', ...ROLES])('lets editors and admins alone import and remove outlets: %s', async (who) => {
    const cookies = cookiesOf.get(who) ?? {};
    const page = await get('/admin/outlets', cookies);
    if (EDITORS.includes(who)) {
      expect(page.statusCode).toBe(200);
      return;
    }
    if (who === 'anonymous') expect(page.headers.location).toMatch(/^\/account\/sign-in\?next=/);
    else expect(page.statusCode).toBe(403);
    const { response } = await postForm(t.app, '/admin/outlets/import', { csv: CSV }, cookies);
    expect(response.statusCode).toBe(who === 'anonymous' ? 401 : 403);
    const removal = await postForm(t.app, '/admin/outlets/1/delete', {}, cookies);
    expect(removal.response.statusCode).toBe(who === 'anonymous' ? 401 : 403);
    expect(await outletCount()).toBe(0);
  });

  it('refuses an import without its CSRF token', async () => {
    const { response } = await postForm(t.app, '/admin/outlets/import', { csv: CSV }, cookiesOf.get('editor'), {
      withoutToken: true,
    });
    expect(response.statusCode).toBe(403);
    expect(await outletCount()).toBe(0);
  });

  it('lists a refused import’s problems by line and writes nothing', async () => {
    const bad = `${CSV}\nbeijing,Test Outlet C,3 Test Road,,,,pension,ftp://nowhere,2026-12-01\natlantis,X,Y,,,,,https://outlets.example.test/x,2026-12-01`;
    const { response } = await postForm(t.app, '/admin/outlets/import', { csv: bad }, cookiesOf.get('editor'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Nothing was imported');
    expect(response.body).toContain('Line 4: Give the address of the public page it was taken from');
    expect(response.body).toContain('Line 5: Unknown city &quot;atlantis&quot;');
    // The text sent is shown again to be corrected.
    expect(response.body).toContain('Test Outlet C');
    expect(await outletCount()).toBe(0);
  });

  it('says the line limit, and refuses a longer file by its lines (text kept), well under the body cap', async () => {
    const page = await get('/admin/outlets', cookiesOf.get('editor'));
    expect(page.body).toContain('At most 300 lines at once');
    const zh = await get('/zh/admin/outlets', cookiesOf.get('editor'));
    expect(zh.body).toContain('一次最多 300 行');
    const line = (n: number) =>
      `beijing,北京市社会保险基金管理中心第${n}分中心,北京市西城区某某大街 ${n} 号院 2 号楼一层大厅,西城区,010-12345678,` +
      `周一至周五 9:00-12:00 13:30-17:00,pension;card-reissue,https://rsj.beijing.gov.cn/bsfw/wd/${n}.html,2026-12-01`;
    const long = [HEADER, ...Array.from({ length: 301 }, (_, i) => line(i + 1))].join('\n');
    const { response } = await postForm(t.app, '/admin/outlets/import', { csv: long }, cookiesOf.get('editor'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('At most 300 lines at once.');
    expect(response.body).toContain('第301分中心');
    expect(await outletCount()).toBe(0);
  });

  it('imports outlets, shows them by city and service with their source, and removes one', async () => {
    const { response } = await postForm(t.app, '/admin/outlets/import', { csv: CSV }, cookiesOf.get('admin'));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/outlets?imported=2');
    expect(await outletCount()).toBe(2);
    // Imported again: updated, not doubled.
    await postForm(
      t.app,
      '/admin/outlets/import',
      { csv: CSV.replace('2 Test Road', '22 Test Road') },
      cookiesOf.get('editor'),
    );
    expect(await outletCount()).toBe(2);

    const all = (await get('/social-security/outlets?city=shanghai')).body;
    expect(all).toContain('Test Outlet A');
    expect(all).toContain('1 Test Road, Huangpu');
    expect(all).toContain('22 Test Road');
    expect(all).toContain('href="https://outlets.example.test/a"');
    expect(all).toContain('checked on December 1, 2026');
    const pension = (await get('/social-security/outlets?city=shanghai&service=pension')).body;
    expect(pension).toContain('Test Outlet A');
    expect(pension).not.toContain('Test Outlet B');
    const maternity = (await get('/social-security/outlets?city=shanghai&service=maternity')).body;
    expect(maternity).toContain('None of the outlets we list in Shanghai offers this service.');
    // The city page lists them.
    const cityPage = (await get('/zh/cities/shanghai')).body;
    expect(cityPage).toContain('Test Outlet B');
    expect(cityPage).toContain('href="/zh/social-security/outlets?city=shanghai"');

    const row = await t.db
      .selectFrom('city_outlets')
      .select('id')
      .where('name', '=', 'Test Outlet B')
      .executeTakeFirstOrThrow();
    const removal = await postForm(t.app, `/admin/outlets/${row.id}/delete`, {}, cookiesOf.get('editor'));
    expect(removal.response.statusCode).toBe(303);
    expect(await outletCount()).toBe(1);
    expect(
      (await postForm(t.app, `/admin/outlets/${row.id}/delete`, {}, cookiesOf.get('editor'))).response.statusCode,
    ).toBe(404);
  });
});
