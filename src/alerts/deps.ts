import type { Kysely } from 'kysely';
import type { JobsModule } from '../jobs';
import type { NotificationService } from '../notifications';
import type { RegionService } from '../regions';
import type { AlertTables } from './tables';

/** What the alerts ask of other modules (wired in src/modules.ts). */
export interface AlertsDeps {
  /** The board: open jobs matching a search posted after a moment; the benefit tags' labels. */
  jobs: Pick<JobsModule['board'], 'newMatches' | 'benefitChoices'>;
  regions: Pick<RegionService, 'named'>;
  notifications: Pick<NotificationService, 'notify'>;
}

export interface AlertsContext extends AlertsDeps {
  db: Kysely<AlertTables>;
  now: () => Date;
}
