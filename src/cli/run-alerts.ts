/**
 * Runs the job alerts due now (`npm run alerts:run`): each saved search whose last run is a day old is asked for
 * its new jobs, and their owners notified (in-app and by mail, through the outbox). The server does the same every
 * hour; running both at once notifies no job twice (each search is claimed by one run). For a cron job on a host
 * where the server is not always up.
 */
import { loadConfig } from '../config';
import { openModules } from './open';

const { modules, dialect, close } = await openModules(loadConfig(), { prepare: true });
try {
  const started = Date.now();
  const result = await modules.alerts.service.runDueAlerts(new Date());
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `ran ${result.searches} saved searches: ${result.jobs} new jobs in ${result.notified} notifications, ${seconds} s (${dialect})`,
  );
  if (result.failed.length > 0) {
    console.warn(`could not run ${result.failed.length} saved searches (ids ${result.failed.join(', ')})`);
  }
} finally {
  await close();
}
