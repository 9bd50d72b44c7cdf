import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, wholeDatabase } from '../database';
import type { MailMessage } from '../mail';
import { ownTables } from '../platform/db/tables';
import { openTestDatabase, testEngines } from '../platform/db/test-databases';
import { type AccountService, createAccountService, SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from './service';

const MINUTE = 60_000;
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
    await expect(
      accounts.register({ email: 'ZHAO@example.test', password, displayName: 'Other' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'email' }],
    });
    await expect(
      accounts.register({ email: 'new@example.test', password: 'too short', displayName: 'X' }),
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

  it('locks an email after 5 failures for the rest of the 15 minutes, then lets it in', async () => {
    const user = await newUser();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      expect((await accounts.signIn(user.email, 'wrong password')).ok).toBe(false);
      advance(MINUTE);
    }
    expect((await accounts.signIn(user.email, password)).ok).toBe(false);
    // Refused attempts do not extend the lock: once the first failure is 15 minutes old, one more try.
    advance(SIGN_IN_WINDOW_MS - SIGN_IN_MAX_FAILURES * MINUTE + 1);
    const result = await accounts.signIn(user.email, password);
    expect(result.ok).toBe(true);
    expect(await failures(user.email)).toBe(0);
  });

  it('counts failures for unknown emails the same way', async () => {
    const email = 'nobody-at-all@example.test';
    for (let i = 0; i < SIGN_IN_MAX_FAILURES + 3; i++) expect((await accounts.signIn(email, 'x')).ok).toBe(false);
    expect(await failures(email)).toBe(SIGN_IN_MAX_FAILURES);
  });

  it('checks no more than the limit of passwords when attempts race', async () => {
    const user = await newUser();
    await Promise.all(Array.from({ length: 4 }, () => sql`select 1`.execute(handle.db)));
    const results = await Promise.all(Array.from({ length: 12 }, () => accounts.signIn(user.email, 'wrong password')));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await failures(user.email)).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES);
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
    const { viewer } = await accounts.register(
      { email: `zh-${++counter}@example.test`, password, displayName: '王芳' },
      'zh',
    );
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
