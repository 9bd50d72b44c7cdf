import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { type FormErrors, formRefusal } from '../platform/web/forms';
import type { I18n } from '../platform/web/i18n';
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
import { RegisterPage } from './views/register-page';
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
  await app.register(rateLimit, { global: false });
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

  r.get('/account/register', { schema: { hide: true, querystring: signInQuerySchema } }, async (request, reply) => {
    const page = {
      csrfToken: csrfToken(reply),
      values: { email: '', displayName: '' },
      next: safeNextPath(request.query.next, ''),
      errors: {},
    };
    return sendPage(request, reply, h(RegisterPage, page));
  });

  r.post(
    '/account/register',
    { schema: { hide: true }, config: limited, preHandler: protect },
    async (request, reply) => {
      const next = safeNextPath(text(request.body, 'next'), '');
      const showForm = (errors: FormErrors) => {
        const values = { email: text(request.body, 'email'), displayName: text(request.body, 'displayName') };
        return sendPage(
          request,
          reply.code(400),
          h(RegisterPage, { csrfToken: csrfToken(reply), values, next, errors }),
        );
      };
      const parsed = registerInputSchema.safeParse(request.body ?? {});
      if (!parsed.success) return showForm(errorsOf(parsed.error, request.i18n));
      try {
        // Their mail comes in the language of the page they registered on.
        const { token } = await accounts.register(parsed.data, request.locale);
        await startSession(request, reply, token);
        return reply.redirect(nextPathIn(request.locale, next, '/account?welcome=1'), 303);
      } catch (error) {
        return showForm(errorsOf(error, request.i18n));
      }
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
      const result = await accounts.signIn(parsed.data.email, parsed.data.password);
      // One message for an unknown email, a wrong password and a locked account.
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
