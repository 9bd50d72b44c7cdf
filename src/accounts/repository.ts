import type { ModuleDb } from '../platform/db/tables';
import type { Locale } from '../platform/web/i18n';
import type { AccountTables, Role } from './tables';

/**
 * SQL for users, sessions, password resets and sign-in failures. Every function takes the
 * database or a transaction first. Timestamps are ISO-8601 UTC strings from Date.toISOString(), all the
 * same length, so comparing them as text orders them in time on both engines.
 */
type Db = ModuleDb<AccountTables>;

const userColumns = ['id', 'email', 'password_hash', 'display_name', 'role', 'locale', 'created_at'] as const;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(userColumns).where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** Names and addresses of several users at once, for other modules (authors, notification mail). */
export function listUsersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'email', 'display_name', 'locale']).where('id', 'in', ids).execute();
}

/**
 * Inserts a user unless the email is taken; returns the new id, or undefined when it was taken. The
 * unique index decides, so two registrations racing for one email cannot both succeed, and neither
 * engine raises an error for the loser.
 */
export async function insertUser(
  db: Db,
  user: { email: string; passwordHash: string; displayName: string; role: Role; locale: Locale; now: string },
): Promise<number | undefined> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName,
      role: user.role,
      locale: user.locale,
      created_at: user.now,
      updated_at: user.now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string, now: string) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** The account's own preferred language; the caller has made sure `userId` is the one asking. */
export async function updateLocale(db: Db, userId: number, locale: Locale, now: string) {
  await db.updateTable('users').set({ locale, updated_at: now }).where('id', '=', userId).execute();
}

export async function updateRole(db: Db, userId: number, role: Role, now: string) {
  await db.updateTable('users').set({ role, updated_at: now }).where('id', '=', userId).execute();
}

/**
 * A no-op write to every admin row. On PostgreSQL it takes their row locks, so two admins demoting
 * each other at once queue up and the second sees the first's change (and the last-admin rule holds);
 * SQLite runs one write transaction at a time anyway. Plain SQL, unlike SELECT … FOR UPDATE.
 */
export async function lockAdmins(db: Db) {
  await db
    .updateTable('users')
    .set((eb) => ({ role: eb.ref('role') }))
    .where('role', '=', 'admin')
    .execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a bigint string.
  return Number(row.n);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Oldest first, so the first admin stays at the top and pages are stable as people register. */
export function listUsers(db: Db, page: { limit: number; offset: number }) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'locale', 'created_at'])
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

// ---- sessions ---------------------------------------------------------------------------------

export async function insertSession(db: Db, session: { id: string; userId: number; now: string; expiresAt: string }) {
  await db
    .insertInto('sessions')
    .values({ id: session.id, user_id: session.userId, created_at: session.now, expires_at: session.expiresAt })
    .execute();
}

/** The session with its user, read on every request that carries a session cookie (primary key lookup). */
export function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'users.id', 'users.email', 'users.display_name', 'users.role', 'users.locale'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sessions nobody comes back to are never resolved (and deleted) again; sign-in sweeps its user's. */
export async function deleteExpiredSessions(db: Db, userId: number, now: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

// ---- sign-in failures -------------------------------------------------------------------------

export async function insertSignInFailure(
  db: Db,
  failure: { email: string; address: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto('sign_in_failures')
    .values({ email: failure.email, address: failure.address, created_at: failure.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface FailureCount {
  count: number;
  /** When the latest of them was; null when there are none. */
  latest: string | null;
}

/**
 * The failures recorded before attempt `id` within the window: of the e-mail and address together, of the
 * address (any e-mail) and of the e-mail (any address). Before it by id, so racing attempts count each other.
 */
export async function failuresBefore(
  db: Db,
  id: number,
  key: { email: string; address: string },
  since: string,
): Promise<Record<'pair' | 'address' | 'email', FailureCount>> {
  const count = async (where: { email?: string; address?: string }) => {
    let query = db
      .selectFrom('sign_in_failures')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('created_at').as('latest')])
      .where('id', '<', id)
      .where('created_at', '>', since);
    if (where.email !== undefined) query = query.where('email', '=', where.email);
    if (where.address !== undefined) query = query.where('address', '=', where.address);
    const row = await query.executeTakeFirstOrThrow();
    return { count: Number(row.n), latest: (row.latest as string | null) ?? null };
  };
  const [pair, address, email] = await Promise.all([
    count(key),
    // Without an address (the service called directly) there is nothing to count by address.
    key.address ? count({ address: key.address }) : { count: 0, latest: null },
    count({ email: key.email }),
  ]);
  return { pair, address, email };
}

export async function deleteSignInFailure(db: Db, id: number) {
  await db.deleteFrom('sign_in_failures').where('id', '=', id).execute();
}

export async function clearSignInFailures(db: Db, email: string) {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}

/** Rows older than the window count for nothing; the table stays as small as the recent failures. */
export async function purgeSignInFailures(db: Db, before: string) {
  await db.deleteFrom('sign_in_failures').where('created_at', '<=', before).execute();
}

// ---- password resets --------------------------------------------------------------------------

export async function insertPasswordReset(
  db: Db,
  reset: { id: string; userId: number; now: string; expiresAt: string },
) {
  await db
    .insertInto('password_resets')
    .values({ id: reset.id, user_id: reset.userId, created_at: reset.now, expires_at: reset.expiresAt, used_at: null })
    .execute();
}

export function findUsablePasswordReset(db: Db, id: string, now: string) {
  return db
    .selectFrom('password_resets')
    .select(['id', 'user_id'])
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Marks a reset used unless it already was; true when this call did it. The condition is in the UPDATE
 * so two submissions of one link cannot both pass.
 */
export async function markPasswordResetUsed(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Spends every unused link of the user: one link used (a new password set) voids the others sent before. */
export async function spendPasswordResets(db: Db, userId: number, now: string) {
  await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

// ---- registration requests --------------------------------------------------------------------

export async function insertRegistrationRequest(
  db: Db,
  request: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string;
    locale: string;
    now: string;
    expiresAt: string;
  },
) {
  // Requests nobody followed are of no use once expired; each new one sweeps them.
  await db.deleteFrom('registration_requests').where('expires_at', '<=', request.now).execute();
  await db
    .insertInto('registration_requests')
    .values({
      id: request.id,
      email: request.email,
      display_name: request.displayName,
      password_hash: request.passwordHash,
      locale: request.locale,
      created_at: request.now,
      expires_at: request.expiresAt,
      used_at: null,
    })
    .execute();
}

export function findUsableRegistrationRequest(db: Db, id: string, now: string) {
  return db
    .selectFrom('registration_requests')
    .selectAll()
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a request used unless it already was; true when this call did it (two clicks make one account). */
export async function markRegistrationRequestUsed(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('registration_requests')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Spends every other request for the e-mail once it has an account. */
export async function spendRegistrationRequests(db: Db, email: string, now: string) {
  await db
    .updateTable('registration_requests')
    .set({ used_at: now })
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .execute();
}
