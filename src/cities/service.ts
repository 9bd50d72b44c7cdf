/**
 * The cities service: loads the shipped city data, reads the period in force on a date, runs the calculator for
 * a city and answers the jobs board's "what does this salary pay in hand". Errors carry message keys.
 */
import type { Kysely } from 'kysely';
import { type Invalidation, localInvalidation } from '../platform/db/invalidation';
import { Invalid, NotFound } from '../platform/web/errors';
import { TtlCache } from '../platform/web/ttl-cache';
import { addPeriod } from './admin/add-period';
import type { PeriodInput } from './admin/period-form';
import { calculateSalary } from './calculator/calculate';
import type { RateRow, SalaryInput, SalaryResult } from './calculator/types';
import { loadShipped } from './load';
import { cityPeriodData, taxScheduleOn } from './period-data';
import * as repo from './repository';
import {
  type Confidence,
  type ShippedRatesFile,
  type ShippedSource,
  type ShippedTaxFile,
  type ShippedTaxSchedule,
  shippedTaxScheduleSchema,
} from './shipped';
import type { CityPeriodRow, CityRateRow, CityRow, CityTables } from './tables';
import { estimateTakeHome, type TakeHomeQuery } from './take-home';

export interface City {
  slug: string;
  regionCode: string;
  nameEn: string;
  nameZh: string;
}

export interface Period {
  key: string;
  yearLabel: string;
  from: string | null;
  to: string | null;
  confidence: Confidence;
  confidenceNote: string;
  notes: string;
  sources: string[];
  rates: (RateRow & { note: string | null })[];
}

export interface SalaryQuery extends Omit<SalaryInput, 'housingFundRate'> {
  city: string;
  /** YYYY-MM: the period in force in that month. Without it, today's (or the latest, when none is). */
  period?: string;
  /** Percent; 'none' when the employer pays none; absent for the city's lowest rate. */
  housingFundRate?: number | 'none';
}

export type { MinimumBaseLossRange, TakeHomeEstimate } from './take-home';

export interface SalaryOutcome {
  city: City;
  period: Period;
  /** How the period was chosen: the month asked for, today, or the latest we have when none is in force today. */
  chosen: 'asked' | 'today' | 'latest';
  /** The city's dated periods, for choosing another. */
  periods: Pick<Period, 'key' | 'yearLabel' | 'from' | 'to'>[];
  result: SalaryResult;
  /** Every source a figure names, by id. */
  sources: Record<string, ShippedSource>;
}

const toCity = (row: CityRow): City => ({
  slug: row.slug,
  regionCode: row.region_code,
  nameEn: row.name_en,
  nameZh: row.name_zh,
});

