import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuth } from './accounts/auth';
import { accountRoutes } from './accounts/routes';
import { type SeedPaths, seedDatabase } from './cli/seed';
import type { AppConfig } from './config';
import { connect, type DatabaseHandle } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { registerNotificationCount } from './inquiry/notifications';
import { inquiryRoutes } from './inquiry/routes';
import { createServices } from './services';
import { statuteRoutes } from './statutes/routes';
import { registerErrorHandling } from './web/error-handler';
import { webRoutes } from './web/routes';
import { registerSecurityHeaders } from './web/security-headers';

export interface BuildOptions {
  /** An open database to use instead of connecting to config.DATABASE_URL (tests); the caller closes it. */
  database?: DatabaseHandle;
  /** Where shipped content comes from; false skips seeding even if the config asks for it. */
  seed?: SeedPaths | false;
}

const VIEW_FLUSH_MS = 5_000;

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  });

  const debugSql = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';
  const database =
    options.database ??
    connect(config.DATABASE_URL, {
      onQuery: debugSql
        ? (event) => app.log.debug({ sql: event.query.sql, ms: event.queryDurationMillis }, 'sql')
        : undefined,
    });
  const { db, dialect } = database;
  await migrateToLatest(db, dialect);

  const services = createServices(db, dialect, {
    log: app.log,
    baseUrl: config.PUBLIC_BASE_URL,
  });
  const { statutes, views, inquiry, accounts, notifications } = services;

  if (await services.search.rebuildIfNeeded()) app.log.info('rebuilt the search index for its new layout');

  if (options.seed !== false && config.SEED_DEMO_CONTENT) {
    const result = await seedDatabase(db, { statutes, inquiry }, options.seed ?? undefined);
    if (result.statuteVersionsAdded || result.questionsAdded) app.log.info(result, 'loaded shipped content');
  }

  views.start(VIEW_FLUSH_MS, (error) => app.log.error({ err: error }, 'could not store page views'));
  app.addHook('onClose', async () => {
    await views.stop();
    if (!options.database) await database.destroy();
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  registerSecurityHeaders(app);
  // Cookies, form bodies, CSRF and request.viewer for every route. A request without a session cookie
  // costs no database read, so the read-only pages stay the hot path they were (docs/benchmarks.md).
  await app.register(registerAuth, { config, resolveSession: accounts.resolveSession });
  await app.register(registerNotificationCount, { notifications });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./web/assets/', import.meta.url)),
    prefix: '/assets/',
    maxAge: '1h',
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'jobsite API',
        description: 'Social security inquiry center and statute library',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(webRoutes, { config });
  await app.register(inquiryRoutes, { services, config });
  await app.register(statuteRoutes, { statutes, config });
  await app.register(accountRoutes, { accounts, config });
  return app;
}
