/**
 * For the jobs board: a salary range as an average monthly take-home range in the job's city, on the employer's
 * declared base and fund rate (null rate: no fund), with the period in force on `on`; and, with a base at the city
 * minimum, what the worker's own accounts get less (calculator/minimum-base.ts). Null when the city has no data.
 */
import { calculateSalary } from './calculator/calculate';
import { minimumBaseLoss } from './calculator/minimum-base';
import { NO_DEDUCTIONS, type RateRow } from './calculator/types';
import { cityPeriodData, taxScheduleOn } from './period-data';
import type { ShippedTaxSchedule } from './shipped';
import type { CityRow } from './tables';

/** What a base at the city minimum costs the worker a month, against the real salary (yuan; null: unknown). */
export interface MinimumBaseLossRange {
  pensionAccount: { min: number | null; max: number | null };
  housingFund: { min: number | null; max: number | null };
  total: { min: number | null; max: number | null };
}

export interface TakeHomeEstimate {
  /** Average monthly take-home over a year from January, yuan. */
  min: number;
  max: number;
  /** False when a figure was missing: then min and max are upper bounds (what is missing can only lower them). */
  exact: boolean;
  missing: string[];
  periodKey: string;
  citySlug: string;
  /** When the declared base is the city minimum: what the worker's own accounts get less a month. */
  minimumBaseLoss: MinimumBaseLossRange | null;
}

export interface TakeHomeQuery {
  regionCode: string;
  grossMin: number;
  grossMax: number;
  base: 'actual' | 'minimum' | 'fixed';
  baseAmount?: number | null;
  housingFundRate: number | null;
  on: Date;
}

interface TakeHomeDeps {
  cityOfRegion(code: string): Promise<CityRow | undefined>;
  periodOn(citySlug: string, on: Date): Promise<{ key: string; sources: string[]; rates: RateRow[] } | null>;
  schedule(on: Date): Promise<ShippedTaxSchedule>;
}

export async function estimateTakeHome(deps: TakeHomeDeps, input: TakeHomeQuery): Promise<TakeHomeEstimate | null> {
  const { periodOn, schedule } = deps;
  const row = await deps.cityOfRegion(input.regionCode);
  if (!row) return null;
  const period = await periodOn(row.slug, input.on);
  if (!period) return null;
  const tax = taxScheduleOn(await schedule(input.on), input.on);
  const data = cityPeriodData(period, period.rates, row.rent_deduction, tax);
  const base = input.base === 'actual' ? 'gross' : input.base === 'minimum' ? 'minimum' : 'amount';
  const monthly = (gross: number) => {
    const r = calculateSalary(data, {
      gross,
      base,
      baseAmount: input.baseAmount ?? undefined,
      housingFundRate: input.housingFundRate ?? 'none',
      deductions: NO_DEDUCTIONS,
      startMonth: 1,
      bonus: 0,
    });
    const year = r.annual.takeHome ?? r.annual.takeHomeAtMost;
    return { amount: year === null ? null : Math.round(year / 12) / 100, missing: r.missing };
  };
  const low = monthly(input.grossMin);
  const high = monthly(input.grossMax);
  if (low.amount === null || high.amount === null) return null;
  const missing = [...new Set([...low.missing, ...high.missing])];
  let loss: MinimumBaseLossRange | null = null;
  if (input.base === 'minimum') {
    const fund = input.housingFundRate ?? 'none';
    const [a, b] = [minimumBaseLoss(data, input.grossMin, fund), minimumBaseLoss(data, input.grossMax, fund)];
    const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
    const range = (key: keyof typeof a) => ({ min: yuan(a[key]), max: yuan(b[key]) });
    loss = {
      pensionAccount: range('pensionAccount'),
      housingFund: range('housingFund'),
      total: range('total'),
    };
  }
  return {
    minimumBaseLoss: loss,
    min: low.amount,
    max: high.amount,
    exact: missing.length === 0,
    missing,
    periodKey: period.key,
    citySlug: row.slug,
  };
}
