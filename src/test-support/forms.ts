/**
 * Posting HTML forms in integration tests the way a browser does: with the CSRF token of a form page
 * and the cookies that came with it. Usage:
 *
 *   const { cookies } = await signInAs(t, 'editor');                 // a new editor, signed in
 *   const { response } = await postForm(t.app, '/some/form', { title: 'x' }, cookies);
 *
 * @fastify/csrf-protection keeps a secret in the signed `_csrf` cookie and accepts any token made
 * from it, so one GET of any page with a form (the sign-in page by default) yields a token for every
 * form; it must be sent back together with that `_csrf` cookie.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createAccountsModule, type Role, SESSION_COOKIE, type Viewer } from '../accounts';
import { testConfig } from '../config';
import { createMailModule } from '../mail';
import type { TestApp } from './databases';

export type Cookies = Record<string, string>;

/** The cookies to send next: those sent, updated by what the response set; cleared ones are dropped. */
export function mergeCookies(cookies: Cookies, response: LightMyRequestResponse): Cookies {
  const next = { ...cookies };
  for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    const cleared =
      cookie.value === '' ||
      cookie.maxAge === 0 ||
      (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
    if (cleared) delete next[cookie.name];
    else next[cookie.name] = cookie.value;
  }
  return next;
}

/** Every CSRF token in the forms of a page (they are all the same token). */
export function csrfTokensIn(html: string): string[] {
  return [...html.matchAll(/<input type="hidden" name="_csrf" value="([^"]*)"/g)].map((m) => m[1]!);
}

/** A CSRF token, and the cookies it is valid with, from a page that has a form. */
export async function csrfFor(
  app: FastifyInstance,
  cookies: Cookies = {},
  page = '/account/sign-in',
): Promise<{ token: string; cookies: Cookies }> {
  const response = await app.inject({ method: 'GET', url: page, cookies });
  const [token] = csrfTokensIn(response.body);
  if (!token) throw new Error(`No CSRF token in the forms of ${page} (status ${response.statusCode})`);
  return { token, cookies: mergeCookies(cookies, response) };
}

export interface PostFormOptions {
  /** The page to take the CSRF token from (default: the sign-in page). */
  page?: string;
  /** Leave the token out, to test that the route refuses the post. */
  withoutToken?: boolean;
  /** The client address; per-IP rate limits count per address, so give each test its own (see testIp). */
  remoteAddress?: string;
}

/** Posts a urlencoded form with a fresh CSRF token; returns the response and the cookies after it. */
export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  cookies: Cookies = {},
  options: PostFormOptions = {},
): Promise<{ response: LightMyRequestResponse; cookies: Cookies }> {
  const csrf = await csrfFor(app, cookies, options.page);
  const body = new URLSearchParams(options.withoutToken ? fields : { ...fields, _csrf: csrf.token });
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
    cookies: csrf.cookies,
    remoteAddress: options.remoteAddress,
  });
  return { response, cookies: mergeCookies(csrf.cookies, response) };
}

let ipCounter = 0;
/** A client address of its own for each call, so per-IP rate limits of one test do not reach another. */
export function testIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export interface SignedIn {
  cookies: Cookies;
  user: Viewer;
  password: string;
}

/**
 * A new user with the role, signed in through the accounts service (no HTTP, so no rate limit is
 * spent). The cookies hold only the session; postForm adds the CSRF cookie when it fetches a token.
 */
export async function signInAs(
  t: Pick<TestApp, 'database'>,
  role: Role,
  options: { email?: string; displayName?: string; password?: string } = {},
): Promise<SignedIn> {
  const { db } = t.database;
  const accounts = createAccountsModule(db, { mail: createMailModule(db).transport, config: testConfig() }).service;
  const password = options.password ?? `pw-${randomBytes(9).toString('base64url')}`;
  const email = options.email ?? `${role}-${randomBytes(5).toString('hex')}@example.test`;
  await accounts.createUser({ email, password, displayName: options.displayName ?? `Test ${role}`, role });
  const result = await accounts.signIn(email, password);
  if (!result.ok) throw new Error(`could not sign in the new ${role}`);
  return { cookies: { [SESSION_COOKIE]: result.token }, user: result.viewer, password };
}

/**
 * Registers the way a person does (decision 0120): posts the form at `path` (/account/register or
 * /zh/account/register), follows the link mailed to the address and presses its button. Returns the form's
 * response, the button's response and the cookies after it (the new session).
 */
export async function registerByMail(
  t: Pick<TestApp, 'app' | 'db'>,
  path: string,
  fields: { email: string; displayName: string; password: string; next?: string },
  options: { remoteAddress?: string } = {},
): Promise<{ requested: LightMyRequestResponse; response: LightMyRequestResponse; cookies: Cookies }> {
  const remoteAddress = options.remoteAddress ?? testIp();
  const { response: requested } = await postForm(t.app, path, fields, {}, { page: path, remoteAddress });
  const email = fields.email.trim().toLowerCase();
  const mail = await t.db
    .selectFrom('outbox')
    .select('body')
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const link = mail?.body.match(/https?:\/\/[^/\s]+(\/(?:zh\/)?account\/register\/[A-Za-z0-9_-]{43}\S*)/)?.[1];
  if (!link) throw new Error(`No registration link was mailed to ${email} (the form answered ${requested.statusCode})`);
  const confirm = await postForm(
    t.app,
    link.split('?')[0]!,
    { next: fields.next ?? '' },
    {},
    { page: link, remoteAddress },
  );
  return { requested, response: confirm.response, cookies: confirm.cookies };
}
