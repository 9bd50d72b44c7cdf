import type { Kysely } from 'kysely';
import { type Invalidation, localInvalidation } from '../platform/db/invalidation';
import { Invalid } from '../platform/web/errors';
import * as repo from './repository';
import type { RegionRow, RegionTables } from './tables';

export interface Region {
  code: string;
  nameEn: string;
  nameZh: string;
  level: string;
  parentCode: string | null;
}

export interface RegionInput {
  code: string;
  nameEn: string;
  nameZh: string;
  level: string;
  parent: string | null;
}

const toRegion = (row: RegionRow): Region => ({
  code: row.code,
  nameEn: row.name_en,
  nameZh: row.name_zh,
  level: row.level,
  parentCode: row.parent_code,
});

/**
 * Regions are a few dozen rows that change only when shipped data is loaded, and every Q&A page, search result
 * and form names some: they are read once and kept in memory (dropped when `load` writes).
 */
export function createRegionService(db: Kysely<RegionTables>, invalidation: Invalidation = localInvalidation()) {
  let cache: Promise<Map<string, Region>> | null = null;
  // Another server (or the command line) loading regions makes every server read them again (decision 0122).
  invalidation.subscribe('regions', () => {
    cache = null;
  });

  function byCode(): Promise<Map<string, Region>> {
    cache ??= repo.listRegions(db).then((rows) => new Map(rows.map((row) => [row.code, toRegion(row)])));
    // A failed read must not be remembered.
    cache.catch(() => {
      cache = null;
    });
    return cache;
  }

  return {
    /** Every region, ordered by code. */
    async list(): Promise<Region[]> {
      return [...(await byCode()).values()];
    },

    async find(code: string): Promise<Region | undefined> {
      return (await byCode()).get(code);
    },

    /** The regions of these codes (unknown codes are left out), for naming them on a page. */
    async named(codes: Iterable<string>): Promise<Map<string, Region>> {
      const all = await byCode();
      const found = new Map<string, Region>();
      for (const code of codes) {
        const region = all.get(code);
        if (region) found.set(code, region);
      }
      return found;
    },

    /** Refuses a code that names no region, as a field of the form being checked. */
    async requireKnown(code: string, field = 'region'): Promise<Region> {
      const region = (await byCode()).get(code);
      if (!region) throw new Invalid('error.region.unknown', { code }, [{ field, key: 'error.region.choose' }]);
      return region;
    },

    /**
     * Where something written for `code` applies, for a filter by place: the region itself, the places inside it
     * at any depth, and the regions above it (a nationwide answer applies everywhere).
     */
    async applicableTo(code: string): Promise<string[]> {
      const all = await byCode();
      const self = all.get(code);
      if (!self)
        throw new Invalid('error.region.unknown', { code }, [{ field: 'region', key: 'error.region.unknownCode' }]);
      const codes = new Set([code]);
      for (const region of all.values()) {
        for (let parent = region.parentCode; parent; parent = all.get(parent)?.parentCode ?? null) {
          if (parent === code) codes.add(region.code);
        }
      }
      for (let parent = self.parentCode; parent; parent = all.get(parent)?.parentCode ?? null) codes.add(parent);
      return [...codes];
    },

    /** Stores shipped regions (parents before children); what is stored keeps its code and takes the new names. */
    async load(regions: RegionInput[]) {
      const rows = regions.map((r) => ({
        code: r.code,
        name_en: r.nameEn,
        name_zh: r.nameZh,
        level: r.level,
        parent_code: r.parent,
      }));
      await db.transaction().execute((trx) => repo.upsertRegions(trx, rows));
      invalidation.publish('regions');
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
