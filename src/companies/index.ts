/** Companies on the jobs board: profiles, members, invitations, verification. See CONTEXT.md. */
import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../accounts';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { MenuLink } from '../platform/web/chrome';
import type { CompaniesDeps } from './deps';
import { companyRoutes } from './routes';
import { createCompanyService } from './service';
import type { CompanyTables } from './tables';

export { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, isValidCreditCode, normaliseCreditCode } from './credit-code';
export { INDUSTRY_LABELS, SIZE_LABELS } from './labels';
export { companyPath } from './model';
export type {
  CompanyCard,
  CompanyChangedListener,
  CompanyService,
  CompanySummary,
  OpenJob,
  OpenJobsProvider,
  ResponsivenessProvider,
  ShippedCompany,
} from './service';
export {
  COMPANY_SIZES,
  COMPANY_TABLES,
  type CompanySize,
  type CompanyTables,
  INDUSTRIES,
  type Industry,
  type MemberRole,
} from './tables';

/** Where editors and admins verify companies. */
export const COMPANY_MODERATION_PATH = '/moderation/companies';

export function createCompaniesModule(db: AppDb, deps: CompaniesDeps & { now?: () => Date }) {
  const service = createCompanyService({
    ...deps,
    db: ownTables<CompanyTables>(db),
    now: deps.now ?? (() => new Date()),
  });
  return {
    service,
    routes: (app: FastifyInstance) => companyRoutes(app, { companies: service }),
    /** Its section of the sitemap: verified companies' profiles. */
    sitemapSources: [{ name: 'companies', entries: () => service.sitemapEntries() }],
    /**
     * Links in the header for the viewer: company verification for editors and admins. Employers' own companies
     * are reached from the jobs module's /employer dashboard (which lists membershipsOf).
     */
    menu(viewer: Viewer): MenuLink[] {
      return can(viewer, 'jobs.moderate')
        ? [{ href: COMPANY_MODERATION_PATH, label: { key: 'company.nav.moderation' }, order: 70 }]
        : [];
    },
  };
}

export type CompaniesModule = ReturnType<typeof createCompaniesModule>;
