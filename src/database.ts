/**
 * The whole database, assembled from each module's own tables, and who owns which table. Modules never import
 * this: each sees only its own tables (src/platform/db/tables.ts). Tests, the CLI and benches use it to read
 * across modules, and src/table-ownership.test.ts checks the modules' code against TABLE_OWNERS.
 */
import type { Kysely } from 'kysely';
import { ACCOUNT_TABLES, type AccountTables } from './accounts';
import { ALERT_TABLES, type AlertTables } from './alerts';
import { APPLICATION_TABLES, type ApplicationTables } from './applications';
import { CITY_TABLES, type CityTables } from './cities';
import { COMPANY_TABLES, type CompanyTables } from './companies';
import { INQUIRY_TABLES, type InquiryTables } from './inquiry';
import { JOB_TABLES, type JobTables } from './jobs';
import { MAIL_TABLES, type MailTables } from './mail';
import { NOTIFICATION_TABLES, type NotificationTables } from './notifications';
import type { AppDb } from './platform/db/tables';
import { REGION_TABLES, type RegionTables } from './regions';
import { RESUME_TABLES, type ResumeTables } from './resumes';
import { STATUTE_TABLES, type StatuteTables } from './statutes';

export interface Database
  extends AccountTables,
    MailTables,
    NotificationTables,
    RegionTables,
    StatuteTables,
    InquiryTables,
    CompanyTables,
    JobTables,
    AlertTables,
    ResumeTables,
    ApplicationTables,
    CityTables {}

/**
 * Every table and its one owner. The search engine (platform) owns `search_kinds` and every `search_<kind>_…`
 * table it makes for a kind; the platform's rate limits shared by the site's servers own `rate_limit_hits`.
 */
export const TABLE_OWNERS = {
  accounts: ACCOUNT_TABLES,
  mail: MAIL_TABLES,
  notifications: NOTIFICATION_TABLES,
  regions: REGION_TABLES,
  statutes: STATUTE_TABLES,
  inquiry: INQUIRY_TABLES,
  companies: COMPANY_TABLES,
  jobs: JOB_TABLES,
  alerts: ALERT_TABLES,
  resumes: RESUME_TABLES,
  applications: APPLICATION_TABLES,
  cities: CITY_TABLES,
  'platform/search': ['search_kinds'],
  'platform/web': ['rate_limit_hits'],
} as const satisfies Record<string, readonly string[]>;

/** The app's database with every table visible: for tests, tools and benches, never for modules. */
export function wholeDatabase(db: AppDb): Kysely<Database> {
  return db as unknown as Kysely<Database>;
}
