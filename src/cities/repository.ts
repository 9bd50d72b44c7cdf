/** SQL for the cities module's own tables. Plain functions taking the database (or a transaction) first. */
import type { Insertable } from 'kysely';
import type { ModuleDb } from '../platform/db/tables';
import type { CityPeriodTable, CityRateTable, CitySourceTable, CityTable, CityTables } from './tables';

type Db = ModuleDb<CityTables>;

export async function upsertCity(db: Db, city: CityTable) {
  const { slug, ...rest } = city;
  await db
    .insertInto('cities')
    .values(city)
    .onConflict((oc) => oc.column('slug').doUpdateSet(rest))
    .execute();
}

export async function upsertSource(db: Db, source: CitySourceTable) {
  const { id, ...rest } = source;
  await db
    .insertInto('city_sources')
    .values(source)
    .onConflict((oc) => oc.column('id').doUpdateSet(rest))
    .execute();
}

export function findPeriodByKey(db: Db, key: string) {
  return db
    .selectFrom('city_periods')
    .select(['id', 'origin', 'fingerprint'])
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertPeriod(db: Db, period: Insertable<CityPeriodTable>): Promise<number> {
  const row = await db.insertInto('city_periods').values(period).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePeriod(db: Db, id: number, period: Omit<Insertable<CityPeriodTable>, 'created_at'>) {
  await db.updateTable('city_periods').set(period).where('id', '=', id).execute();
}

/** A period's rows are written whole: a corrected notice replaces them all, so no stale insurance is left. */
export async function replaceRates(db: Db, periodId: number, rates: Omit<Insertable<CityRateTable>, 'period_id'>[]) {
  await db.deleteFrom('city_rates').where('period_id', '=', periodId).execute();
  if (rates.length === 0) return;
  await db
    .insertInto('city_rates')
    .values(rates.map((r) => ({ ...r, period_id: periodId })))
    .execute();
}

export async function upsertTaxSchedule(db: Db, row: CityTables['income_tax_schedules']) {
  const { key, ...rest } = row;
  await db
    .insertInto('income_tax_schedules')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet(rest))
    .execute();
}

export function listCities(db: Db) {
  return db.selectFrom('cities').selectAll().orderBy('slug').execute();
}

/**
 * The period in force on `day` (ISO date): the latest dated one that has begun and not ended. ISO dates compare
 * as text on both engines; undated periods (NULL) never match.
 */
export function periodInForce(db: Db, citySlug: string, day: string) {
  return db
    .selectFrom('city_periods')
    .selectAll()
    .where('city_slug', '=', citySlug)
    .where('effective_from', '<=', day)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]))
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A period ends: the day before the next one starts (an editor added it). */
export async function endPeriod(db: Db, id: number, lastDay: string) {
  await db.updateTable('city_periods').set({ effective_to: lastDay }).where('id', '=', id).execute();
}

/** Every period of a city, the latest first, undated ones last. */
export function periodsOfCity(db: Db, citySlug: string) {
  return db
    .selectFrom('city_periods')
    .selectAll()
    .where('city_slug', '=', citySlug)
    .orderBy('year_label', 'desc')
    .orderBy('effective_from', 'desc')
    .execute();
}

export function ratesOfPeriods(db: Db, periodIds: number[]) {
  if (periodIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('city_rates').selectAll().where('period_id', 'in', periodIds).orderBy('id').execute();
}

export function sourcesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('city_sources').selectAll().where('id', 'in', ids).execute();
}

/** The schedule in force on `day`: valid from on or before it, and not ended. */
export function taxScheduleOn(db: Db, day: string) {
  return db
    .selectFrom('income_tax_schedules')
    .selectAll()
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}
