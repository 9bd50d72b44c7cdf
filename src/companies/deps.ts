import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts';
import type { MailTransport } from '../mail';
import type { RegionService } from '../regions';
import type { CompanyTables } from './tables';

/** What companies ask of other modules (CONTEXT.md). */
export interface CompaniesDeps {
  regions: RegionService;
  accounts: AccountService;
  /** Invitations are mailed. */
  mail: MailTransport;
  /** PUBLIC_BASE_URL: invitation links are absolute. */
  baseUrl: string;
}

export interface CompaniesContext extends CompaniesDeps {
  db: Kysely<CompanyTables>;
  now: () => Date;
}
