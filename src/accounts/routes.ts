import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { type FormErrors, formRefusal } from '../platform/web/forms';
import { t } from '../platform/web/messages';
import { sendPage } from '../platform/web/render';
import { csrfToken, requirePermission, requireViewer, SESSION_COOKIE, sessionCookieOptions } from './auth';
import {
  adminUsersQuerySchema,
  registerInputSchema,
  resetPasswordInputSchema,
  resetRequestInputSchema,
  resetTokenParamsSchema,
  roleChangeInputSchema,
  safeNextPath,
  signInInputSchema,
  signInQuerySchema,
  userIdParamsSchema,
} from './schemas';
import { type AccountService, SESSION_MAX_AGE_SECONDS } from './service';
import { AccountPage } from './views/account-page';
import { AdminUsersPage } from './views/admin-users-page';
import { RegisterPage } from './views/register-page';
import { ResetPasswordPage, ResetRequestPage } from './views/reset-pages';
import { SignInPage } from './views/sign-in-page';

/** Per IP, on the posts that cost a scrypt hash or send mail (the per-account limit is the service's). */
const limited = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** A field of a parsed form body as text to show again (never used for passwords). */
function text(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

/** The messages a refused form shows again (a validation error of its schema, or a refusal of the service). */
const errorsOf = (error: unknown): FormErrors => formRefusal(error).errors;

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

  r.get(
    '/account',
    { schema: { hide: true, querystring: z.object({ welcome: z.string().optional() }) } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      return sendPage(
        request,
        reply,
        AccountPage({ viewer, csrfToken: csrfToken(reply), welcome: request.query.welcome === '1' }),
      );
    },
  );

  // ---- register -------------------------------------------------------------------------------

  r.get('/account/register', { schema: { hide: true, querystring: signInQuerySchema } }, async (request, reply) => {
    const page = {
      csrfToken: csrfToken(reply),
      values: { email: '', displayName: '' },
      next: safeNextPath(request.query.next, ''),
      errors: {},
    };
    return sendPage(request, reply, RegisterPage(page));
  });

  r.post(
    '/account/register',
    { schema: { hide: true }, config: limited, preHandler: protect },
    async (request, reply) => {
      const next = safeNextPath(text(request.body, 'next'), '');
      const showForm = (errors: FormErrors) => {
        const values = { email: text(request.body, 'email'), displayName: text(request.body, 'displayName') };
        return sendPage(request, reply.code(400), RegisterPage({ csrfToken: csrfToken(reply), values, next, errors }));
      };
      const parsed = registerInputSchema.safeParse(request.body ?? {});
      if (!parsed.success) return showForm(errorsOf(parsed.error));
      try {
        const { token } = await accounts.register(parsed.data);
        await startSession(request, reply, token);
        return reply.redirect(next || '/account?welcome=1', 303);
      } catch (error) {
        return showForm(errorsOf(error));
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
      next: safeNextPath(next),
      errors: {},
      viewer: request.viewer,
      notice,
    } as const;
    return sendPage(request, reply, SignInPage(page));
  });

  r.post(
    '/account/sign-in',
    { schema: { hide: true }, config: limited, preHandler: protect },
    async (request, reply) => {
      const next = safeNextPath(text(request.body, 'next'));
      const showForm = (status: number, errors: FormErrors) => {
        const page = {
          csrfToken: csrfToken(reply),
          email: text(request.body, 'email'),
          next,
          errors,
          viewer: request.viewer,
          notice: null,
        };
        return sendPage(request, reply.code(status), SignInPage(page));
      };
      const parsed = signInInputSchema.safeParse(request.body ?? {});
      if (!parsed.success) return showForm(400, errorsOf(parsed.error));
      const result = await accounts.signIn(parsed.data.email, parsed.data.password);
      // One message for an unknown email, a wrong password and a locked account.
      if (!result.ok) return showForm(401, { form: t('account.signIn.failed') });
      await startSession(request, reply, result.token);
      return reply.redirect(next, 303);
    },
  );

  r.post('/account/sign-out', { schema: { hide: true }, preHandler: protect }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await accounts.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/account/sign-in?signedOut=1', 303);
  });

  // ---- password reset -------------------------------------------------------------------------

  r.get(
    '/account/reset',
    { schema: { hide: true, querystring: z.object({ sent: z.string().optional() }) } },
    async (request, reply) => {
      const page = { csrfToken: csrfToken(reply), email: '', errors: {}, sent: request.query.sent === '1' };
      return sendPage(request, reply, ResetRequestPage(page));
    },
  );

  r.post('/account/reset', { schema: { hide: true }, config: limited, preHandler: protect }, async (request, reply) => {
    const parsed = resetRequestInputSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const page = {
        csrfToken: csrfToken(reply),
        email: text(request.body, 'email'),
        errors: errorsOf(parsed.error),
        sent: false,
      };
      return sendPage(request, reply.code(400), ResetRequestPage(page));
    }
    await accounts.requestPasswordReset(
      parsed.data.email,
      (token) => new URL(`/account/reset/${token}`, config.PUBLIC_BASE_URL).href,
    );
    // The same page whether or not the email has an account.
    return reply.redirect('/account/reset?sent=1', 303);
  });

  r.get('/account/reset/:token', { schema: { hide: true, params: resetTokenParamsSchema } }, async (request, reply) => {
    const { token } = request.params;
    const usable = await accounts.isResetTokenUsable(token);
    return sendPage(
      request,
      reply.code(usable ? 200 : 404),
      ResetPasswordPage({ csrfToken: csrfToken(reply), token, usable, errors: {} }),
    );
  });

  r.post(
    '/account/reset/:token',
    { schema: { hide: true, params: resetTokenParamsSchema }, config: limited, preHandler: protect },
    async (request, reply) => {
      const { token } = request.params;
      const showForm = (usable: boolean, errors: FormErrors) =>
        sendPage(request, reply.code(400), ResetPasswordPage({ csrfToken: csrfToken(reply), token, usable, errors }));
      const parsed = resetPasswordInputSchema.safeParse(request.body ?? {});
      if (!parsed.success) return showForm(await accounts.isResetTokenUsable(token), errorsOf(parsed.error));
      try {
        await accounts.resetPassword(token, parsed.data.password);
      } catch (error) {
        const errors = errorsOf(error);
        return showForm(errors.token === undefined, errors);
      }
      // Every session of the account is gone, this browser's included.
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/account/sign-in?reset=1', 303);
    },
  );

  // ---- admin: users and roles -----------------------------------------------------------------

  async function showUsers(
    request: FastifyRequest,
    reply: FastifyReply,
    page: number,
    notice: string | null,
    error: string | null,
  ) {
    const viewer = requirePermission(request, 'users.manage');
    const list = await accounts.listUsers(page);
    return sendPage(
      request,
      reply,
      AdminUsersPage({ ...list, csrfToken: csrfToken(reply), viewerId: viewer.id, notice, error }),
    );
  }

  r.get('/admin/users', { schema: { hide: true, querystring: adminUsersQuerySchema } }, async (request, reply) =>
    showUsers(
      request,
      reply,
      request.query.page,
      request.query.updated === '1' ? t('admin.users.updated') : null,
      null,
    ),
  );

  r.post(
    '/admin/users/:id/role',
    { schema: { hide: true, params: userIdParamsSchema }, preHandler: protect },
    async (request, reply) => {
      const viewer = requirePermission(request, 'users.manage');
      const page = adminUsersQuerySchema.parse({ page: text(request.body, 'page') }).page;
      try {
        const { role } = roleChangeInputSchema.parse(request.body ?? {});
        await accounts.changeRole(viewer, request.params.id, role);
      } catch (error) {
        const refusal = formRefusal(error);
        return showUsers(request, reply.code(refusal.status), page, null, refusal.messages[0] ?? null);
      }
      return reply.redirect(`/admin/users?${new URLSearchParams({ page: String(page), updated: '1' })}`, 303);
    },
  );
}
