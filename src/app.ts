import compress from '@fastify/compress';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { csrfToken, registerAuth } from './accounts';
import { type SeedPaths, seedDatabase } from './cli/seed';
import type { AppConfig } from './config';
import { createModules, type Modules } from './modules';
import { registerNotificationBell } from './notifications';
import { connect, type DatabaseHandle } from './platform/db/connection';
import { migrateToLatest } from './platform/db/migrate';
import { registerAssets } from './platform/web/assets';
import { ANONYMOUS } from './platform/web/chrome';
import { registerErrorHandling } from './platform/web/error-handler';
import { registerI18n, rewriteLocaleUrl } from './platform/web/i18n';
import { refuseNulCharacters } from './platform/web/nul-characters';
import { registerOperations } from './platform/web/operations';
import { postgresRateLimitStore } from './platform/web/rate-limit';
import { recordRoutes } from './platform/web/route-table';
import { registerSecurityHeaders, securityHeaderOptions } from './platform/web/security-headers';

export interface BuildOptions {
  /** An open database to use instead of connecting to config.DATABASE_URL (tests); the caller closes it. */
  database?: DatabaseHandle;
  /** Where shipped content comes from; false skips seeding even if the config asks for it. */
  seed?: SeedPaths | false;
  /** Tests: the app's modules, to arrange and inspect through their services. */
  onModules?: (modules: Modules) => void;
}

/** The whole site as a Fastify app: platform plugins first, then every module's routes (src/modules.ts). */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // One route serves both languages: /zh/… is routed as …, the locale kept for request.i18n (i18n.ts).
    rewriteUrl: rewriteLocaleUrl,
  });
  recordRoutes(app);
  registerI18n(app);
  app.decorate('publicBaseUrl', config.PUBLIC_BASE_URL.replace(/\/$/, ''));

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

  // Several servers on one PostgreSQL are one site (decision 0122): caches forget what any of them changed, and
  // rate limits are counted in one table. On SQLite both stay in this process (one server per file).
  await database.invalidation.listen({ onError: (error, what) => app.log.error({ err: error }, what) });
  if (dialect === 'postgres') app.decorate('rateLimitStore', postgresRateLimitStore(db));
  const modules = createModules(db, dialect, config, { log: app.log, invalidation: database.invalidation });
  options.onModules?.(modules);
  if ((await modules.prepare()).rebuiltSearchIndex) app.log.info('rebuilt the search index for its new layout');

  if (options.seed !== false && config.SEED_DEMO_CONTENT) {
    const result = await seedDatabase(modules, options.seed ?? undefined);
    if (result.statuteVersionsAdded || result.questionsAdded) app.log.info(result, 'loaded shipped content');
  }

  modules.inquiry.start((error) => app.log.error({ err: error }, 'could not store page views'));
  // Job alerts: the saved searches due are run every hour (each a day after its last run).
  modules.alerts.start({ onError: (error) => app.log.error({ err: error }, 'could not run the job alerts') });
  if (modules.mail.sender) {
    modules.mail.start();
    app.log.info('mail: the outbox is sent through SMTP_URL');
  } else {
    app.log.warn('SMTP_URL is not set: mail stays in the outbox table and is not sent');
  }
  app.addHook('onClose', async () => {
    await modules.mail.stop();
    await modules.inquiry.stop();
    await modules.alerts.stop();
    if (!options.database) await database.destroy();
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  refuseNulCharacters(app);

  registerSecurityHeaders(app, securityHeaderOptions(config.PUBLIC_BASE_URL));
  // Text answers (HTML, JSON, XML) gzipped for clients that accept it; the prerendered Q&A pages and the assets
  // come compressed already and are left alone (they set content-encoding themselves).
  await app.register(compress, { encodings: ['gzip'], threshold: 1024 });
  // Cookies, form bodies, CSRF and request.viewer for every route. A request without a session cookie
  // costs no database read, so the read-only pages stay the hot path they were (docs/benchmarks.md).
  await app.register(registerAuth, { config, resolveSession: modules.accounts.service.resolveSession });
  await app.register(registerNotificationBell, { notifications: modules.notifications.service });
  // The page frame: anonymous pages carry no token and no menu, so they are the same for everyone and cacheable.
  app.decorate('pageChrome', (request, reply) =>
    request.viewer
      ? {
          viewerName: request.viewer.displayName,
          csrfToken: csrfToken(reply),
          menu: modules.menuFor(request.viewer, request.unreadNotifications ?? 0),
        }
      : ANONYMOUS,
  );
  registerAssets(app);
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

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerOperations(app, {
    database,
    metricsToken: config.METRICS_TOKEN,
    gauges: async () => {
      const outbox = await modules.mail.counts();
      return { outbox_waiting_messages: outbox.waiting, outbox_failed_messages: outbox.failed };
    },
  });
  for (const routes of modules.routes) await app.register(routes);
  return app;
}
