/**
 * Cities: social insurance and housing fund bases and rates by city and period, the take-home pay calculator,
 * city pages (later: service outlets). See CONTEXT.md.
 */
import type { FastifyInstance } from 'fastify';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { RegionService } from '../regions';
import { cityPageRoutes } from './pages/routes';
import { salaryRoutes } from './salary/routes';
import { createCityService } from './service';
import type { CityTables } from './tables';

export { calculateSalary } from './calculator/calculate';
export type { SalaryInput, SalaryResult } from './calculator/types';
export { convertRates as convertCityRates } from './convert';
export { convertTax as convertIncomeTax } from './convert-tax';
export type { City, CityService, Period, SalaryOutcome, TakeHomeEstimate } from './service';
export {
  type ShippedRatesFile,
  type ShippedTaxFile,
  shippedRatesFileSchema,
  shippedTaxFileSchema,
} from './shipped';
export { CITY_TABLES, type CityTables } from './tables';

/** The calculator's path, for links from other modules (a job's take-home links to it, filled in). */
export const SALARY_TOOL_PATH = '/tools/salary';

/**
 * `regions` is not asked yet (city names ship with the city data; `cities.region_code` references regions): kept
 * for the admin pages, which will refuse unknown codes through it.
 */
export function createCitiesModule(db: AppDb, deps: { regions: RegionService; now?: () => Date }) {
  const service = createCityService({ db: ownTables<CityTables>(db), now: deps.now ?? (() => new Date()) });
  return {
    service,
    /** For the jobs board: a salary range as a monthly take-home range in the job's city (null: no data). */
    estimateTakeHome: service.estimateTakeHome,
    routes: async (app: FastifyInstance) => {
      await salaryRoutes(app, { cities: service });
      await cityPageRoutes(app, { cities: service });
    },
  };
}

export type CitiesModule = ReturnType<typeof createCitiesModule>;