function toPeriod(row: CityPeriodRow, rates: CityRateRow[]): Period {
  return {
    key: row.key,
    yearLabel: row.year_label,
    from: row.effective_from,
    to: row.effective_to,
    confidence: row.confidence,
    confidenceNote: row.confidence_note,
    notes: row.notes,
    sources: JSON.parse(row.source_ids) as string[],
    rates: rates
      .filter((r) => r.period_id === row.id)
      .map((r) => ({
        insurance: r.insurance,
        baseFloor: r.base_floor,
        baseCeiling: r.base_ceiling,
        employeeRate: r.employee_rate,
        employerRate: r.employer_rate,
        rateMin: r.rate_min,
        rateMax: r.rate_max,
        employeeFixed: r.employee_fixed,
        mergedIntoMedical: r.merged_into_medical === null ? null : r.merged_into_medical === 1,
        rounding: r.rounding,
        baseConfidence: r.base_confidence,
        rateConfidence: r.rate_confidence,
        note: r.note,
      })),
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** As repository.periodInForce, among periods already read: the latest dated one that has begun and not ended. */
function periodInForceAmong(periods: Period[], day: string): Period | null {
  let found: Period | null = null;
  for (const p of periods) {
    if (p.from === null || p.from > day || (p.to !== null && p.to < day)) continue;
    if (!found?.from || p.from > found.from) found = p;
  }
  return found;
}

/** How long the period in force and the tax schedule of a day are kept: an editor's new period clears them. */
const CACHE_MS = 10 * 60_000;

export function createCityService(deps: { db: Kysely<CityTables>; now: () => Date; invalidation?: Invalidation }) {
  const { db, now } = deps;
  // Every job page asks for its city's period and the tax schedule of today: kept, by city and day, until a
  // period is added or the shipped data loaded (both clear them), or ten minutes pass.
  const inForce = new TtlCache<string, Promise<Period | null>>(CACHE_MS, 1_000);
  const schedules = new TtlCache<string, Promise<ShippedTaxSchedule>>(CACHE_MS, 100);
  // The city rows (a few dozen) change only when the shipped data is loaded, which forgets them: every job page
  // asks for its region's city, and a calculation for the city and its rent deduction.
  let cityRows: Promise<CityRow[]> | null = null;
  // Forgotten by every server of the site when any of them (or the command line) writes (decision 0122).
  const invalidation = deps.invalidation ?? localInvalidation();
  // Others showing what the cities' data gives (the job pages' take-home estimate) forget it with these caches.
  const changeListeners: (() => void)[] = [];
  invalidation.subscribe('cities', () => {
    inForce.clear();
    schedules.clear();
    cityRows = null;
    for (const listener of changeListeners) listener();
  });
  const forget = () => invalidation.publish('cities');

  function allCityRows(): Promise<CityRow[]> {
    if (cityRows) return cityRows;
    const loading = repo.listCities(db);
    loading.catch(() => {
      if (cityRows === loading) cityRows = null;
    });
    cityRows = loading;
    return loading;
  }

  async function cityRow(by: { slug: string } | { region: string }): Promise<CityRow | undefined> {
    const rows = await allCityRows();
    return 'slug' in by ? rows.find((r) => r.slug === by.slug) : rows.find((r) => r.region_code === by.region);
  }

  async function requireCity(slug: string): Promise<CityRow> {
    const row = await cityRow({ slug });
    if (!row)
      throw new Invalid('cities.error.city', { city: slug }, [{ field: 'city', key: 'cities.error.chooseCity' }]);
    return row;
  }

  async function withRates(rows: CityPeriodRow[]): Promise<Period[]> {
    const rates = await repo.ratesOfPeriods(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toPeriod(row, rates));
  }

  /** A cached promise, forgotten if it fails (so a passing database error is not kept). */
  function cached<V>(cache: TtlCache<string, Promise<V>>, key: string, load: () => Promise<V>): Promise<V> {
    const hit = cache.get(key);
    if (hit) return hit;
    const loading = load();
    loading.catch(() => cache.discard(key));
    cache.set(key, loading);
    return loading;
  }

  function schedule(on: Date): Promise<ShippedTaxSchedule> {
    return cached(schedules, isoDay(on), async () => {
      const row = await repo.taxScheduleOn(db, isoDay(on));
      if (!row) throw new NotFound('cities.error.noTaxSchedule');
      return shippedTaxScheduleSchema.parse(JSON.parse(row.data_json));
    });
  }

  /** The period in force on the day, or null. */
  function periodOn(citySlug: string, on: Date): Promise<Period | null> {
    return cached(inForce, `${citySlug} ${isoDay(on)}`, async () => {
      const row = await repo.periodInForce(db, citySlug, isoDay(on));
      return row ? ((await withRates([row]))[0] ?? null) : null;
    });
  }

  function checkFundRate(period: Period, query: SalaryQuery) {
    const fund = period.rates.find((r) => r.insurance === 'housing_fund');
    const rate = query.housingFundRate;
    if (typeof rate === 'number' && fund?.rateMin != null && fund.rateMax != null) {
      if (rate < fund.rateMin || rate > fund.rateMax) {
        const params = { min: fund.rateMin, max: fund.rateMax };
        throw new Invalid('cities.error.fundRate', params, [
          { field: 'housingFundRate', key: 'cities.error.fundRate', params },
        ]);
      }
    }
    const supplementary = query.supplementaryFundRate ?? 0;
    if (supplementary > 0) {
      const row = period.rates.find((r) => r.insurance === 'housing_fund_supplementary');
      if (!row || row.rateMin === null || row.rateMax === null) {
        const problem = { field: 'supplementaryFundRate', key: 'cities.error.noSupplementary' } as const;
        throw new Invalid('cities.error.noSupplementary', {}, [problem]);
      }
      if (supplementary < row.rateMin || supplementary > row.rateMax) {
        const params = { min: row.rateMin, max: row.rateMax };
        const problem = { field: 'supplementaryFundRate', key: 'cities.error.fundRate' as const, params };
        throw new Invalid('cities.error.fundRate', params, [problem]);
      }
    }
  }

  /** Every period of a city with its rates, the latest first. */
  async function periodsOf(slug: string): Promise<Period[]> {
    return withRates(await repo.periodsOfCity(db, slug));
  }

  async function figureSources(ids: Iterable<string>, tax: ShippedTaxSchedule): Promise<Record<string, ShippedSource>> {
    const wanted = [...new Set(ids)];
    const found: Record<string, ShippedSource> = {};
    for (const s of await repo.sourcesByIds(db, wanted)) found[s.id] = s;
    for (const s of tax.sources) if (wanted.includes(s.id)) found[s.id] = s;
    return found;
  }

  return {
    /**
     * `listener` runs on every server of the site whenever a city's data changes (a period added, the shipped
     * data loaded): what it derived from estimateTakeHome or calculate is out of date.
     */
    onDataChanged(listener: () => void) {
      changeListeners.push(listener);
    },
    /**
     * Stores the shipped data (load.ts): an unchanged period is left alone, a changed one rewritten, a period an
     * editor added never touched.
     */
    async loadShipped(rates: ShippedRatesFile, tax: ShippedTaxFile) {
      const written = await loadShipped(db, now, rates, tax);
      forget();
      return written;
    },

    /** Forgets the cached periods: for whoever changed the tables another way (a test removing data). */
    forgetCached: forget,

    /**
     * An editor adds a city's period (admin/add-period.ts): the one before ends the day before it starts. The
     * calculator and job pages use it from the day it is in force (the cached periods are forgotten).
     */
    async addPeriod(editorId: number, citySlug: string, period: PeriodInput): Promise<{ key: string }> {
      const city = await requireCity(citySlug);
      try {
        return await addPeriod(db, { citySlug: city.slug, period, editorId, now: now() });
      } finally {
        forget();
      }
    },

    async listCities(): Promise<City[]> {
      return (await allCityRows()).map(toCity);
    },

    async findCity(slug: string): Promise<City | undefined> {
      const row = await cityRow({ slug });
      return row ? toCity(row) : undefined;
    },

    /** The city a region code is (CN-BJ → beijing), if we hold it. */
    async cityOfRegion(regionCode: string): Promise<City | undefined> {
      const row = await cityRow({ region: regionCode });
      return row ? toCity(row) : undefined;
    },

    periodsOf,
    periodOn,

    /** The city sources of these ids (a city page lists those of its periods). */
    async sourcesOf(ids: string[]): Promise<ShippedSource[]> {
      return repo.sourcesByIds(db, [...new Set(ids)]);
    },

    /**
     * Runs the calculator for a city and period; refuses an unknown city and rates outside the city's range.
     * `read`: the city's periods when the caller has just read them (periodsOf), so they are not read again.
     */
    async calculate(query: SalaryQuery, read?: { city: string; periods: Period[] }): Promise<SalaryOutcome> {
      const row = await requireCity(query.city);
      const city = toCity(row);
      const periods = read?.city === city.slug ? read.periods : await periodsOf(city.slug);
      const dated = periods.filter((p) => p.from !== null);
      const today = now();
      let chosen: SalaryOutcome['chosen'] = 'asked';
      let on = query.period ? new Date(`${query.period}-01T00:00:00Z`) : today;
      let period = periodInForceAmong(periods, isoDay(on));
      if (!period && query.period) {
        throw new NotFound('cities.error.noPeriod', { city: city.slug, month: query.period });
      }
      if (!query.period) chosen = period ? 'today' : 'latest';
      if (!period) {
        period = dated[0] ?? null;
        if (!period?.from) throw new NotFound('cities.error.noDatedPeriod', { city: city.slug });
        on = new Date(`${period.from}T00:00:00Z`);
      }
      checkFundRate(period, query);
      // The tax schedule (and whether the bonus may be taxed alone) of the month asked for, else today's.
      const taxDay = query.period ? on : today;
      const tax = await schedule(taxDay);
      const data = cityPeriodData(period, period.rates, row.rent_deduction, taxScheduleOn(tax, taxDay));
      const result = calculateSalary(data, { ...query, housingFundRate: query.housingFundRate ?? 'minimum' });
      const ids = [
        ...period.sources,
        ...tax.bracketSources,
        ...result.specialDeductions.flatMap((d) => d.basis.sources),
      ];
      return {
        city,
        period,
        chosen,
        periods: dated.map(({ key, yearLabel, from, to }) => ({ key, yearLabel, from, to })),
        result,
        sources: await figureSources(ids, tax),
      };
    },

    /**
     * For the jobs board: a salary range as an average monthly take-home range, on the employer's declared base
     * and fund rate (null rate: no fund), with the period in force on `on` (take-home.ts). Null: no data then.
     */
    estimateTakeHome: (input: TakeHomeQuery) =>
      estimateTakeHome({ cityOfRegion: (code) => cityRow({ region: code }), periodOn, schedule }, input),
  };
}

export type CityService = ReturnType<typeof createCityService>;
