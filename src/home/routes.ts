import type { FastifyInstance } from 'fastify';
import { sendPage } from '../platform/web/render';
import { HomePage } from './views/home-page';

export async function homeRoutes(app: FastifyInstance, { baseUrl }: { baseUrl: string }) {
  app.get('/', { schema: { hide: true } }, async (request, reply) => sendPage(request, reply, HomePage({ baseUrl })));
}
