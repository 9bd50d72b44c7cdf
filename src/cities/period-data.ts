/** The calculator's view of one city's period, from shipped or stored rows (the same shape either way). */
import type { CityPeriodData, RateRow, TaxSchedule } from './calculator/types';
import type { ShippedTaxSchedule } from './shipped';

export function taxScheduleOn(schedule: ShippedTaxSchedule, on: Date): TaxSchedule {
  const day = on.toISOString().slice(0, 10);
  return {
    key: schedule.key,
    standardDeductionMonthly: schedule.standardDeductionMonthly,
    annualBrackets: schedule.annualBrackets,
    monthlyBrackets: schedule.monthlyBrackets,
    specialDeductions: schedule.specialDeductions,
    separateBonusAllowed: schedule.separateBonusUntil === null || day <= schedule.separateBonusUntil,
    confidence: schedule.confidence,
    bracketSources: schedule.bracketSources,
  };
}

export function cityPeriodData(
  period: { key: string; sources: string[] },
  rates: RateRow[],
  rentDeduction: number | null,
  tax: TaxSchedule,
): CityPeriodData {
  return {
    periodKey: period.key,
    sources: period.sources,
    rates: Object.fromEntries(rates.map((r) => [r.insurance, r])),
    rentDeduction,
    tax,
  };
}
