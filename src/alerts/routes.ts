import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requireViewer } from '../accounts';
import { field, formBody, formRefusal, idParams } from '../platform/web/forms';
import { sendPage } from '../platform/web/render';
import type { AlertService } from './service';
import { AlertsPage } from './views/alerts-page';

export const ALERTS_PATH = '/account/alerts';

const listQuery = z.object({ done: z.enum(['saved', 'deleted']).optional() });

/**
 * /account/alerts: the viewer's saved searches; POST saves one (the /jobs page's form), POST …/:id/delete deletes
 * one of theirs. Signed-in people only, every post with its CSRF token.
 */
export async function alertRoutes(app: FastifyInstance, opts: { alerts: AlertService }) {
  const { alerts } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(ALERTS_PATH, { schema: { hide: true, querystring: listQuery } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const list = await alerts.listFor(viewer, request.i18n);
    const props = { ...list, csrfToken: csrfToken(reply), notice: request.query.done ?? null, error: null };
    return sendPage(request, reply, h(AlertsPage, props));
  });

  r.post(
    ALERTS_PATH,
    { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      try {
        await alerts.save(
          viewer,
          { query: field(request.body, 'query'), name: field(request.body, 'name') },
          request.i18n,
        );
        return reply.redirect(`${request.i18n.path(ALERTS_PATH)}?done=saved`, 303);
      } catch (error) {
        // The form is on /jobs: the list shows why the search was not saved.
        const refusal = formRefusal(error, request.i18n);
        const list = await alerts.listFor(viewer, request.i18n);
        const props = { ...list, csrfToken: csrfToken(reply), notice: null, error: refusal.messages.join(' ') };
        return sendPage(request, reply.code(refusal.status), h(AlertsPage, props));
      }
    },
  );

  r.post(
    `${ALERTS_PATH}/:id/delete`,
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await alerts.remove(viewer, request.params.id);
      return reply.redirect(`${request.i18n.path(ALERTS_PATH)}?done=deleted`, 303);
    },
  );
}
