import type { Selectable } from 'kysely';

/** A place answers and jobs apply to: the country, a province or a city (see data/regions.json). */
export interface RegionTable {
  code: string;
  name_en: string;
  name_zh: string;
  level: string;
  parent_code: string | null;
}

export interface RegionTables {
  regions: RegionTable;
}

export const REGION_TABLES = ['regions'] as const satisfies readonly (keyof RegionTables)[];

export type RegionRow = Selectable<RegionTable>;
