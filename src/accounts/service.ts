import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MailTransport } from '../mail';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/web/errors';
import { createI18n, LOCALES, type Locale } from '../platform/web/i18n';
import { validInput } from '../platform/web/validation';
import type { Viewer } from './auth';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { can } from './permissions';
import * as repo from './repository';
import {
  type CreateUserInput,
  createUserInputSchema,
  localeChangeInputSchema,
  localeSchema,
  newPasswordSchema,
  type RegisterInput,
  registerInputSchema,
  resetRequestInputSchema,
  roleSchema,
} from './schemas';
import type { AccountTables, Role } from './tables';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const RESET_TTL_MS = 60 * 60 * 1000;
const REGISTRATION_TTL_MS = 24 * 60 * 60 * 1000;
/** Failed sign-ins count for this long (decision 0120); older rows are purged. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Sign-in throttling, instead of a hard lock anyone could put on anyone's e-mail: the failures of the window,
 * counted per key, buy a wait after the latest of them that doubles with each failure past the free ones. One
 * address guessing one account, or one address trying many accounts, soon waits minutes; many addresses on one
 * account make everyone wait at most a minute, so nobody can keep the owner out for long.
 */
export const SIGN_IN_THROTTLES = {
  pair: { free: 3, baseMs: 1000, capMs: SIGN_IN_WINDOW_MS },
  address: { free: 10, baseMs: 1000, capMs: SIGN_IN_WINDOW_MS },
  email: { free: 5, baseMs: 1000, capMs: 60_000 },
} as const;

/** The wait after the latest of `failures` failures of one key. */
export function throttleDelayMs(throttle: { free: number; baseMs: number; capMs: number }, failures: number): number {
  if (failures < throttle.free) return 0;
  return Math.min(throttle.capMs, throttle.baseMs * 2 ** Math.min(30, failures - throttle.free));
}
export const USERS_PAGE_SIZE = 50;
/** Our tokens are 43 characters; anything much longer is not one of ours and is not worth hashing. */
const MAX_TOKEN_LENGTH = 100;

/** A refusal says when to try again only when throttled; a wrong password and an unknown e-mail read alike. */
export type SignInResult = { ok: true; token: string; viewer: Viewer } | { ok: false; retryAfterSeconds?: number };

/** A random token for a cookie or a link, and the SHA-256 we store: a leaked table opens no session. */
function newToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, id: tokenId(token) };
}

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A stored language we no longer offer (or a hand-edited row) reads as English rather than breaking a page. */
function knownLocale(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en';
}

function toViewer(user: { id: number; email: string; display_name: string; role: Role; locale: string }): Viewer {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    locale: knownLocale(user.locale),
  };
}

const emailUnavailable = () =>
  new Conflict('account.register.emailUnavailable', {}, [{ field: 'email', key: 'account.register.emailUnavailable' }]);

