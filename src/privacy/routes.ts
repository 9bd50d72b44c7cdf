import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { csrfToken, requireViewer, SESSION_COOKIE } from '../accounts';
import { field, formBody, formRefusal } from '../platform/web/forms';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { sendPage } from '../platform/web/render';
import type { PrivacyService } from './service';
import { DeletedPage, DeletePage } from './views/delete-page';
import { ExportPage } from './views/export-page';

/** Per signed-in user where there is one, else per address. */
const perUser = (request: { viewer: { id: number } | null; ip: string }) =>
  request.viewer ? `user:${request.viewer.id}` : request.ip;

/**
 * /account/export and /account/delete: for every signed-in user, about their own account only (nothing here takes
 * a user id). Both write routes are POST forms with CSRF; the deletion also needs the password.
 */
export async function privacyRoutes(app: FastifyInstance, deps: { privacy: PrivacyService }) {
  const { privacy } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, rateLimitOptions(app));

  r.get('/account/export', { schema: { hide: true } }, async (request, reply) => {
    requireViewer(request);
    const props = { csrfToken: csrfToken(reply), parts: privacy.holderNames() };
    return sendPage(request, reply, h(ExportPage, props));
  });

  r.post(
    '/account/export',
    {
      preHandler: app.csrfProtection,
      schema: { hide: true, body: formBody },
      // Each export reads every file of the user: a few an hour are plenty.
      config: { rateLimit: { max: 10, timeWindow: '1 hour', keyGenerator: perUser } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { archive, fileName } = await privacy.exportFor(viewer);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(archive);
    },
  );

  r.get('/account/delete', { schema: { hide: true } }, async (request, reply) => {
    requireViewer(request);
    return sendPage(request, reply, h(DeletePage, { csrfToken: csrfToken(reply), errors: {} }));
  });

  r.post(
    '/account/delete',
    {
      preHandler: app.csrfProtection,
      schema: { hide: true, body: formBody },
      config: { rateLimit: { max: 10, timeWindow: '15 minutes', keyGenerator: perUser } },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      try {
        await privacy.deleteAccount(viewer, field(request.body, 'password'), request.ip);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const props = { csrfToken: csrfToken(reply), errors: refusal.errors };
        return sendPage(request, reply.code(refusal.status), h(DeletePage, props));
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(request.i18n.path('/account/deleted'), 303);
    },
  );

  // Public: the visitor has no account any more.
  r.get('/account/deleted', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, h(DeletedPage, {})),
  );
}
