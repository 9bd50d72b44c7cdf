import { z } from 'zod';
import { LOCALES, type Locale, localePath, splitLocale } from '../platform/web/i18n';
import { ROLES } from './tables';

/**
 * Input rules for the account forms. Routes safeParse form bodies with these so a bad value re-shows
 * the form with the reason; the service parses again, so the CLI and other callers obey the same rules.
 */

export const emailSchema = z
  .string({ error: 'account.error.emailInvalid' })
  .trim()
  .toLowerCase()
  .max(254, 'account.error.emailTooLong')
  .pipe(z.email('account.error.emailInvalid'));

/** Only the length: on sign-in a password rule would tell nothing useful and hint at the policy. */
const passwordToCheck = z
  .string({ error: 'account.error.passwordRequired' })
  .min(1, 'account.error.passwordRequired')
  .max(200);

/** Never trimmed: spaces are part of a password. */
export const newPasswordSchema = z
  .string({ error: 'account.error.passwordTooShort' })
  .min(10, 'account.error.passwordTooShort')
  .max(200, 'account.error.passwordTooLong');

export const displayNameSchema = z
  .string({ error: 'account.error.displayNameRequired' })
  .trim()
  .min(1, 'account.error.displayNameRequired')
  .max(80, 'account.error.displayNameTooLong')
  // No control characters or bidi overrides: a name must not break the line it is shown in or turn
  // the text after it around (in the admin list, say, to disguise an email).
  .regex(/^[^\p{Cc}\u202a-\u202e\u2066-\u2069]*$/u, 'account.error.displayNameInvalid');

export const roleSchema = z.enum(ROLES, { error: 'account.error.roleInvalid' });
export const localeSchema = z.enum(LOCALES, { error: 'account.error.localeInvalid' });

export const registerInputSchema = z.object({
  email: emailSchema,
  // In the order of the form, so the error summary lists them as the eye meets them.
  displayName: displayNameSchema,
  password: newPasswordSchema,
});
export type RegisterInput = z.input<typeof registerInputSchema>;

/** Registration takes the language from the page, not the form; `user:create` may name one (else English). */
export const createUserInputSchema = registerInputSchema.extend({
  role: roleSchema,
  locale: localeSchema.default('en'),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export const signInInputSchema = z.object({ email: emailSchema, password: passwordToCheck });
export const resetRequestInputSchema = z.object({ email: emailSchema });
export const resetPasswordInputSchema = z.object({ password: newPasswordSchema });
export const roleChangeInputSchema = z.object({ role: roleSchema });
export const localeChangeInputSchema = z.object({ locale: localeSchema });

export const userIdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
/** Reset tokens are 32 bytes of base64url: 43 characters. */
export const resetTokenParamsSchema = z.object({ token: z.string().max(100) });
export const adminUsersQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  updated: z.string().optional(),
});
export const accountQuerySchema = z.object({ welcome: z.string().optional(), saved: z.string().optional() });
export const signInQuerySchema = z.object({
  next: z.string().max(2000).optional(),
  reset: z.string().optional(),
  signedOut: z.string().optional(),
});

/** A field of a parsed form body as text to show again (never used for passwords). */
export function bodyText(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

/**
 * Where to go after signing in: a path on this site, never another origin. "//evil.example" and
 * "/\evil.example" are read by browsers as other hosts, so the path must start with exactly one "/"
 * followed by something other than a slash or backslash; control characters are refused too.
 */
export function safeNextPath(next: unknown, fallback = '/account'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  return next;
}

/**
 * Where to go after signing in, registering or out, in the reader's language. `next` is a path as the browser
 * asked for it (the sign-in redirect passes the original URL): one under /zh stays there; an unprefixed one
 * from a Chinese page gets /zh, so a Chinese reader is not dropped into English by a link that named the page
 * without its language. Without a usable `next`, `fallback` (a path without prefix) in the reader's language.
 */
export function nextPathIn(locale: Locale, next: unknown, fallback: string): string {
  const safe = safeNextPath(next, '');
  if (safe === '') return localePath(locale, fallback);
  return splitLocale(safe).locale === 'zh' ? safe : localePath(locale, safe);
}
