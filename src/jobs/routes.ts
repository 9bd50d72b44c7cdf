import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { rateLimitOptions } from '../platform/web/rate-limit';
import type { JobApplying } from './board/applying';
import { boardRoutes } from './board/routes';
import type { JobBoard } from './board/service';
import { postingRoutes } from './posting/routes';
import type { PostingService } from './posting/service';

/** Every route of the jobs board: reading (board/) and writing (posting/). */
export async function jobsRoutes(
  app: FastifyInstance,
  opts: { board: JobBoard; posting: PostingService; applying: JobApplying },
) {
  // Only routes that ask for a limit (config.rateLimit: the jobs API, the report form) are limited, so pages pay
  // nothing. Registered here, above both groups: a sibling scope's registration does not reach the other's routes.
  await app.register(rateLimit, rateLimitOptions(app));
  await app.register(boardRoutes, { board: opts.board, applying: opts.applying });
  await app.register(postingRoutes, { posting: opts.posting });
}