// Sign-in with an unknown email still runs scrypt, against this hash, so it takes as long as a wrong
// password and the time taken does not tell which emails have accounts. Made once, on first use.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export function createAccountService(
  db: Kysely<AccountTables>,
  mail: MailTransport,
  now: () => Date = () => new Date(),
) {
  const iso = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();

  async function startSession(trx: Kysely<AccountTables>, userId: number): Promise<string> {
    const { token, id } = newToken();
    await repo.insertSession(trx, { id, userId, now: iso(), expiresAt: iso(SESSION_MAX_AGE_SECONDS * 1000) });
    await repo.deleteExpiredSessions(trx, userId, iso());
    return token;
  }

  /** Hashes outside the transaction: 100+ ms of scrypt should not hold SQLite's write lock. */
  async function insertNewUser(
    input: { email: string; password: string; displayName: string; role: Role; locale: Locale },
    withSession: boolean,
  ) {
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertUser(trx, { ...input, passwordHash, now: iso() });
      if (id === undefined) throw emailUnavailable();
      const { email, displayName, role, locale } = input;
      const viewer: Viewer = { id, email, displayName, role, locale };
      return { viewer, token: withSession ? await startSession(trx, id) : null };
    });
  }

  return {
    /**
     * Asks for a new member account, whose mail is in `locale` (the language of the page they registered on): the
     * answer, and the time it takes, are the same whether or not the e-mail has an account, so the form tells
     * nobody who is registered. A new e-mail gets a link that makes the account (`confirmRegistration`); an
     * e-mail with an account gets a mail telling its owner, with the ways to sign in or reset the password.
     */
    async register(
      input: RegisterInput,
      locale: Locale,
      links: { confirm: (token: string) => string; signIn: string; reset: string },
    ): Promise<void> {
      const { email, password, displayName } = validInput(registerInputSchema, input);
      const mailLocale = validInput(localeSchema, locale);
      const { t } = createI18n(mailLocale);
      // Hashed either way: an e-mail with an account must not answer faster.
      const passwordHash = await hashPassword(password);
      if (await repo.findUserByEmail(db, email)) {
        await mail.send({
          to: email,
          subject: t('account.register.existsMailSubject'),
          body: t('account.register.existsMailBody', { signIn: links.signIn, reset: links.reset }),
        });
        return;
      }
      const { token, id } = newToken();
      await repo.insertRegistrationRequest(db, {
        id,
        email,
        displayName,
        passwordHash,
        locale: mailLocale,
        now: iso(),
        expiresAt: iso(REGISTRATION_TTL_MS),
      });
      await mail.send({
        to: email,
        subject: t('account.register.mailSubject'),
        body: t('account.register.mailBody', { link: links.confirm(token) }),
      });
    },

    /** Whether a registration link can still be followed (its page shows the button or says it is spent). */
    async isRegistrationTokenUsable(token: string): Promise<boolean> {
      if (token.length > MAX_TOKEN_LENGTH) return false;
      return (await repo.findUsableRegistrationRequest(db, tokenId(token), iso())) !== undefined;
    },

    /** Follows a registration link once: the account is made and signed in. */
    async confirmRegistration(token: string): Promise<{ viewer: Viewer; token: string }> {
      const spent = () =>
        new Invalid('account.register.linkInvalid', {}, [{ field: 'token', key: 'account.register.linkInvalid' }]);
      if (token.length > MAX_TOKEN_LENGTH) throw spent();
      return db.transaction().execute(async (trx) => {
        const request = await repo.findUsableRegistrationRequest(trx, tokenId(token), iso());
        if (!request || !(await repo.markRegistrationRequestUsed(trx, request.id, iso()))) throw spent();
        const { email, display_name: displayName, password_hash: passwordHash } = request;
        const locale = knownLocale(request.locale);
        // Two links for one e-mail (asked twice): the first followed makes the account, the other is spent.
        const id = await repo.insertUser(trx, { email, displayName, role: 'member', locale, passwordHash, now: iso() });
        if (id === undefined) throw spent();
        await repo.spendRegistrationRequests(trx, email, iso());
        const viewer: Viewer = { id, email, displayName, role: 'member', locale };
        return { viewer, token: await startSession(trx, id) };
      });
    },

    /** Any role, no session: for `npm run user:create` (the first admin) and for tests. */
    async createUser(input: CreateUserInput): Promise<Viewer> {
      return (await insertNewUser(validInput(createUserInputSchema, input), false)).viewer;
    },

    /**
     * One answer for an unknown email and a wrong password alike; a throttled attempt is told when to try again.
     * Failures are counted per email (known or not, so the throttle itself reveals nothing), per address and per
     * both (SIGN_IN_THROTTLES), in sign_in_failures.
     */
    async signIn(emailInput: string, password: string, address = ''): Promise<SignInResult> {
      const email = emailInput.trim().toLowerCase();
      const at = iso();
      const windowStart = iso(-SIGN_IN_WINDOW_MS);
      // Recorded as a failure before the check, and kept unless the password is right: of several attempts
      // racing, each counts the others, so no more than the free ones reach scrypt at once.
      const attempt = await repo.insertSignInFailure(db, { email, address, now: at });
      const earlier = await repo.failuresBefore(db, attempt, { email, address }, windowStart);
      const waitUntil = Math.max(
        ...(['pair', 'address', 'email'] as const).map((key) => {
          const { count, latest } = earlier[key];
          return latest === null ? 0 : Date.parse(latest) + throttleDelayMs(SIGN_IN_THROTTLES[key], count);
        }),
      );
      if (waitUntil > Date.parse(at)) {
        // Refused attempts do not lengthen the wait; no scrypt, so hammering costs us little.
        await repo.deleteSignInFailure(db, attempt);
        return { ok: false, retryAfterSeconds: Math.ceil((waitUntil - Date.parse(at)) / 1000) };
      }
      const user = await repo.findUserByEmail(db, email);
      const matches = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
      if (!user || !matches) {
        await repo.purgeSignInFailures(db, windowStart);
        return { ok: false };
      }
      await repo.clearSignInFailures(db, email);
      if (needsRehash(user.password_hash))
        await repo.updatePasswordHash(db, user.id, await hashPassword(password), iso());
      return { ok: true, token: await startSession(db, user.id), viewer: toViewer(user) };
    },

    async signOut(token: string): Promise<void> {
      if (token.length <= MAX_TOKEN_LENGTH) await repo.deleteSession(db, tokenId(token));
    },

    /** Called on every request that carries a session cookie (see registerAuth). */
    async resolveSession(token: string): Promise<Viewer | null> {
      if (!token || token.length > MAX_TOKEN_LENGTH) return null;
      const id = tokenId(token);
      const row = await repo.findSessionWithUser(db, id);
      if (!row) return null;
      if (row.expires_at <= iso()) {
        await repo.deleteSession(db, id);
        return null;
      }
      return toViewer(row);
    },

    /**
     * Mails a one-time link when the email has an account, and does nothing otherwise: the caller shows
     * the same words either way. The mail is in `locale`, the language of the page it was asked on (the reader
     * reads the mail right after, in the language they just used), and `linkFor` turns the token into an
     * absolute URL in that language (the route knows the host).
     */
    async requestPasswordReset(emailInput: string, locale: Locale, linkFor: (token: string) => string): Promise<void> {
      const { email } = validInput(resetRequestInputSchema, { email: emailInput });
      const user = await repo.findUserByEmail(db, email);
      if (!user) return;
      const { token, id } = newToken();
      await repo.insertPasswordReset(db, { id, userId: user.id, now: iso(), expiresAt: iso(RESET_TTL_MS) });
      const { t } = createI18n(locale);
      await mail.send({
        to: user.email,
        subject: t('account.reset.mailSubject'),
        body: t('account.reset.mailBody', { link: linkFor(token) }),
      });
    },

    /** Whether a reset link can still be used (the page shows the form or says the link is spent). */
    async isResetTokenUsable(token: string): Promise<boolean> {
      if (token.length > MAX_TOKEN_LENGTH) return false;
      return (await repo.findUsablePasswordReset(db, tokenId(token), iso())) !== undefined;
    },

    /**
     * Sets the password, spends the link and every other unused link of the account, and signs the account out
     * everywhere (a thief's session too).
     */
    async resetPassword(token: string, newPassword: string): Promise<void> {
      const password = validInput(newPasswordSchema, newPassword);
      const spent = () => new Invalid('account.reset.invalid', {}, [{ field: 'token', key: 'account.reset.invalid' }]);
      if (token.length > MAX_TOKEN_LENGTH) throw spent();
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const reset = await repo.findUsablePasswordReset(trx, tokenId(token), iso());
        if (!reset || !(await repo.markPasswordResetUsed(trx, reset.id, iso()))) throw spent();
        // The other links sent before (perhaps to a mailbox someone else reads) die with this one.
        await repo.spendPasswordResets(trx, reset.user_id, iso());
        await repo.updatePasswordHash(trx, reset.user_id, passwordHash, iso());
        await repo.deleteUserSessions(trx, reset.user_id);
        // Someone may have locked the account with wrong guesses; the owner just proved themselves.
        const user = await repo.findUserById(trx, reset.user_id);
        if (user) await repo.clearSignInFailures(trx, user.email);
      });
    },

    /** Whom to write to, and in which language (notification mail); unknown ids are left out. */
    async contactsOf(userIds: number[]): Promise<{ id: number; email: string; locale: Locale }[]> {
      const rows = await repo.listUsersByIds(db, [...new Set(userIds)]);
      return rows.map((u) => ({ id: u.id, email: u.email, locale: knownLocale(u.locale) }));
    },

    /**
     * Sets the viewer's own preferred language. It takes no user id: the account changed is always the one
     * asking, so nobody can set another person's.
     */
    async changeLocale(viewer: Viewer, localeInput: string): Promise<Locale> {
      const { locale } = validInput(localeChangeInputSchema, { locale: localeInput });
      await repo.updateLocale(db, viewer.id, locale, iso());
      return locale;
    },

    /** Display names by id, for showing who asked, answered or edited beside another module's content. */
    async displayNames(userIds: Iterable<number>): Promise<Map<number, string>> {
      const rows = await repo.listUsersByIds(db, [...new Set(userIds)]);
      return new Map(rows.map((u) => [u.id, u.display_name]));
    },

    async listUsers(page: number) {
      const [total, rows] = await Promise.all([
        repo.countUsers(db),
        repo.listUsers(db, { limit: USERS_PAGE_SIZE, offset: (page - 1) * USERS_PAGE_SIZE }),
      ]);
      return {
        users: rows.map((row) => ({ ...toViewer(row), createdAt: row.created_at })),
        total,
        page,
        pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
      };
    },

    /** Admins only. Whoever is demoted, at least one admin remains. */
    async changeRole(actor: Viewer, userId: number, roleInput: string): Promise<Viewer> {
      const role = validInput(roleSchema, roleInput);
      return db.transaction().execute(async (trx) => {
        await repo.lockAdmins(trx);
        // Read again inside the lock: the actor may have been demoted since their request began.
        const current = await repo.findUserById(trx, actor.id);
        if (!can(current, 'users.manage')) throw new Forbidden('admin.users.adminOnly');
        const target = await repo.findUserById(trx, userId);
        if (!target) throw new NotFound('admin.users.notFound');
        if (target.role === 'admin' && role !== 'admin' && (await repo.countAdmins(trx)) <= 1) {
          throw new Conflict('admin.users.lastAdmin');
        }
        await repo.updateRole(trx, target.id, role, iso());
        return { ...toViewer(target), role };
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
