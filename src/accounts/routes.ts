import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { type FormErrors, formRefusal } from '../platform/web/forms';
import type { I18n } from '../platform/web/i18n';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { absoluteUrl, sendPage } from '../platform/web/render';
import { adminRoutes } from './admin-routes';
import { csrfToken, requireViewer, SESSION_COOKIE, sessionCookieOptions } from './auth';
import {
  accountQuerySchema,
  localeChangeInputSchema,
  nextPathIn,
  registerInputSchema,
  resetPasswordInputSchema,
  resetRequestInputSchema,
  resetTokenParamsSchema,
  safeNextPath,
  signInInputSchema,
  signInQuerySchema,
  bodyText as text,
} from './schemas';
import { type AccountService, SESSION_MAX_AGE_SECONDS } from './service';
import { AccountPage, type AccountPageProps } from './views/account-page';
import { RegisterConfirmPage, RegisterPage } from './views/register-page';
import { ResetPasswordPage, ResetRequestPage } from './views/reset-pages';
import { SignInPage } from './views/sign-in-page';

/** Per IP, on the posts that cost a scrypt hash or send mail (the per-account limit is the service's). */
const limited = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/**
 * The messages a refused form shows again (a validation error of its schema, or a refusal of the service), in
 * the reader's language.
 */
const errorsOf = (error: unknown, i18n: I18n): FormErrors => formRefusal(error, i18n).errors;

