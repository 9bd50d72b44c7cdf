/** Regions: the country, provinces and cities that answers and jobs apply to. See CONTEXT.md. */
import type { Invalidation } from '../platform/db/invalidation';
import { type AppDb, ownTables } from '../platform/db/tables';
import { createRegionService } from './service';
import type { RegionTables } from './tables';

export { isCityLevel } from './city-level';
export type { Region, RegionInput, RegionService } from './service';
export { REGION_TABLES, type RegionTables } from './tables';

export function createRegionsModule(db: AppDb, deps: { invalidation?: Invalidation } = {}) {
  return { service: createRegionService(ownTables<RegionTables>(db), deps.invalidation) };
}

export type RegionsModule = ReturnType<typeof createRegionsModule>;
