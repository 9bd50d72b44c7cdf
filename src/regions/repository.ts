import type { ModuleDb } from '../platform/db/tables';
import type { RegionTable, RegionTables } from './tables';

type Db = ModuleDb<RegionTables>;

export function listRegions(db: Db) {
  return db.selectFrom('regions').selectAll().orderBy('code').execute();
}

/** Parents first, so the foreign key holds; a region already stored keeps its code and gets the new names. */
export async function upsertRegions(db: Db, regions: RegionTable[]) {
  for (const region of regions) {
    await db
      .insertInto('regions')
      .values(region)
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_en: region.name_en, name_zh: region.name_zh }))
      .execute();
  }
}
