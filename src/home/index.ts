/** The home page: the way into the site's capabilities. See CONTEXT.md. */
import type { FastifyInstance } from 'fastify';
import { homeRoutes } from './routes';

export function createHomeModule() {
  return { routes: (app: FastifyInstance) => homeRoutes(app) };
}
