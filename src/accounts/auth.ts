import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { Forbidden, Unauthenticated } from '../platform/web/errors';
import type { Locale } from '../platform/web/i18n';
import { type Action, can } from './permissions';
import type { Role } from './tables';

/** The signed-in person as every route and page sees them; null when anonymous. */
export interface Viewer {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  /** Their preferred language, for mail; pages follow the URL, not this. */
  locale: Locale;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export const SESSION_COOKIE = 'sid';

/**
 * The session token a request carries, if any. A request without one is anonymous, decided without a
 * database read; the auth hook and the Q&A page fast path (src/inquiry/questions/page-fast-path.ts) both ask here.
 */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}

export interface AuthOptions {
  config: AppConfig;
  /** Looks up the session a cookie token names; null when unknown or expired. */
  resolveSession(token: string): Promise<Viewer | null>;
}

/**
 * Cookies, form bodies, CSRF tokens and `request.viewer` for the whole app. A request without a session
 * cookie costs no database read. Write routes check the CSRF token with `preHandler: app.csrfProtection`
 * (after the form body is parsed) and who may call them with requirePermission().
 */
export const registerAuth = fp(async function registerAuth(app: FastifyInstance, options: AuthOptions) {
  const secure = options.config.PUBLIC_BASE_URL.startsWith('https://');
  await app.register(cookie, { secret: options.config.SESSION_SECRET });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: '_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/' },
  });
  app.decorateRequest('viewer', null);
  // A callback hook, not an async one: anonymous requests (most of them) then cost no promise at all.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = sessionToken(request);
    // Stylesheets and scripts do not depend on who is signed in: no session read for them.
    if (!token || request.url.startsWith('/assets/')) return done();
    options.resolveSession(token).then((viewer) => {
      request.viewer = viewer;
      done();
    }, done);
  });
});

export function sessionCookieOptions(config: AppConfig, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.PUBLIC_BASE_URL.startsWith('https://'),
    path: '/',
    maxAge: maxAgeSeconds,
  };
}

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new Unauthenticated();
  return request.viewer;
}

/** The signed-in viewer, if they may do `action` (permissions.ts); else refused (anonymous: asked to sign in). */
export function requirePermission(request: FastifyRequest, action: Action): Viewer {
  const viewer = requireViewer(request);
  if (!can(viewer, action)) throw new Forbidden();
  return viewer;
}

const tokensByReply = new WeakMap<FastifyReply, string>();

/**
 * The CSRF token for the forms on this reply; every call for one reply returns the same token. When the
 * request has no `_csrf` cookie yet, each generateCsrf() call makes a new secret and sets the cookie
 * again, the last one winning: a page whose form and header each asked would carry a token from a
 * secret the browser never keeps.
 */
export function csrfToken(reply: FastifyReply): string {
  let token = tokensByReply.get(reply);
  if (token === undefined) {
    token = reply.generateCsrf();
    tokensByReply.set(reply, token);
  }
  return token;
}
