/**
 * Cities: social insurance and housing fund bases and rates by city and period, the take-home pay calculator,
 * city pages, editors' periods and service outlets. See CONTEXT.md.
 */
import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../accounts';
import type { Invalidation } from '../platform/db/invalidation';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { MenuLink } from '../platform/web/chrome';
import { cityAdminRoutes } from './admin/routes';
import { outletRoutes } from './outlets/routes';
import { createOutletService } from './outlets/service';
import { cityPageRoutes } from './pages/routes';
import { salaryRoutes } from './salary/routes';
import { createCityService } from './service';
import type { CityTables } from './tables';

export { convertRates as convertCityRates } from './convert';
export { convertTax as convertIncomeTax } from './convert-tax';
export type { City, CityService, MinimumBaseLossRange, Period, SalaryOutcome, TakeHomeEstimate } from './service';
export {
  type ShippedRatesFile,
  type ShippedTaxFile,
  shippedRatesFileSchema,
  shippedTaxFileSchema,
} from './shipped';
export { CITY_TABLES, type CityTables } from './tables';

/** City names ship with the city data: regions is not asked (`cities.region_code` references its table). */
export function createCitiesModule(db: AppDb, deps: { now?: () => Date; invalidation?: Invalidation } = {}) {
  const now = deps.now ?? (() => new Date());
  const service = createCityService({ db: ownTables<CityTables>(db), now, invalidation: deps.invalidation });
  const outlets = createOutletService({
    db: ownTables<CityTables>(db),
    now,
    citySlugs: async () => (await service.listCities()).map((c) => c.slug),
  });
  return {
    service,
    outlets,
    /** For the jobs board: a salary range as a monthly take-home range in the job's city (null: no data). */
    estimateTakeHome: service.estimateTakeHome,
    /** For the jobs board: its cached pages show estimates, to be forgotten when a city's data changes. */
    onDataChanged: service.onDataChanged,
    /** Its section of the sitemap: the list of cities and each city's page, in both languages. */
    sitemapSources: [
      {
        name: 'cities',
        entries: async () => [
          { versions: { en: '/cities', zh: '/cities' } },
          ...(await service.listCities()).map((c) => ({
            versions: { en: `/cities/${c.slug}`, zh: `/cities/${c.slug}` },
          })),
        ],
      },
    ],
    /** Links in the header: the cities' periods and outlets for editors and admins. */
    menu(viewer: Viewer): MenuLink[] {
      return can(viewer, 'cities.edit')
        ? [{ href: '/admin/cities', label: { key: 'cities.admin.nav' }, order: 75 }]
        : [];
    },
    routes: async (app: FastifyInstance) => {
      await salaryRoutes(app, { cities: service });
      await cityPageRoutes(app, { cities: service, outlets });
      await outletRoutes(app, { cities: service, outlets });
      await cityAdminRoutes(app, { cities: service });
    },
  };
}

export type CitiesModule = ReturnType<typeof createCitiesModule>;
