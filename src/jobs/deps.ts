import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts';
import type { CompanyService } from '../companies';
import type { NotificationService } from '../notifications';
import type { Invalidation } from '../platform/db/invalidation';
import type { Locale } from '../platform/web/i18n';
import type { RegionService } from '../regions';
import type { BenefitTag } from './benefits';
import type { JobTables } from './tables';

/** The pages of shipped Q&As by their data key, per language (inquiry's shippedQuestionPaths). */
export type ExplainerPaths = (keys: string[]) => Promise<Map<string, Partial<Record<Locale, string>>>>;

/** A job's salary range as a monthly take-home range in its city (the cities module's estimate); null: no data. */
export type TakeHomeEstimator = (input: {
  regionCode: string;
  grossMin: number;
  grossMax: number;
  base: 'actual' | 'minimum' | 'fixed';
  baseAmount?: number | null;
  housingFundRate: number | null;
  on: Date;
}) => Promise<{
  min: number;
  max: number;
  exact: boolean;
  citySlug: string;
  /** With a base at the city minimum: what the worker's own accounts get less a month (yuan; null: unknown). */
  minimumBaseLoss?: MinimumBaseLoss | null;
} | null>;

/** A range a month from the salary's bottom to its top, yuan; null where the city's data lacks a figure. */
type LossRange = { min: number | null; max: number | null };
export interface MinimumBaseLoss {
  /** The pension's personal account: the employee's part (the employer's goes to the pooled fund). */
  pensionAccount: LossRange;
  /** The housing fund, both sides (both are the worker's). */
  housingFund: LossRange;
  total: LossRange;
}

/** What jobs asks of other modules (CONTEXT.md). */
export interface JobsDeps {
  companies: CompanyService;
  regions: RegionService;
  accounts: Pick<AccountService, 'displayNames'>;
  notifications: Pick<NotificationService, 'notify'>;
  /** The inquiry answers that explain benefit tags and the declared insurance. */
  explainers: ExplainerPaths;
  /** What the salary pays in hand, shown on the job page with a link to the calculator. */
  takeHome: TakeHomeEstimator;
  /** Calls `listener` whenever the estimates above may have changed (a city's period added, data reloaded). */
  onTakeHomeChanged: (listener: () => void) => void;
}

export interface JobsContext extends JobsDeps {
  db: Kysely<JobTables>;
  /** The benefit tags (data/jobs/benefits.json), in display order. */
  benefits: BenefitTag[];
  now: () => Date;
  /** Tells the site's other servers which cached job pages to forget (decision 0122; unset: this process). */
  invalidation?: Invalidation;
}
