/** SQL for the outlets (the cities module's `city_outlets`). */
import type { ModuleDb } from '../../platform/db/tables';
import type { CityTables } from '../tables';
import type { OutletInput } from './model';

type Db = ModuleDb<CityTables>;

/** A city's outlets (or every city's), by district then name, so a reader scans their part of town. */
export function listOutlets(db: Db, citySlug?: string) {
  let query = db.selectFrom('city_outlets').selectAll();
  if (citySlug) query = query.where('city_slug', '=', citySlug);
  return query.orderBy('city_slug').orderBy('district').orderBy('name').execute();
}

/** Writes the outlets, an outlet already listed (same city and name) updated in place. */
export async function upsertOutlets(db: Db, outlets: OutletInput[], editorId: number, now: string) {
  for (const o of outlets) {
    const row = {
      address: o.address,
      district: o.district,
      phone: o.phone,
      hours: o.hours,
      services: JSON.stringify(o.services),
      source_url: o.sourceUrl,
      verified_on: o.verifiedOn,
      updated_by: editorId,
      updated_at: now,
    };
    await db
      .insertInto('city_outlets')
      .values({ city_slug: o.citySlug, name: o.name, ...row })
      .onConflict((oc) => oc.columns(['city_slug', 'name']).doUpdateSet(row))
      .execute();
  }
}

export async function deleteOutlet(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('city_outlets').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
