/** The data export and the account's deletion, over HTTP, with the résumé module's data and files. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../accounts';
import type { ResumeProfile } from '../resumes';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { minimalPdf } from '../test-support/files';
import { type Cookies, postForm, registerByMail, type SignedIn, signInAs, testIp } from '../test-support/forms';
import { unzip } from './zip';

const PROFILE: ResumeProfile = {
  fullName: '赵敏',
  email: 'zhao.min@example.test',
  phone: '13700001234',
  cityCode: 'CN-GD-SZ',
  expectedCityCode: null,
  expectedSalaryMin: null,
  expectedSalaryMax: null,
  education: [],
  work: [{ company: '顺达物流', title: 'Warehouse lead', from: '2018-03', to: null, description: '' }],
  skills: ['WMS'],
  languages: [],
  summary: '',
};

describe.each(testEngines)('export and deletion ($name)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  const post = (url: string, fields: Record<string, string>, cookies: Cookies, withoutToken = false) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp(), withoutToken });
  const storedFiles = () => {
    const dir = join(t.filesDir, 'resumes');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  /** A seeker with a profile, a PDF and a blocked company. */
  async function seekerWithData(): Promise<SignedIn & { fileId: string; pdf: Buffer }> {
    const seeker = await signInAs(t, 'member', { displayName: 'Zhao Min' });
    const resumes = t.modules.resumes.service;
    await resumes.saveProfile(seeker.user.id, PROFILE);
    const pdf = minimalPdf('Warehouse lead');
    const file = await resumes.upload(seeker.user.id, { name: '赵敏.pdf', bytes: pdf });
    return { ...seeker, fileId: file.id, pdf };
  }

  it('asks who is asking: anonymous visitors sign in, forms need their CSRF token', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/account/export' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/account/sign-in');
    expect((await t.app.inject({ method: 'GET', url: '/zh/account/delete' })).statusCode).toBe(303);
    expect((await post('/account/export', {}, {})).response.statusCode).toBe(401);
    expect((await post('/account/delete', { password: 'x' }, {})).response.statusCode).toBe(401);
    const seeker = await signInAs(t, 'member');
    expect((await post('/account/export', {}, seeker.cookies, true)).response.statusCode).toBe(403);
    expect(
      (await post('/account/delete', { password: seeker.password }, seeker.cookies, true)).response.statusCode,
    ).toBe(403);
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', seeker.user.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it('exports the account, the résumé, every holder’s part and the files, as a ZIP', async () => {
    const seeker = await seekerWithData();
    const page = await t.app.inject({ method: 'GET', url: '/account/export', cookies: seeker.cookies });
    expect(page.statusCode).toBe(200);
    const { response } = await post('/account/export', {}, seeker.cookies);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="jobsite-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    const entries = unzip(response.rawPayload);
    const data = JSON.parse(entries.find((e) => e.name === 'data.json')!.bytes.toString('utf8'));
    expect(data.account).toMatchObject({ id: seeker.user.id, email: seeker.user.email, displayName: 'Zhao Min' });
    expect(data.account).not.toHaveProperty('passwordHash');
    expect(data.resume.profile.fullName).toBe('赵敏');
    expect(data.resume.files).toEqual([expect.objectContaining({ id: seeker.fileId, name: '赵敏.pdf' })]);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['applications', 'savedSearches']));
    const pdf = entries.find((e) => e.name === `files/resume/${seeker.fileId}-赵敏.pdf`);
    expect(pdf?.bytes.equals(seeker.pdf)).toBe(true);
    expect(JSON.stringify(data)).not.toContain('password');
  });

  it('keeps everything when the password is wrong', async () => {
    const seeker = await seekerWithData();
    const { response } = await post('/account/delete', { password: 'not my password' }, seeker.cookies);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="password-error"');
    expect(await t.modules.resumes.service.profile(seeker.user.id)).not.toBeNull();
    const again = await t.app.inject({ method: 'GET', url: '/account/resume', cookies: seeker.cookies });
    expect(again.statusCode).toBe(200);
  });

  it('deletes the résumé, its files from disk, the account and its sessions; others keep theirs', async () => {
    const other = await seekerWithData();
    const seeker = await seekerWithData();
    const before = storedFiles().length;
    const { response, cookies } = await post('/account/delete', { password: seeker.password }, seeker.cookies);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/deleted');
    expect(cookies[SESSION_COOKIE]).toBeUndefined();

    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', seeker.user.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await t.db.selectFrom('resumes').select('user_id').where('user_id', '=', seeker.user.id).execute()).toEqual(
      [],
    );
    expect(await t.db.selectFrom('resume_files').select('id').where('user_id', '=', seeker.user.id).execute()).toEqual(
      [],
    );
    expect(storedFiles()).toHaveLength(before - 1);
    // The old session cookie opens nothing any more.
    const stale = await t.app.inject({ method: 'GET', url: '/account/resume', cookies: seeker.cookies });
    expect(stale.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/account/deleted' })).statusCode).toBe(200);

    expect(await t.modules.resumes.service.openFile(other.fileId, other.user.id)).not.toBeNull();
  });

  it('forgets the registration request and the mail sent to the address, and exports that mail without its body', async () => {
    const email = `reg-${Date.now()}@example.test`;
    const password = 'a long enough password 1';
    const other = `other-${Date.now()}@example.test`;
    await registerByMail(t, '/account/register', { email: other, displayName: 'Other', password });
    const { cookies } = await registerByMail(t, '/account/register', { email, displayName: 'Reg Istered', password });
    const rows = (table: 'registration_requests' | 'outbox', column: 'email' | 'to_address', address: string) =>
      t.db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .where(column, '=', address)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    expect(await rows('registration_requests', 'email', email)).toBe(1);
    expect(await rows('outbox', 'to_address', email)).toBeGreaterThan(0);
    const exported = await post('/account/export', {}, cookies);
    const entries = unzip(exported.response.rawPayload);
    const data = JSON.parse(entries.find((e) => e.name === 'data.json')!.bytes.toString('utf8'));
    expect(data.mail).toEqual([expect.objectContaining({ subject: expect.any(String), queuedAt: expect.any(String) })]);
    expect(JSON.stringify(data.mail)).not.toContain('/account/register/');

    const { response } = await post('/account/delete', { password }, cookies);
    expect(response.statusCode).toBe(303);
    expect(await rows('registration_requests', 'email', email)).toBe(0);
    expect(await rows('outbox', 'to_address', email)).toBe(0);
    expect(await rows('registration_requests', 'email', other)).toBe(1);
    expect(await rows('outbox', 'to_address', other)).toBeGreaterThan(0);
  });

  it('keeps the only administrator', async () => {
    await t.db.updateTable('users').set({ role: 'editor' }).where('role', '=', 'admin').execute();
    const admin = await signInAs(t, 'admin');
    const { response } = await post('/account/delete', { password: admin.password }, admin.cookies);
    expect(response.statusCode).toBe(409);
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', admin.user.id).executeTakeFirst(),
    ).toBeDefined();
  });
});
