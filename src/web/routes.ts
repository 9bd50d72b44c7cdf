import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import { renderPage } from './render';
import { HomePage } from './views';

export async function webRoutes(app: FastifyInstance, { config }: { config: AppConfig }) {
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderPage(HomePage({ baseUrl: config.PUBLIC_BASE_URL }))),
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
}
