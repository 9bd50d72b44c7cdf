import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { seedDatabase, type SeedPaths } from './cli/seed';
import type { AppConfig } from './config';
import { connect, type DatabaseHandle } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { createServices } from './services';
import { inquiryRoutes } from './inquiry/routes';
import { statuteRoutes } from './statutes/routes';
import { registerErrorHandling } from './web/error-handler';
import { registerSecurityHeaders } from './web/security-headers';
import { webRoutes } from './web/routes';

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

  const { statutes, views, inquiry, search } = createServices(db, dialect);

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
  // Cookies, form bodies and CSRF tokens are registered inside the scopes that have forms (none yet: the
  // accounts issue adds them, checking the CSRF token in a preHandler once the body is parsed). Each adds
  // a hook to every request of its scope, and the read-only pages are the hot path (docs/benchmarks.md).
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
  await app.register(inquiryRoutes, { inquiry, search, config });
  await app.register(statuteRoutes, { statutes, config });
  return app;
}
