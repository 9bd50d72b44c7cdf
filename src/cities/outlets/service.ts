/**
 * Service outlets: read by city and service, imported by editors from a CSV (all lines or none), removed one at a
 * time. Errors carry message keys.
 */
import type { Kysely } from 'kysely';
import { Invalid, NotFound } from '../../platform/web/errors';
import type { CityOutletRow, CityTables } from '../tables';
import { checkOutletCsv } from './import';
import type { Outlet, OutletService } from './model';
import * as repo from './repository';

const toOutlet = (row: CityOutletRow): Outlet => ({
  id: row.id,
  citySlug: row.city_slug,
  name: row.name,
  address: row.address,
  district: row.district,
  phone: row.phone,
  hours: row.hours,
  services: JSON.parse(row.services) as OutletService[],
  sourceUrl: row.source_url,
  verifiedOn: row.verified_on,
});

/** Thrown when an import is refused: every problem with its line, for the page to list. */
export class OutletImportRefused extends Invalid {
  constructor(readonly lines: ReturnType<typeof checkOutletCsv>['problems']) {
    super('cities.outlets.importRefused');
  }
}

export function createOutletService(deps: {
  db: Kysely<CityTables>;
  now: () => Date;
  citySlugs: () => Promise<string[]>;
}) {
  const { db, now } = deps;
  return {
    /** A city's outlets (all of them without a city), those offering `service` when one is given. */
    async list(citySlug?: string, service?: OutletService): Promise<Outlet[]> {
      const outlets = (await repo.listOutlets(db, citySlug)).map(toOutlet);
      return service ? outlets.filter((o) => o.services.includes(service)) : outlets;
    },

    /** Imports a CSV: nothing is written unless every line is right (OutletImportRefused lists them). */
    async importCsv(editorId: number, text: string): Promise<{ imported: number }> {
      const today = now().toISOString().slice(0, 10);
      const { outlets, problems } = checkOutletCsv(text, new Set(await deps.citySlugs()), today);
      if (problems.length > 0) throw new OutletImportRefused(problems);
      await db.transaction().execute((trx) => repo.upsertOutlets(trx, outlets, editorId, now().toISOString()));
      return { imported: outlets.length };
    },

    async remove(id: number): Promise<void> {
      if (!(await repo.deleteOutlet(db, id))) throw new NotFound('cities.outlets.error.notFound');
    },
  };
}

export type OutletServiceApi = ReturnType<typeof createOutletService>;
