/**
 * Applications (CONTEXT.md): the seeker's side (seeker-service.ts), the employer's (employer-service.ts), the
 * panels shown on the job and company pages (panel.ts) and what the privacy module exports and forgets
 * (personal-data.ts), composed into one service.
 */
import type { ApplicationsContext } from './deps';
import { createEmployerSide } from './employer-service';
import { createPanels } from './panel';
import { createPersonalData } from './personal-data';
import { createResponsivenessCache } from './responsiveness-cache';
import { createSeekerSide } from './seeker-service';

export function createApplicationService(given: Omit<ApplicationsContext, 'figures'>) {
  const lines = createResponsivenessCache(given.now, given.invalidation);
  // A line counted again is a new apply panel: the jobs board renders those jobs' cached pages again.
  const figures: typeof lines = {
    ...lines,
    forget(rows) {
      lines.forget(rows);
      given.jobs.applicationsChanged([...new Set(rows.map((row) => row.job_id))]);
    },
  };
  const ctx: ApplicationsContext = { ...given, figures };
  return {
    ...createSeekerSide(ctx),
    ...createEmployerSide(ctx),
    ...createPanels(ctx),
    personalData: createPersonalData(ctx),
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
