import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts';
import type { NotificationService } from '../notifications';
import type { Invalidation } from '../platform/db/invalidation';
import type { RegionService } from '../regions';
import type { StatuteService } from '../statutes';
import type { InquiryTables } from './tables';

/** What inquiry asks of other modules, through their services (see CONTEXT.md). */
export interface InquiryDeps {
  statutes: StatuteService;
  regions: RegionService;
  accounts: Pick<AccountService, 'displayNames'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Inquiry's own database (only its tables) and the other modules' services. */
export interface InquiryContext extends InquiryDeps {
  db: Kysely<InquiryTables>;
  now: () => Date;
  /** Tells the site's other processes which questions' cached pages to forget (decision 0122). */
  invalidation: Invalidation;
}
