import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, signInAs } from '../test-support/forms';
import type { Role } from './tables';

describe.each(testEngines)('admin: users and roles on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, { seed: false });
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const roleOf = async (id: number) =>
    (await t.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
  const setRole = (id: number, role: string, cookies: Cookies) =>
    postForm(t.app, `/admin/users/${id}/role`, { role }, cookies);

  it('sends an anonymous visitor to sign in, and refuses their post', async () => {
    const page = await get('/admin/users');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/account/sign-in?next=%2Fadmin%2Fusers');
    const { user } = await signInAs(t, 'member');
    const { response } = await setRole(user.id, 'admin', {});
    expect(response.statusCode).toBe(401);
    expect(await roleOf(user.id)).toBe('member');
  });

  it.each<Role>(['member', 'employer', 'expert', 'editor'])('refuses a %s', async (role) => {
    const { cookies, user } = await signInAs(t, role);
    expect((await get('/admin/users', cookies)).statusCode).toBe(403);
    const { response } = await setRole(user.id, 'admin', cookies);
    expect(response.statusCode).toBe(403);
    expect(await roleOf(user.id)).toBe(role);
  });

  it('lets an admin see everyone and change a role', async () => {
    const admin = await signInAs(t, 'admin');
    const { user } = await signInAs(t, 'member', { displayName: 'Wang Fang' });
    const page = await get('/admin/users', admin.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Wang Fang');
    expect(page.body).toContain(`action="/admin/users/${user.id}/role"`);

    const { response, cookies } = await setRole(user.id, 'expert', admin.cookies);
    expect(response.statusCode).toBe(303);
    expect(await roleOf(user.id)).toBe('expert');
    expect((await get(response.headers.location as string, cookies)).body).toContain('Role updated.');
  });

  it('keeps the last admin from demoting themselves', async () => {
    // Every other admin of this database steps down first, so the one below is the last.
    const admin = await signInAs(t, 'admin');
    await t.db
      .updateTable('users')
      .set({ role: 'member' })
      .where('role', '=', 'admin')
      .where('id', '!=', admin.user.id)
      .execute();

    const refused = await setRole(admin.user.id, 'member', admin.cookies);
    expect(refused.response.statusCode).toBe(409);
    expect(refused.response.body).toContain('You are the last admin');
    expect(await roleOf(admin.user.id)).toBe('admin');

    const second = await signInAs(t, 'admin');
    expect((await setRole(admin.user.id, 'editor', admin.cookies)).response.statusCode).toBe(303);
    expect(await roleOf(admin.user.id)).toBe('editor');
    // Their session now carries the new role: the admin pages are closed to them.
    expect((await get('/admin/users', admin.cookies)).statusCode).toBe(403);
    expect(await roleOf(second.user.id)).toBe('admin');
  });

  it('refuses an unknown role or user with the reason', async () => {
    const admin = await signInAs(t, 'admin');
    const { user } = await signInAs(t, 'member');
    const badRole = await setRole(user.id, 'superuser', admin.cookies);
    expect(badRole.response.statusCode).toBe(400);
    expect(badRole.response.body).toContain('Choose one of the listed roles.');
    const nobody = await setRole(999_999, 'expert', admin.cookies);
    expect(nobody.response.statusCode).toBe(404);
    expect(nobody.response.body).toContain('There is no user with that number.');
    expect((await setRole(0, 'expert', admin.cookies)).response.statusCode).toBe(400);
  });

  it('shows a display name with markup as text', async () => {
    const admin = await signInAs(t, 'admin');
    await signInAs(t, 'member', { displayName: '<script>alert(1)</script>' });
    const page = await get('/admin/users', admin.cookies);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.body).not.toContain('<script>alert(1)');
  });
});
