import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, wholeDatabase } from '../database';
import type { MailMessage } from '../mail';
import { ownTables } from '../platform/db/tables';
import { openTestDatabase, testEngines } from '../platform/db/test-databases';
import { type AccountService, createAccountService, SIGN_IN_THROTTLES, throttleDelayMs } from './service';

const MINUTE = 60_000;
const links = {
  confirm: (token: string) => `https://jobsite.example/account/register/${token}`,
  signIn: 'https://jobsite.example/account/sign-in',
  reset: 'https://jobsite.example/account/reset',
};
const confirmToken = (mail: MailMessage) => mail.body.match(/\/account\/register\/([A-Za-z0-9_-]{43})/)![1]!;
const password = 'a long enough password';

/** Rules that need the clock moved (lock windows, expiry) or a concurrent race, on the service itself. */
describe.each(testEngines)('account rules on $name', (engine) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  /** Every table, for arranging and inspecting rows. */
  let db: Kysely<Database>;
  let accounts: AccountService;
  let clock = new Date('2026-12-01T08:00:00.000Z');
  const sent: MailMessage[] = [];
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  let counter = 0;
  const newUser = (role: 'member' | 'admin' | 'editor' = 'member') =>
    accounts.createUser({ email: `rule-${++counter}@example.test`, password, displayName: `User ${counter}`, role });
  const failures = async (email: string) =>
    (await db.selectFrom('sign_in_failures').select('id').where('email', '=', email).execute()).length;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    db = wholeDatabase(handle.db);
    accounts = createAccountService(
      ownTables(handle.db),
      { send: async (message) => void sent.push(message) },
      () => clock,
    );
  });
  afterAll(async () => handle?.close());

  it('normalises emails and refuses a second account for one email', async () => {
    const viewer = await accounts.createUser({
      email: ' Zhao@Example.TEST ',
      password,
      displayName: ' Zhao ',
      role: 'member',
    });
    expect(viewer).toMatchObject({ email: 'zhao@example.test', displayName: 'Zhao', role: 'member' });
    // A second registration for the e-mail is not refused (that would tell who has an account): its owner is told.
    await accounts.register({ email: 'ZHAO@example.test', password, displayName: 'Other' }, 'en', links);
    expect(sent.at(-1)).toMatchObject({
      to: 'zhao@example.test',
      subject: 'Someone tried to register with your e-mail address',
    });
    expect(sent.at(-1)!.body).toContain('https://jobsite.example/account/reset');
    await expect(
      accounts.register({ email: 'new@example.test', password: 'too short', displayName: 'X' }, 'en', links),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'password' }],
    });
    await expect(
      accounts.createUser({ email: 'r@example.test', password, displayName: 'R', role: 'root' as 'admin' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('makes one address wait longer after each failure past the free ones, then lets the owner in', async () => {
    const user = await newUser();
    const home = '192.0.2.1';
    const { free } = SIGN_IN_THROTTLES.pair;
    for (let i = 0; i < free; i++) expect((await accounts.signIn(user.email, 'wrong password', home)).ok).toBe(false);
    // The fourth try waits a second, the next two, then four: growing, never a fixed lock.
    for (const waitMs of [1000, 2000, 4000]) {
      const early = await accounts.signIn(user.email, password, home);
      expect(early).toEqual({ ok: false, retryAfterSeconds: waitMs / 1000 });
      advance(waitMs);
      expect((await accounts.signIn(user.email, 'wrong password', home)).ok).toBe(false);
    }
    expect(await accounts.signIn(user.email, password, home)).toMatchObject({ ok: false, retryAfterSeconds: 8 });
    advance(8000);
    expect((await accounts.signIn(user.email, password, home)).ok).toBe(true);
    expect(await failures(user.email)).toBe(0);
  });

  it('lets nobody keep the owner out for more than a minute from elsewhere', async () => {
    const user = await newUser();
    // Attackers on many addresses fail as fast as they are let through, for the whole window.
    let attacker = 0;
    for (let i = 0; i < 40; i++) {
      const result = await accounts.signIn(user.email, 'wrong password', `198.51.100.${++attacker}`);
      expect(result.ok).toBe(false);
      if (!result.ok && result.retryAfterSeconds) advance(result.retryAfterSeconds * 1000);
    }
    const owner = await accounts.signIn(user.email, password, '203.0.113.7');
    const wait = owner.ok ? 0 : (owner.retryAfterSeconds ?? 0);
    expect(wait).toBeLessThanOrEqual(60);
    advance(wait * 1000);
    expect((await accounts.signIn(user.email, password, '203.0.113.7')).ok).toBe(true);
  });

  it('slows one address trying many e-mails, and counts unknown e-mails the same way', async () => {
    const address = '192.0.2.99';
    const { free } = SIGN_IN_THROTTLES.address;
    for (let i = 0; i < free; i++) {
      expect(await accounts.signIn(`nobody-${i}@example.test`, 'x', address)).toEqual({ ok: false });
    }
    expect(await accounts.signIn('nobody-else@example.test', 'x', address)).toEqual({
      ok: false,
      retryAfterSeconds: throttleDelayMs(SIGN_IN_THROTTLES.address, free) / 1000,
    });
    // Another address is not slowed by it.
    expect(await accounts.signIn('nobody-else@example.test', 'x', '192.0.2.100')).toEqual({ ok: false });
  });

  it('checks no more than the free passwords when attempts race', async () => {
    const user = await newUser();
    await Promise.all(Array.from({ length: 4 }, () => sql`select 1`.execute(handle.db)));
    const results = await Promise.all(
      Array.from({ length: 12 }, () => accounts.signIn(user.email, 'wrong password', '192.0.2.50')),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await failures(user.email)).toBeLessThanOrEqual(SIGN_IN_THROTTLES.pair.free + 1);
  });

  it('forgets a session after 30 days and deletes it', async () => {
    const user = await newUser();
    const result = await accounts.signIn(user.email, password);
    if (!result.ok) throw new Error('sign-in failed');
    expect(await accounts.resolveSession(result.token)).toEqual(user);
    advance(30 * 24 * 60 * MINUTE - 1);
    expect(await accounts.resolveSession(result.token)).toEqual(user);
    advance(1);
    expect(await accounts.resolveSession(result.token)).toBeNull();
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect(await accounts.resolveSession('not-a-token')).toBeNull();
    expect(await accounts.resolveSession('x'.repeat(10_000))).toBeNull();
  });

  it('lets a reset link work for one hour only', async () => {
    const user = await newUser();
    let token = '';
    await accounts.requestPasswordReset(user.email, 'en', (t) => (token = t));
    expect(sent.at(-1)).toMatchObject({ to: user.email, subject: 'Reset your jobsite password' });
    expect(await accounts.isResetTokenUsable(token)).toBe(true);
    advance(60 * MINUTE);
    expect(await accounts.isResetTokenUsable(token)).toBe(false);
    await expect(accounts.resetPassword(token, 'another long password')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('spends a reset link once when it is used twice at the same moment', async () => {
    const user = await newUser();
    let token = '';
    await accounts.requestPasswordReset(user.email, 'en', (t) => (token = t));
    const outcomes = await Promise.allSettled([
      accounts.resetPassword(token, 'first new password'),
      accounts.resetPassword(token, 'second new password'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('writes the reset mail in the language it was asked in', async () => {
    const user = await newUser();
    await accounts.requestPasswordReset(user.email, 'zh', (t) => `https://jobsite.example/zh/account/reset/${t}`);
    const mail = sent.at(-1)!;
    expect(mail.subject).toBe('重置你的 jobsite 密码');
    expect(mail.body).toContain('请在 1 小时内通过以下链接设置新密码');
    expect(mail.body).toMatch(/https:\/\/jobsite\.example\/zh\/account\/reset\/[A-Za-z0-9_-]{43}/);
  });

  it('keeps a preferred language per account: English by default, the registration page language, then their choice', async () => {
    expect((await newUser()).locale).toBe('en');
    await accounts.register({ email: `zh-${++counter}@example.test`, password, displayName: '王芳' }, 'zh', links);
    const { viewer } = await accounts.confirmRegistration(confirmToken(sent.at(-1)!));
    expect(viewer.locale).toBe('zh');
    const other = await newUser();
    expect(await accounts.changeLocale(viewer, 'en')).toBe('en');
    const [me, them] = await accounts.contactsOf([viewer.id, other.id]).then((c) => c.sort((a, b) => a.id - b.id));
    expect(me).toMatchObject({ id: viewer.id, locale: 'en' });
    expect(them).toMatchObject({ id: other.id, locale: 'en' });
    await expect(accounts.changeLocale(viewer, 'fr')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'locale', key: 'account.error.localeInvalid' }],
    });
    const created = await accounts.createUser({
      email: `cli-${++counter}@example.test`,
      password,
      displayName: 'CLI',
      role: 'editor',
      locale: 'zh',
    });
    expect((await accounts.contactsOf([created.id]))[0]).toMatchObject({ email: created.email, locale: 'zh' });
  });

  it('sends nothing for an unknown email', async () => {
    const before = sent.length;
    await accounts.requestPasswordReset('unknown-person@example.test', 'en', () => 'link');
    expect(sent.length).toBe(before);
  });

  it('keeps at least one admin, and lets only a current admin change roles', async () => {
    await db.updateTable('users').set({ role: 'member' }).where('role', '=', 'admin').execute();
    const admin = await newUser('admin');
    await expect(accounts.changeRole(admin, admin.id, 'member')).rejects.toMatchObject({ code: 'CONFLICT' });
    const editor = await newUser('editor');
    await expect(accounts.changeRole(editor, editor.id, 'admin')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const second = await newUser('admin');
    expect(await accounts.changeRole(admin, second.id, 'editor')).toMatchObject({ id: second.id, role: 'editor' });
    await accounts.changeRole(admin, second.id, 'admin');
    // Two admins demoting each other at the same moment: one of them stays an admin. (Two connections are
    // opened first, or on PostgreSQL the first transaction would finish while the second one connects.)
    await Promise.all([sql`select 1`.execute(handle.db), sql`select 1`.execute(handle.db)]);
    await Promise.allSettled([
      accounts.changeRole(admin, second.id, 'member'),
      accounts.changeRole(second, admin.id, 'member'),
    ]);
    const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
    // An admin demoted since their request began (the viewer object still says admin) is refused.
    const stale = admins[0]!.id === admin.id ? second : admin;
    await expect(accounts.changeRole(stale, stale.id, 'admin')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
