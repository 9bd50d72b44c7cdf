import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { employerRoutes } from './employer-routes';
import { moderationRoutes } from './moderation-routes';
import { reportRoutes } from './report-routes';
import type { PostingService } from './service';

/** The writing side's pages: /employer…, /moderation/jobs…, /jobs/:id/report. */
export async function postingRoutes(app: FastifyInstance, opts: { posting: PostingService }) {
  // Only routes that ask for a limit (config.rateLimit) are limited; registered in this scope so pages pay nothing.
  await app.register(rateLimit, { global: false });
  await app.register(employerRoutes, opts);
  await app.register(moderationRoutes, opts);
  await app.register(reportRoutes, opts);
}
