import type { FastifyInstance } from 'fastify';
import { employerRoutes } from './employer-routes';
import { moderationRoutes } from './moderation-routes';
import { reportRoutes } from './report-routes';
import type { PostingService } from './service';

/** The writing side's pages: /employer…, /moderation/jobs…, /jobs/:id/report. */
export async function postingRoutes(app: FastifyInstance, opts: { posting: PostingService }) {
  // Rate limits (config.rateLimit) are enforced by the plugin registered in ../routes.ts, above this scope.
  await app.register(employerRoutes, opts);
  await app.register(moderationRoutes, opts);
  await app.register(reportRoutes, opts);
}
