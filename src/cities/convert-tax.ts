/**
 * Turns the shared iit.json (../shared/data/cities/, see its SOURCE.md) into our income-tax schedule: the annual
 * and monthly tables, the standard deduction, the special additional deductions with their sources and grades.
 */
import { z } from 'zod';
import type { Confidence, ShippedTaxFile, ShippedTaxSchedule } from './shipped';

const sharedBracket = z.object({
  over: z.number(),
  up_to: z.number().nullable(),
  rate: z.number(),
  quick_deduction: z.number(),
});
const sharedTaxSchema = z.object({
  standard_deduction: z.object({ monthly: z.number() }),
  annual_brackets_cumulative_withholding: z.object({
    brackets: z.array(sharedBracket),
    source_ids: z.array(z.string()),
  }),
  monthly_brackets: z.object({ brackets: z.array(sharedBracket) }),
  special_deductions_monthly: z.array(
    z.object({
      item: z.string(),
      amount: z.number().nullable().optional(),
      amount_by_city_tier: z.record(z.string(), z.string()).optional(),
      unit: z.string(),
      source_ids: z.array(z.string()),
      confidence: z.string().optional(),
    }),
  ),
  sources: z.record(
    z.string(),
    z.object({
      url: z.string().nullable(),
      title: z.string(),
      date: z.string(),
      covers: z.string(),
      read_via: z.string().optional(),
    }),
  ),
});

/** The shared iit.json as our schedule of 2023 onwards (the special deductions were raised from 2023-01-01). */
export function convertTax(shared: unknown, from: string): ShippedTaxFile {
  const t = sharedTaxSchema.parse(shared);
  const brackets = (list: z.infer<typeof sharedBracket>[]) =>
    list.map((b) => ({ over: b.over, upTo: b.up_to, rate: b.rate, quickDeduction: b.quick_deduction }));
  const deduction = (item: string) => t.special_deductions_monthly.find((d) => d.item === item);
  const special: ShippedTaxSchedule['specialDeductions'] = [];
  const add = (
    item: ShippedTaxSchedule['specialDeductions'][number]['item'],
    from: string,
    amount: number | null,
    confidence: Confidence,
  ) => {
    const d = deduction(from);
    if (!d) throw new Error(`iit.json has no ${from}`);
    special.push({ item, amount, unit: d.unit, confidence, sources: d.source_ids });
  };
  add('child_education', 'child_education', deduction('child_education')?.amount ?? null, 'high');
  add('infant_care', 'infant_care_under_3', deduction('infant_care_under_3')?.amount ?? null, 'high');
  add('elderly_support', 'elderly_support', deduction('elderly_support')?.amount ?? null, 'high');
  // "medium for the 1,500 per-sibling cap (not re-read)".
  add('elderly_support_shared', 'elderly_support', 1500, 'medium');
  // The tier amount is per city (ShippedCity.rentDeduction); the schedule keeps the top tier's.
  const rentTiers = Object.keys(deduction('housing_rent')?.amount_by_city_tier ?? {}).map(Number);
  add('housing_rent', 'housing_rent', rentTiers.length ? Math.max(...rentTiers) : null, 'high');
  add('mortgage_interest', 'mortgage_interest', deduction('mortgage_interest')?.amount ?? null, 'high');
  add('continuing_education', 'continuing_education', deduction('continuing_education')?.amount ?? null, 'high');
  const schedule: ShippedTaxSchedule = {
    key: 'cn-wages-2023',
    validFrom: '2023-01-01',
    validTo: null,
    standardDeductionMonthly: t.standard_deduction.monthly,
    annualBrackets: brackets(t.annual_brackets_cumulative_withholding.brackets),
    monthlyBrackets: brackets(t.monthly_brackets.brackets),
    specialDeductions: special,
    // 财政部 税务总局公告2023年第30号 (cited by name in iit.json, text not read).
    separateBonusUntil: '2027-12-31',
    confidence: 'high',
    bracketSources: t.annual_brackets_cumulative_withholding.source_ids,
    sources: Object.entries(t.sources).map(([id, s]) => ({
      id,
      url: s.url,
      title: s.title,
      date: s.date,
      kind: s.read_via ? `read via ${s.read_via}` : 'reference',
      covers: s.covers,
    })),
  };
  return { convertedFrom: from, schedules: [schedule] };
}
