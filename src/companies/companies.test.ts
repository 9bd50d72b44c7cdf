import { describe, expect, it } from 'vitest';
import { testEngines } from '../test-support/databases';
import { postForm, testIp } from '../test-support/forms';
import { companiesSuite, companyForm, newCreditCode } from './testing';

describe.each(testEngines)('companies on $name', (engine) => {
  const { suite, get, post, companyCount, companyBySlug, create } = companiesSuite(engine);

  it('refuses a credit code with a wrong check character, storing nothing', async () => {
    const before = await companyCount();
    const good = newCreditCode();
    const last = good.at(-1)!;
    const wrong = good.slice(0, -1) + (last === '0' ? '1' : '0');
    const response = await post('/employer/companies/new', companyForm({ creditCode: wrong }), suite.owner.cookies);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('last character (its check character) does not match');
    // The form comes back with what was typed.
    expect(response.body).toContain(`value="${wrong}"`);
    expect(await companyCount()).toBe(before);

    const zh = await postForm(
      suite.t.app,
      '/zh/employer/companies/new',
      companyForm({ creditCode: 'ABC' }),
      suite.owner.cookies,
      {
        remoteAddress: testIp(),
      },
    );
    expect(zh.response.statusCode).toBe(400);
    expect(zh.response.body).toContain('统一社会信用代码为18位');
    expect(await companyCount()).toBe(before);
  });

  it('creates a pending company owned by its creator, with a unique slug and credit code', async () => {
    const code = newCreditCode();
    // Typed full-width and in lower case, as an IME may: stored normalised.
    const fullWidth = [...code.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const response = await post('/employer/companies/new', companyForm({ creditCode: fullWidth }), suite.owner.cookies);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/companies\/shenzhen-bright-logistics-co-ltd(-\d+)?$/);
    const slug = (response.headers.location as string).split('/').pop()!;
    const row = await companyBySlug(slug);
    expect(row).toMatchObject({
      credit_code: code,
      status: 'pending',
      origin: 'user',
      created_by: suite.owner.user.id,
    });
    const members = await suite.t.db
      .selectFrom('company_members')
      .selectAll()
      .where('company_id', '=', row.id)
      .execute();
    expect(members.map((m) => [m.user_id, m.role])).toEqual([[suite.owner.user.id, 'owner']]);
    const { service } = suite.t.modules.companies;
    expect(await service.isMember(suite.owner.user.id, row.id)).toBe(true);
    // Other modules' summary carries the website: job pages name it as the organization's JSON-LD sameAs.
    expect((await service.describe([row.id])).get(row.id)?.website).toBe('https://bright-logistics.example.com/');
    expect((await service.membershipsOf(suite.owner.user.id)).map((m) => [m.company.slug, m.role])).toContainEqual([
      slug,
      'owner',
    ]);
    expect((await service.describe([row.id, 999_999])).get(row.id)).toMatchObject({ slug, verified: false });

    // The same English name gets the next slug; the same credit code is refused with its field named.
    const second = await create();
    expect(second).not.toBe(slug);
    expect(second.startsWith('shenzhen-bright-logistics-co-ltd-')).toBe(true);
    const before = await companyCount();
    const taken = await post('/employer/companies/new', companyForm({ creditCode: code }), suite.owner.cookies);
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('A company with this credit code is already on the board.');
    expect(await companyCount()).toBe(before);
  });

  it('refuses bad fields with their messages: website other than http(s), unknown city, missing names', async () => {
    const before = await companyCount();
    const response = await post(
      '/employer/companies/new',
      companyForm({ website: 'javascript:alert(1)', city: 'CN-GD', nameZh: '', industry: '' }),
      suite.owner.cookies,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('starting with http:// or https://');
    expect(response.body).toContain('Choose the city the company is in.');
    expect(response.body).toContain('registered Chinese name');
    expect(response.body).toContain('Choose an industry.');
    expect(await companyCount()).toBe(before);
  });

  it('lists pending and verified companies (only verified ones badged), hides refused ones, filters', async () => {
    const verified = await create({
      nameEn: 'Hangzhou Cloud Abacus Ltd',
      nameZh: '杭州云算盘有限公司',
      industry: 'internet',
      city: 'CN-ZJ-HZ',
    });
    const pending = await create({
      nameEn: 'Hangzhou Quiet Tea House',
      nameZh: '杭州静茶馆',
      industry: 'hospitality',
      city: 'CN-ZJ-HZ',
    });
    const refused = await create({
      nameEn: 'Hangzhou Shady Deposit Agency',
      nameZh: '杭州押金中介',
      industry: 'hospitality',
      city: 'CN-ZJ-HZ',
    });
    const ids = { verified: (await companyBySlug(verified)).id, refused: (await companyBySlug(refused)).id };
    expect((await post(`/moderation/companies/${ids.verified}/verify`, {}, suite.editor.cookies)).statusCode).toBe(303);
    expect(
      (
        await post(
          `/moderation/companies/${ids.refused}/refuse`,
          { reason: 'Charges seekers a deposit.' },
          suite.editor.cookies,
        )
      ).statusCode,
    ).toBe(303);

    const list = await get('/companies?city=CN-ZJ-HZ');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Hangzhou Cloud Abacus Ltd');
    expect(list.body).toContain('Hangzhou Quiet Tea House');
    expect(list.body).not.toContain('Shady Deposit');
    // Verified first, badged; the pending one without a badge.
    const item = (name: string) =>
      list.body.slice(list.body.indexOf(name), list.body.indexOf('</li>', list.body.indexOf(name)));
    expect(item('Hangzhou Cloud Abacus Ltd')).toContain('class="badge">Verified<');
    expect(item('Hangzhou Quiet Tea House')).not.toContain('Verified');
    expect(list.body.indexOf('Cloud Abacus')).toBeLessThan(list.body.indexOf('Quiet Tea House'));

    const hospitality = await get('/companies?city=CN-ZJ-HZ&industry=hospitality');
    expect(hospitality.body).toContain('Quiet Tea House');
    expect(hospitality.body).not.toContain('Cloud Abacus');
    expect((await get('/companies?city=CN-ZJ-HZ&page=9')).statusCode).toBe(404);
    expect((await get('/companies?industry=mining')).statusCode).toBe(400);

    // Refused: hidden from the public, shown to its suite.owner with the reason, and to moderators.
    expect((await get(`/companies/${refused}`)).statusCode).toBe(404);
    const ownView = await get(`/companies/${refused}`, suite.owner.cookies);
    expect(ownView.statusCode).toBe(200);
    expect(ownView.body).toContain('Charges seekers a deposit.');
    expect((await get(`/companies/${refused}`, suite.editor.cookies)).statusCode).toBe(200);
    expect((await get(`/companies/${pending}`)).statusCode).toBe(200);

    // Every decision is kept, with who made it, and listed on the moderation page.
    const decisions = await suite.t.db
      .selectFrom('company_decisions')
      .selectAll()
      .where('company_id', 'in', [ids.verified, ids.refused])
      .orderBy('id')
      .execute();
    expect(decisions.map((d) => [d.decision, d.decided_by, d.reason])).toEqual([
      ['verified', suite.editor.user.id, ''],
      ['refused', suite.editor.user.id, 'Charges seekers a deposit.'],
    ]);
    const moderation = await get('/moderation/companies', suite.editor.cookies);
    expect(moderation.body).toContain('Charges seekers a deposit.');
    expect(moderation.body).toContain('Editor Zhou');
    expect(moderation.body).toContain('Hangzhou Quiet Tea House');

    // Editing the refused company sends it back to the queue.
    const edit = await post(
      `/employer/companies/${refused}/edit`,
      companyForm({
        nameEn: 'Hangzhou Shady Deposit Agency',
        nameZh: '杭州押金中介',
        city: 'CN-ZJ-HZ',
        industry: 'retail',
      }),
      suite.owner.cookies,
    );
    expect(edit.statusCode).toBe(303);
    expect((await companyBySlug(refused)).status).toBe('pending');
  });

  it('verifies and refuses only with the rules: a reason for refusing, no decision twice', async () => {
    const slug = await create({ nameEn: 'Wuhan River Bridge Works' });
    const { id } = await companyBySlug(slug);
    const noReason = await post(`/moderation/companies/${id}/refuse`, { reason: ' ' }, suite.editor.cookies);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the company is refused');
    expect((await companyBySlug(slug)).status).toBe('pending');
    expect(
      await suite.t.db.selectFrom('company_decisions').select('id').where('company_id', '=', id).execute(),
    ).toEqual([]);
    expect((await post(`/moderation/companies/${id}/verify`, {}, suite.editor.cookies)).statusCode).toBe(303);
    expect((await post(`/moderation/companies/${id}/verify`, {}, suite.editor.cookies)).statusCode).toBe(409);
    expect((await post('/moderation/companies/999999/verify', {}, suite.editor.cookies)).statusCode).toBe(404);

    // A verified company renamed by its suite.owner waits for verification again.
    const renamed = await post(
      `/employer/companies/${slug}/edit`,
      companyForm({ nameEn: 'Wuhan River Bridge Works Group' }),
      suite.owner.cookies,
    );
    expect(renamed.statusCode).toBe(303);
    expect((await companyBySlug(slug)).status).toBe('pending');
  });
});
