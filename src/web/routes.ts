import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import { sendPage } from './render';
import { HomePage } from './views';

export async function webRoutes(app: FastifyInstance, { config }: { config: AppConfig }) {
  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, HomePage({ baseUrl: config.PUBLIC_BASE_URL })),
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
}
