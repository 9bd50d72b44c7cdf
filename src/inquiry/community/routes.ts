import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../accounts';
import { formBody, idParams } from '../../platform/web/forms';
import type { CommunityService } from './service';

/** Helpful votes and accepting answers; each goes back to the answer, in the language the reader voted in. */
export async function communityRoutes(app: FastifyInstance, opts: { community: CommunityService }) {
  const { community } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/social-security/answers/:id/helpful',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { hide: true, params: idParams, body: formBody },
    },
    async (request, reply) => {
      const viewer = requirePermission(request, 'answer.vote');
      const { path } = await community.voteHelpful(viewer, request.params.id);
      return reply.redirect(request.i18n.path(path), 303);
    },
  );

  r.post(
    '/social-security/answers/:id/accept',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      // Any signed-in reader may try; only the asker succeeds (the service checks who asked).
      const viewer = requirePermission(request, 'answer.vote');
      const { path } = await community.accept(viewer, request.params.id);
      return reply.redirect(request.i18n.path(path), 303);
    },
  );
}
