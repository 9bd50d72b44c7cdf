import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts';
import type { CompanyService } from '../companies';
import type { JobApplying } from '../jobs';
import type { NotificationService } from '../notifications';
import type { Invalidation } from '../platform/db/invalidation';
import type { RegionService } from '../regions';
import type { ResumesService } from '../resumes';
import type { ResponsivenessCache } from './responsiveness-cache';
import type { ApplicationTables } from './tables';

/** What applications ask of other modules (CONTEXT.md). */
export interface ApplicationsDeps {
  /** The jobs applied to (describe), the job page's apply panel (provideApplyPanel) and its changes. */
  jobs: Pick<JobApplying, 'describe' | 'provideApplyPanel' | 'applicationsChanged'>;
  /**
   * Who acts for the job's company (isMember; membersOf, told of new applications), its names (describe), its
   * profile's responsiveness line.
   */
  companies: Pick<CompanyService, 'isMember' | 'membersOf' | 'describe' | 'provideResponsiveness'>;
  /** The résumé snapshot, the file, and whether the seeker blocked the company. */
  resumes: ResumesService;
  /** Display names for the history and notes; each seeker's and employer's language, for their notifications. */
  accounts: Pick<AccountService, 'displayNames' | 'contactsOf'>;
  notifications: Pick<NotificationService, 'notify'>;
  /** Names of the résumé's cities. */
  regions: Pick<RegionService, 'named'>;
}

export interface ApplicationsContext extends ApplicationsDeps {
  /** Where a notice that could not be sent after a committed change is logged (the app's logger). */
  log?: { warn(fields: object, message: string): void };
  db: Kysely<ApplicationTables>;
  now: () => Date;
  /** Tells the site's other servers which responsiveness lines to forget (decision 0122; unset: this process). */
  invalidation?: Invalidation;
  /** The responsiveness lines kept per job and company; forgotten when an application is submitted or moves. */
  figures: ResponsivenessCache;
}
