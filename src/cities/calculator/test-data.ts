/** The shipped data as calculator input, for the calculator's tests (read from data/cities/, as seeded). */
import { readFileSync } from 'node:fs';
import { cityPeriodData, taxScheduleOn } from '../period-data';
import { shippedRatesFileSchema, shippedTaxFileSchema } from '../shipped';
import type { CityPeriodData, SalaryInput } from './types';
import { NO_DEDUCTIONS } from './types';

const rates = shippedRatesFileSchema.parse(JSON.parse(readFileSync('data/cities/rates.json', 'utf8')));
const tax = shippedTaxFileSchema.parse(JSON.parse(readFileSync('data/cities/iit.json', 'utf8')));

/** One shipped period (`beijing-2024`) as the calculator sees it, the tax schedule as on `on`. */
export function shippedPeriod(key: string, on = new Date('2026-12-07')): CityPeriodData {
  const period = rates.periods.find((p) => p.key === key);
  if (!period) throw new Error(`no shipped period ${key}`);
  const city = rates.cities.find((c) => c.slug === period.city);
  return cityPeriodData(period, period.rates, city?.rentDeduction ?? null, taxScheduleOn(tax.schedules[0]!, on));
}

export const shippedPeriodKeys = (): string[] => rates.periods.map((p) => p.key);

export function salary(overrides: Partial<SalaryInput>): SalaryInput {
  return {
    gross: 10_000,
    base: 'gross',
    housingFundRate: 'minimum',
    deductions: NO_DEDUCTIONS,
    startMonth: 1,
    bonus: 0,
    ...overrides,
  };
}
