import { describe, expect, it } from 'vitest';
import { testEngines } from '../test-support/databases';
import type { ShippedCompany } from './model';
import { companiesSuite, newCreditCode } from './testing';

describe.each(testEngines)('company profiles, the companies API and shipped companies on $name', (engine) => {
  const { suite, get, post, companyCount, companyBySlug, create } = companiesSuite(engine);

  it('shows the profile: both names, badge, safe website link, sanitised markdown, no e-mails', async () => {
    const slug = await create({ nameEn: 'Chengdu Panda Bytes Ltd', nameZh: '成都熊猫字节有限公司', city: 'CN-SC-CD' });
    const { id } = await companyBySlug(slug);
    await post(`/moderation/companies/${id}/verify`, {}, suite.editor.cookies);
    const page = await get(`/companies/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chengdu Panda Bytes Ltd');
    expect(page.body).toContain('<span class="meta" lang="zh-CN">成都熊猫字节有限公司</span>');
    expect(page.body).toContain('class="badge">Verified<');
    expect(page.body).toContain('href="https://bright-logistics.example.com/" rel="nofollow noopener"');
    expect(page.body).toContain('<strong>parcels</strong>');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('No open jobs at the moment.');
    expect(page.body).not.toContain(suite.owner.user.email);

    const zh = await get(`/zh/companies/${slug}`);
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('<h1>成都熊猫字节有限公司 <span class="meta" lang="en">Chengdu Panda Bytes Ltd</span>');
    expect(zh.body).toContain('已认证');
    expect(zh.body).toContain('<strong>包裹</strong>');
    expect(zh.body).toContain('目前没有在招职位。');
    const zhList = await get('/zh/companies?city=CN-SC-CD');
    expect(zhList.body).toContain('<h1>企业</h1>');
    expect(zhList.body).toContain('不限行业');
    expect(zhList.body).toContain('成都熊猫字节有限公司');

    // The jobs module's provider fills the open jobs.
    suite.t.modules.companies.service.provideOpenJobs(async (companyId, locale) =>
      companyId === id
        ? [
            {
              id: 7,
              title: locale === 'zh' ? '前端工程师' : 'Front-end engineer',
              path: '/jobs/7-x',
              salary: '15-25K',
              city: '成都',
            },
          ]
        : [],
    );
    expect((await get(`/zh/companies/${slug}`)).body).toContain('前端工程师');

    // Verified profiles are in the sitemap, in both languages.
    const sitemap = await get('/sitemaps/companies-1.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.body).toContain(`http://localhost:3000/companies/${slug}</loc>`);
    expect(sitemap.body).toContain(`http://localhost:3000/zh/companies/${slug}"`);
  });

  it('answers the JSON API with 400 for bad parameters and 404 for unknown companies, never e-mails', async () => {
    const slug = await create({
      nameEn: 'Nanjing Lotus Accounting',
      industry: 'professional-services',
      city: 'CN-JS-NJ',
    });
    const list = await get('/api/v1/companies?city=CN-JS-NJ&industry=professional-services');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.companies.map((c: { slug: string }) => c.slug)).toContain(slug);
    expect(body.companies[0]).toMatchObject({
      industry: 'professional-services',
      city: { code: 'CN-JS-NJ', name: 'Nanjing', nameZh: '南京市' },
      verified: false,
      status: 'pending',
    });
    const one = await get(`/api/v1/companies/${slug}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ slug, nameEn: 'Nanjing Lotus Accounting', openJobs: [] });
    expect(one.json().descriptionZh).toBe('我们在珠三角运送**包裹**。');
    expect(JSON.stringify(one.json())).not.toContain(suite.owner.user.email);
    expect(JSON.stringify(one.json())).not.toContain('credit');

    for (const bad of ['industry=mining', 'city=Shenzhen', 'page=0', 'page=x']) {
      const response = await get(`/api/v1/companies?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json()).toHaveProperty('error');
    }
    expect((await get('/api/v1/companies?city=CN-XX-YY')).statusCode).toBe(400);
    // The reasons are in the reader's language, from the catalogues.
    for (const [bad, zh] of [
      ['city=bad', '城市请用地区代码'],
      ['page=0', '页码是从1开始的整数'],
      ['industry=mining', '请选择行业'],
    ]) {
      const page = await get(`/zh/companies?${bad}`);
      expect(page.statusCode, bad).toBe(400);
      expect(page.body, bad).toContain(zh);
      expect(page.body, bad).not.toMatch(/region code|page starts/);
    }
    expect((await get('/companies?city=bad')).body).toContain('A city is given by its region code');
    expect((await get('/api/v1/companies/no-such-company')).statusCode).toBe(404);
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.paths).toHaveProperty('/api/v1/companies');
    expect(spec.paths).toHaveProperty('/api/v1/companies/{slug}');
  });

  it('loads shipped companies once, verified ones with a decision by nobody', async () => {
    const shipped: ShippedCompany[] = [
      {
        key: 'test-verified',
        nameZh: '西安古城软件有限公司',
        nameEn: "Xi'an Old Town Software Ltd",
        creditCode: '91350100M000100Y43',
        industry: 'internet',
        size: '50-149',
        region: 'CN-SN-XA',
        website: null,
        descriptionEn: 'Fictional.',
        descriptionZh: '虚构企业。',
        verified: true,
      },
      {
        key: 'test-pending',
        nameZh: '西安城墙餐饮',
        nameEn: "Xi'an City Wall Dining",
        creditCode: newCreditCode(),
        industry: 'hospitality',
        size: '1-49',
        region: 'CN-SN-XA',
        website: 'https://dining.example.com',
        descriptionEn: '',
        descriptionZh: '',
        verified: false,
      },
    ];
    const { service } = suite.t.modules.companies;
    const first = await service.loadShipped(shipped);
    const before = await companyCount();
    const decisions = () =>
      suite.t.db
        .selectFrom('company_decisions')
        .selectAll()
        .where('company_id', 'in', [...first.values()])
        .execute();
    const decisionsBefore = await decisions();
    const second = await service.loadShipped(shipped);
    expect(second).toEqual(first);
    expect(await companyCount()).toBe(before);
    expect(await decisions()).toEqual(decisionsBefore);
    expect(decisionsBefore.map((d) => [d.company_id, d.decision, d.decided_by])).toEqual([
      [first.get('test-verified'), 'verified', null],
    ]);
    const rows = await suite.t.db
      .selectFrom('companies')
      .selectAll()
      .where('id', 'in', [...first.values()])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.source_key, r.status, r.origin, r.slug])).toEqual([
      ['demo:test-verified', 'verified', 'demo', 'xian-old-town-software-ltd'],
      ['demo:test-pending', 'pending', 'demo', 'xian-city-wall-dining'],
    ]);
    const page = await get('/companies/xian-old-town-software-ltd');
    expect(page.body).toContain('Demo company');
    expect((await get('/zh/companies/xian-old-town-software-ltd')).body).toContain('演示企业');
  });
});
