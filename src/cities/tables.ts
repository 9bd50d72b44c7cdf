import type { Generated, Selectable } from 'kysely';
import type { Confidence, Insurance, Rounding } from './shipped';

/** A city we hold contribution data for, and the region it is. */
export interface CityTable {
  slug: string;
  region_code: string;
  name_en: string;
  name_zh: string;
  /** 住房租金 deduction of the city's tier, yuan a month. */
  rent_deduction: number | null;
}

/** A document figures come from (a notice, a reprint, a public file), by the shared data's id. */
export interface CitySourceTable {
  id: string;
  url: string | null;
  title: string;
  date: string | null;
  kind: string;
  covers: string | null;
}

/** One city's contribution year (2025年度), in force from one date to another when the source dates it. */
export interface CityPeriodTable {
  id: Generated<number>;
  key: string;
  city_slug: string;
  year_label: string;
  effective_from: string | null;
  effective_to: string | null;
  confidence: Confidence;
  confidence_note: Generated<string>;
  notes: Generated<string>;
  /** JSON array of city_sources ids. */
  source_ids: Generated<string>;
  origin: 'shipped' | 'editor';
  /** Of the shipped row, so loading the same file again writes nothing. */
  fingerprint: Generated<string>;
  created_at: string;
  /** The editor who added it (origin `editor`); null for shipped periods. */
  created_by: number | null;
}

/** One insurance (or the housing fund) in one period: bases, rates, rounding and how sure the data is. */
export interface CityRateTable {
  id: Generated<number>;
  period_id: number;
  insurance: Insurance;
  base_floor: number | null;
  base_ceiling: number | null;
  employee_rate: number | null;
  employer_rate: number | null;
  rate_min: number | null;
  rate_max: number | null;
  employee_fixed: number | null;
  merged_into_medical: number | null;
  rounding: Rounding;
  base_confidence: Confidence;
  rate_confidence: Confidence;
  note: string | null;
}

/** The national income-tax schedule for wages, kept whole as shipped (data/cities/iit.json). */
export interface IncomeTaxScheduleTable {
  key: string;
  valid_from: string;
  valid_to: string | null;
  data_json: string;
}

/** A social security service outlet (社保经办服务网点) of a city, as a public page lists it. */
export interface CityOutletTable {
  id: Generated<number>;
  city_slug: string;
  name: string;
  address: string;
  district: string | null;
  phone: string | null;
  hours: string | null;
  /** JSON array of OUTLET_SERVICES. */
  services: Generated<string>;
  /** The public page the outlet was taken from: required, none is invented. */
  source_url: string;
  /** ISO date it was last checked against that page. */
  verified_on: string;
  updated_by: number | null;
  updated_at: string;
}

export interface CityTables {
  cities: CityTable;
  city_sources: CitySourceTable;
  city_periods: CityPeriodTable;
  city_rates: CityRateTable;
  income_tax_schedules: IncomeTaxScheduleTable;
  city_outlets: CityOutletTable;
}

export const CITY_TABLES = [
  'cities',
  'city_sources',
  'city_periods',
  'city_rates',
  'income_tax_schedules',
  'city_outlets',
] as const satisfies readonly (keyof CityTables)[];

export type CityRow = Selectable<CityTable>;
export type CityPeriodRow = Selectable<CityPeriodTable>;
export type CityRateRow = Selectable<CityRateTable>;
export type CitySourceRow = Selectable<CitySourceTable>;
export type CityOutletRow = Selectable<CityOutletTable>;
