/** Regions: the country, provinces and cities that answers and jobs apply to. See CONTEXT.md. */
import { type AppDb, ownTables } from '../platform/db/tables';
import { createRegionService } from './service';
import type { RegionTables } from './tables';

export { isCityLevel } from './city-level';
export type { Region, RegionInput, RegionService } from './service';
export { REGION_TABLES, type RegionTables } from './tables';

export function createRegionsModule(db: AppDb) {
  return { service: createRegionService(ownTables<RegionTables>(db)) };
}

export type RegionsModule = ReturnType<typeof createRegionsModule>;
