import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts';
import type { CompanyService } from '../companies';
import type { NotificationService } from '../notifications';
import type { Locale } from '../platform/web/i18n';
import type { RegionService } from '../regions';
import type { BenefitTag } from './benefits';
import type { JobTables } from './tables';

/** The pages of shipped Q&As by their data key, per language (inquiry's shippedQuestionPaths). */
export type ExplainerPaths = (keys: string[]) => Promise<Map<string, Partial<Record<Locale, string>>>>;

/** What jobs asks of other modules (CONTEXT.md). */
export interface JobsDeps {
  companies: CompanyService;
  regions: RegionService;
  accounts: Pick<AccountService, 'displayNames'>;
  notifications: Pick<NotificationService, 'notify'>;
  /** The inquiry answers that explain benefit tags and the declared insurance. */
  explainers: ExplainerPaths;
}

export interface JobsContext extends JobsDeps {
  db: Kysely<JobTables>;
  /** The benefit tags (data/jobs/benefits.json), in display order. */
  benefits: BenefitTag[];
  now: () => Date;
}
