/** Saved searches and job alerts: a seeker's searches of the jobs board, their new jobs notified once a day. See CONTEXT.md. */
import type { FastifyInstance } from 'fastify';
import type { Viewer } from '../accounts';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { MenuLink } from '../platform/web/chrome';
import type { AlertsDeps } from './deps';
import { ALERTS_PATH, alertRoutes } from './routes';
import { createAlertService, type RunResult } from './service';
import type { AlertTables } from './tables';

export { ALERTS_PATH } from './routes';
export { type AlertService, MAX_SEARCHES_PER_USER, type RunResult } from './service';
export { ALERT_TABLES, type AlertTables } from './tables';

/** How often the app's timer looks for searches due (each runs a day after its last run). */
export const ALERTS_TICK_MS = 60 * 60 * 1000;

export function createAlertsModule(db: AppDb, deps: AlertsDeps & { now?: () => Date }) {
  const service = createAlertService({ ...deps, db: ownTables<AlertTables>(db), now: deps.now ?? (() => new Date()) });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  return {
    service,
    /** Saved searches are personal data: the privacy module exports and forgets them through this. */
    personalData: service.personalData,
    routes: (app: FastifyInstance) => alertRoutes(app, { alerts: service }),
    /** Every signed-in person may save searches: their list in the header. */
    menu(_viewer: Viewer): MenuLink[] {
      return [{ href: ALERTS_PATH, label: { key: 'alerts.nav' }, order: 22 }];
    },
    /**
     * Runs the searches due every `tickMs` (hourly) while the app serves; the timer does not keep the process
     * alive. A run still going when the next tick comes is not doubled.
     */
    start(options: { onError(error: unknown): void; onRun?(result: RunResult): void; tickMs?: number }) {
      if (timer) return;
      let busy = false;
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        running = service
          .runDueAlerts(new Date())
          .then((result) => options.onRun?.(result), options.onError)
          .finally(() => {
            busy = false;
          });
      }, options.tickMs ?? ALERTS_TICK_MS);
      timer.unref();
    },
    /** Stops the timer and waits for a run in progress (the app's close). */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type AlertsModule = ReturnType<typeof createAlertsModule>;
