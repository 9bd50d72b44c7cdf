import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, type SignedIn, signInAs, testIp } from '../test-support/forms';
import { newCreditCode } from './testing';

describe.each(testEngines)('inviting colleagues on $name', (engine) => {
  let t: TestApp;
  let owner: SignedIn;
  let slug: string;
  let companyId: number;

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();

  /** Invites the address and returns the mail sent for it, and the link's path as the mail gives it. */
  async function invite(email: string, locale: 'en' | 'zh' = 'en') {
    const before = (await outbox()).length;
    const response = await post(`/employer/companies/${slug}/invites`, { email, locale }, owner.cookies);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/employer/companies/${slug}/edit?done=invited`);
    const mails = (await outbox()).slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const link = mail.body.match(/http:\/\/localhost:3000((?:\/zh)?\/employer\/invites\/([A-Za-z0-9_-]{43}))/);
    expect(link).not.toBeNull();
    return { mail, path: link![1]!, token: link![2]! };
  }

  beforeAll(async () => {
    t = await openTestApp(engine);
    owner = await signInAs(t, 'employer', { displayName: 'Owner Chen' });
    const created = await post(
      '/employer/companies/new',
      {
        nameZh: '上海浦江会计师事务所',
        nameEn: 'Shanghai Pujiang Accountants',
        creditCode: newCreditCode(),
        industry: 'professional-services',
        size: '50-149',
        city: 'CN-SH',
        website: '',
        descriptionEn: '',
        descriptionZh: '',
      },
      owner.cookies,
    );
    expect(created.statusCode).toBe(303);
    slug = (created.headers.location as string).split('/').pop()!;
    ({ id: companyId } = await t.db
      .selectFrom('companies')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => t?.close());

  it('mails a one-time link in the chosen language; the invited employer accepts it and becomes a member', async () => {
    const colleague = await signInAs(t, 'employer', { displayName: 'Colleague Li' });
    const { mail, path, token } = await invite(colleague.user.email.toUpperCase(), 'zh');
    expect(mail.to_address).toBe(colleague.user.email);
    expect(mail.subject).toBe('邀请您加入jobsite上的上海浦江会计师事务所');
    expect(mail.body).toContain('Owner Chen邀请您');
    expect(path.startsWith('/zh/employer/invites/')).toBe(true);
    // Only the token's SHA-256 is stored, with a week to accept it.
    const stored = await t.db.selectFrom('company_invites').selectAll().where('company_id', '=', companyId).execute();
    const row = stored.at(-1)!;
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    const days = (Date.parse(row.expires_at) - Date.parse(row.created_at)) / 86_400_000;
    expect(days).toBe(7);
    // The owner's page counts it without showing the address.
    const ownerPage = await get(`/employer/companies/${slug}/edit?done=invited`, owner.cookies);
    expect(ownerPage.body).toContain('The invitation is on its way.');
    expect(ownerPage.body).toContain('1 invitation is waiting to be accepted.');

    // Anonymous: asked to sign in first, and brought back.
    const anonymous = await get(path);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/zh/account/sign-in?next=${encodeURIComponent(path)}`);

    const page = await get(path, colleague.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('加入上海浦江会计师事务所');
    expect(page.body).toContain(`action="${path}"`);
    const accepted = await postForm(t.app, path, {}, colleague.cookies, { page: path, remoteAddress: testIp() });
    expect(accepted.response.statusCode).toBe(303);
    expect(accepted.response.headers.location).toBe(`/zh/employer/companies/${slug}/edit?done=joined`);
    const { service } = t.modules.companies;
    expect(await service.isMember(colleague.user.id, companyId)).toBe(true);
    expect((await service.membershipsOf(colleague.user.id)).map((m) => [m.company.slug, m.role])).toEqual([
      [slug, 'member'],
    ]);
    const joined = await get(`/zh/employer/companies/${slug}/edit?done=joined`, colleague.cookies);
    expect(joined.body).toContain('您已加入该企业。');
    expect(joined.body).toContain('Colleague Li');
    expect(joined.body).not.toContain(owner.user.email);
    // A member edits the profile but does not invite.
    expect(joined.body).not.toContain('/invites"');
    expect(
      (await post(`/employer/companies/${slug}/invites`, { email: 'x@example.test', locale: 'en' }, colleague.cookies))
        .statusCode,
    ).toBe(403);

    // Spent once: the link is refused afterwards, and nothing changes.
    const again = await post(path, {}, colleague.cookies);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('这个邀请已经被使用过了。');
    expect((await get(path, colleague.cookies)).statusCode).toBe(409);
    expect((await get('/employer/invites/not-a-token', colleague.cookies)).statusCode).toBe(404);
  });

  it('refuses an expired invitation', async () => {
    const colleague = await signInAs(t, 'employer');
    const { path, token } = await invite(colleague.user.email);
    await t.db
      .updateTable('company_invites')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', createHash('sha256').update(token).digest('hex'))
      .execute();
    const response = await post(path, {}, colleague.cookies);
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This invitation has expired');
    expect(await t.modules.companies.service.isMember(colleague.user.id, companyId)).toBe(false);
  });

  it('asks a member account to become an employer first, and keeps the invitation for then', async () => {
    const person = await signInAs(t, 'member');
    const { path } = await invite(person.user.email);
    const page = await get(path, person.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ask an administrator to make your account an employer account');
    expect(page.body).not.toContain('Accept and join the company');
    const refused = await post(path, {}, person.cookies);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Ask an administrator to make your account an employer account');
    expect(await t.modules.companies.service.isMember(person.user.id, companyId)).toBe(false);

    const admin = await signInAs(t, 'admin');
    await t.modules.accounts.service.changeRole(admin.user, person.user.id, 'employer');
    expect((await post(path, {}, person.cookies)).statusCode).toBe(303);
    expect(await t.modules.companies.service.isMember(person.user.id, companyId)).toBe(true);
  });

  it('refuses an employer signed in with another address than the invited one', async () => {
    const invited = await signInAs(t, 'employer');
    const other = await signInAs(t, 'employer');
    const { path } = await invite(invited.user.email);
    const response = await post(path, {}, other.cookies);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('sent to another e-mail address');
    expect(response.body).not.toContain(invited.user.email);
    expect(await t.modules.companies.service.isMember(other.user.id, companyId)).toBe(false);
    // Still usable by the right person.
    expect((await post(path, {}, invited.cookies)).statusCode).toBe(303);
  });

  it('refuses a malformed address with the form shown again, sending nothing', async () => {
    const before = (await outbox()).length;
    const response = await post(
      `/employer/companies/${slug}/invites`,
      { email: 'not an address', locale: 'en' },
      owner.cookies,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Give a valid e-mail address.');
    expect(response.body).toContain('value="not an address"');
    expect((await outbox()).length).toBe(before);
  });
});
