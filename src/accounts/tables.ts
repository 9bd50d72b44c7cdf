import type { Generated, Selectable } from 'kysely';
import type { Locale } from '../platform/web/i18n';

export const ROLES = ['member', 'employer', 'expert', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserTable {
  id: Generated<number>;
  /** Stored lower-cased; unique. */
  email: string;
  /** scrypt: "scrypt$N$r$p$salt$hash" (base64url). */
  password_hash: string;
  display_name: string;
  role: Role;
  /** The language of the mail we send them ('en' or 'zh'): the page's at registration, then theirs to change. */
  locale: Generated<Locale>;
  created_at: string;
  updated_at: string;
}

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

/** One-time password reset tokens; only the SHA-256 of the token is stored. */
export interface PasswordResetTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Failed sign-ins, for the per-account limit (per-IP limits are @fastify/rate-limit's). */
export interface SignInFailureTable {
  id: Generated<number>;
  email: string;
  /** The client's address ('' for rows from before migration 025): failures are throttled by e-mail and by address. */
  address: Generated<string>;
  created_at: string;
}

/**
 * A registration waiting for its link to be followed (the id is the SHA-256 of the mailed token): the account
 * is made only then, so the form answers alike whether or not the e-mail has an account.
 */
export interface RegistrationRequestTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  locale: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccountTables {
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  sign_in_failures: SignInFailureTable;
  registration_requests: RegistrationRequestTable;
}

export const ACCOUNT_TABLES = [
  'users',
  'sessions',
  'password_resets',
  'sign_in_failures',
  'registration_requests',
] as const satisfies readonly (keyof AccountTables)[];

export type UserRow = Selectable<UserTable>;
