import { buildApp } from './app';
import { type AppConfig, ConfigError, loadConfig } from './config';

/** Longer than a request may take, shorter than an orchestrator's kill (Kubernetes: 30 s after SIGTERM). */
const SHUTDOWN_GRACE_MS = 25_000;

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(config);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Graceful: no new connections (a request arriving now is answered 503, so /readyz fails and a balancer drains
    // us), the requests under way finish, the outbox sender finishes its message, page views are written and the
    // database is closed (the onClose hooks of app.ts). A close that hangs is cut short after SHUTDOWN_GRACE_MS.
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      setTimeout(() => {
        app.log.error('shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
      app.close().then(
        () => {
          app.log.info('shut down');
          process.exit(0);
        },
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