export async function accountRoutes(app: FastifyInstance, opts: { accounts: AccountService; config: AppConfig }) {
  const { accounts, config } = opts;
  await app.register(rateLimit, rateLimitOptions(app));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = sessionCookieOptions(config, SESSION_MAX_AGE_SECONDS);
  const protect = app.csrfProtection;

  // Every page here holds a CSRF token or someone's details: no shared or back-button cache may keep it.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  async function startSession(request: FastifyRequest, reply: FastifyReply, token: string) {
    // A new session id on every sign-in; the browser's old session, if any, ends here.
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await accounts.signOut(previous);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
  }

  // ---- account --------------------------------------------------------------------------------

  r.get('/account', { schema: { hide: true, querystring: accountQuerySchema } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { welcome, saved } = request.query;
    const notice: AccountPageProps['notice'] = welcome === '1' ? 'welcome' : saved === 'locale' ? 'localeSaved' : null;
    return sendPage(request, reply, h(AccountPage, { viewer, csrfToken: csrfToken(reply), notice, errors: {} }));
  });

  // The preferred language (of mail). Only ever the viewer's own: the form names no account.
  r.post('/account/locale', { schema: { hide: true }, preHandler: protect }, async (request, reply) => {
    const viewer = requireViewer(request);
    try {
      const { locale } = localeChangeInputSchema.parse(request.body ?? {});
      await accounts.changeLocale(viewer, locale);
    } catch (error) {
      const refusal = formRefusal(error, request.i18n);
      const page = { viewer, csrfToken: csrfToken(reply), notice: null, errors: refusal.errors };
      return sendPage(request, reply.code(refusal.status), h(AccountPage, page));
    }
    return reply.redirect(request.i18n.path('/account?saved=locale'), 303);
  });

  // ---- register -------------------------------------------------------------------------------

  r.get(
    '/account/register',
    { schema: { hide: true, querystring: signInQuerySchema.extend({ sent: z.string().optional() }) } },
    async (request, reply) => {
      const page = {
        csrfToken: csrfToken(reply),
        values: { email: '', displayName: '' },
        next: safeNextPath(request.query.next, ''),
        errors: {},
        sent: request.query.sent === '1',
      };
      return sendPage(request, reply, h(RegisterPage, page));
    },
  );

  r.post(
    '/account/register',
    { schema: { hide: true }, config: limited, preHandler: protect },
    async (request, reply) => {
      const next = safeNextPath(text(request.body, 'next'), '');
      const showForm = (status: number, errors: FormErrors) => {
        const values = { email: text(request.body, 'email'), displayName: text(request.body, 'displayName') };
        return sendPage(
          request,
          reply.code(status),
          h(RegisterPage, { csrfToken: csrfToken(reply), values, next, errors, sent: false }),
        );
      };
      const parsed = registerInputSchema.safeParse(request.body ?? {});
      if (!parsed.success) return showForm(400, errorsOf(parsed.error, request.i18n));
      // The mail, and the pages its links open, in the language of this page.
      const { locale } = request;
      const link = (path: string) => absoluteUrl(config.PUBLIC_BASE_URL, locale, path);
      const nextQuery = next ? `?next=${encodeURIComponent(next)}` : '';
      try {
        await accounts.register(parsed.data, locale, {
          confirm: (token) => link(`/account/register/${token}${nextQuery}`),
          signIn: link('/account/sign-in'),
          reset: link('/account/reset'),
        });
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return showForm(refusal.status, refusal.errors);
      }
      // The same page whether or not the e-mail has an account.
      return reply.redirect(request.i18n.path('/account/register?sent=1'), 303);
    },
  );

  const confirmQuery = z.object({ next: z.string().max(2000).optional() });

  r.get(
    '/account/register/:token',
    { schema: { hide: true, params: resetTokenParamsSchema, querystring: confirmQuery } },
    async (request, reply) => {
      const { token } = request.params;
      const usable = await accounts.isRegistrationTokenUsable(token);
      const next = safeNextPath(request.query.next, '');
      const page = { csrfToken: csrfToken(reply), token, next, usable };
      return sendPage(request, reply.code(usable ? 200 : 404), h(RegisterConfirmPage, page));
    },
  );

  // A button to press rather than the link itself: mail scanners that open links make no accounts.
  r.post(
    '/account/register/:token',
    { schema: { hide: true, params: resetTokenParamsSchema }, config: limited, preHandler: protect },
    async (request, reply) => {
      const { token } = request.params;
      const next = safeNextPath(text(request.body, 'next'), '');
      try {
        const { token: session } = await accounts.confirmRegistration(token);
        await startSession(request, reply, session);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const page = { csrfToken: csrfToken(reply), token, next, usable: false };
        return sendPage(request, reply.code(refusal.status), h(RegisterConfirmPage, page));
      }
      return reply.redirect(nextPathIn(request.locale, next, '/account?welcome=1'), 303);
    },
  );

  // ---- sign in / out --------------------------------------------------------------------------

  r.get('/account/sign-in', { schema: { hide: true, querystring: signInQuerySchema } }, async (request, reply) => {
    const { next, reset, signedOut } = request.query;
    const notice = reset ? 'passwordChanged' : signedOut ? 'signedOut' : null;
    const page = {
      csrfToken: csrfToken(reply),
      email: '',
      next: safeNextPath(next, ''),
      errors: {},
      viewer: request.viewer,
      notice,
    } as const;
    return sendPage(request, reply, h(SignInPage, page));
  });

  r.post(
    '/account/sign-in',
    { schema: { hide: true }, config: limited, preHandler: protect },
    async (request, reply) => {
      const next = safeNextPath(text(request.body, 'next'), '');
      const showForm = (status: number, errors: FormErrors) => {
        const page = {
          csrfToken: csrfToken(reply),
          email: text(request.body, 'email'),
          next,
          errors,
          viewer: request.viewer,
          notice: null,
        };
        return sendPage(request, reply.code(status), h(SignInPage, page));
      };
      const parsed = signInInputSchema.safeParse(request.body ?? {});
      if (!parsed.success) return showForm(400, errorsOf(parsed.error, request.i18n));
      const result = await accounts.signIn(parsed.data.email, parsed.data.password, request.ip);
      if (!result.ok && result.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(result.retryAfterSeconds));
        const seconds = result.retryAfterSeconds;
        return showForm(429, { form: request.i18n.t('account.signIn.throttled', { seconds }) });
      }
      // One message for an unknown email and a wrong password.
      if (!result.ok) return showForm(401, { form: request.i18n.t('account.signIn.failed') });
      await startSession(request, reply, result.token);
      return reply.redirect(nextPathIn(request.locale, next, '/account'), 303);
    },
  );

  r.post('/account/sign-out', { schema: { hide: true }, preHandler: protect }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await accounts.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(request.i18n.path('/account/sign-in?signedOut=1'), 303);
  });

  // ---- password reset -------------------------------------------------------------------------

  r.get(
    '/account/reset',
    { schema: { hide: true, querystring: z.object({ sent: z.string().optional() }) } },
    async (request, reply) => {
      const page = { csrfToken: csrfToken(reply), email: '', errors: {}, sent: request.query.sent === '1' };
      return sendPage(request, reply, h(ResetRequestPage, page));
    },
  );

  r.post('/account/reset', { schema: { hide: true }, config: limited, preHandler: protect }, async (request, reply) => {
    const parsed = resetRequestInputSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const page = {
        csrfToken: csrfToken(reply),
        email: text(request.body, 'email'),
        errors: errorsOf(parsed.error, request.i18n),
        sent: false,
      };
      return sendPage(request, reply.code(400), h(ResetRequestPage, page));
    }
    // The mail, and the page its link opens, in the language of this page.
    const { locale } = request;
    await accounts.requestPasswordReset(parsed.data.email, locale, (token) =>
      absoluteUrl(config.PUBLIC_BASE_URL, locale, `/account/reset/${token}`),
    );
    // The same page whether or not the email has an account.
    return reply.redirect(request.i18n.path('/account/reset?sent=1'), 303);
  });

  r.get('/account/reset/:token', { schema: { hide: true, params: resetTokenParamsSchema } }, async (request, reply) => {
    const { token } = request.params;
    const usable = await accounts.isResetTokenUsable(token);
    return sendPage(
      request,
      reply.code(usable ? 200 : 404),
      h(ResetPasswordPage, { csrfToken: csrfToken(reply), token, usable, errors: {} }),
    );
  });

  r.post(
    '/account/reset/:token',
    { schema: { hide: true, params: resetTokenParamsSchema }, config: limited, preHandler: protect },
    async (request, reply) => {
      const { token } = request.params;
      const showForm = (usable: boolean, errors: FormErrors) =>
        sendPage(
          request,
          reply.code(400),
          h(ResetPasswordPage, { csrfToken: csrfToken(reply), token, usable, errors }),
        );
      const parsed = resetPasswordInputSchema.safeParse(request.body ?? {});
      if (!parsed.success)
        return showForm(await accounts.isResetTokenUsable(token), errorsOf(parsed.error, request.i18n));
      try {
        await accounts.resetPassword(token, parsed.data.password);
      } catch (error) {
        const errors = errorsOf(error, request.i18n);
        return showForm(errors.token === undefined, errors);
      }
      // Every session of the account is gone, this browser's included.
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(request.i18n.path('/account/sign-in?reset=1'), 303);
    },
  );

  await adminRoutes(app, { accounts });
}
