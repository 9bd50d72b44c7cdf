/**
 * The shape of the shipped city data (data/cities/rates.json and iit.json, written by src/cli/convert-cities.ts
 * from ../shared/data/cities/). Money is CNY a month, rates are percent (16 means 16 %). `null` is always
 * "not found in any source we read", never zero: the calculator says "unknown" for it.
 */
import { z } from 'zod';

export const INSURANCES = [
  'pension',
  'medical',
  'unemployment',
  'work_injury',
  'maternity',
  'housing_fund',
  'housing_fund_supplementary',
] as const;
export type Insurance = (typeof INSURANCES)[number];

/** How sure the data is of a figure, from the shared data's own grading (SOURCE.md), weakest last. */
export const CONFIDENCES = ['high', 'medium-high', 'medium', 'low-medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Rounding of a contribution: to the fen unless the city's notice says otherwise (Shanghai's fund: whole yuan). */
export const ROUNDINGS = ['fen', 'yuan'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

const money = z.number().nonnegative().nullable();
const percent = z.number().min(0).max(100).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const shippedSourceSchema = z.object({
  id: z.string().regex(/^[A-Z0-9_]+$/),
  /** A web address, or `github-index-id:NNN` for a public file whose repository could not be named. */
  url: z.string().nullable(),
  title: z.string(),
  date: z.string().nullable(),
  kind: z.string(),
  covers: z.string().nullable(),
});
export type ShippedSource = z.infer<typeof shippedSourceSchema>;

/** One insurance (or the housing fund) in one city and period. */
export const shippedRateSchema = z.object({
  insurance: z.enum(INSURANCES),
  baseFloor: money,
  baseCeiling: money,
  /** Pension, medical, unemployment, maternity: each side's rate. */
  employeeRate: percent,
  employerRate: percent,
  /** Work injury (the employer's rate by industry class) and the housing fund (each side's rate): a range. */
  rateMin: percent,
  rateMax: percent,
  /** A fixed amount the employee pays on top each month (Beijing's 大额医疗互助, 3 yuan); 0 when there is none. */
  employeeFixed: money,
  /** Maternity folded into medical (the medical rate includes it); null when the data does not say. */
  mergedIntoMedical: z.boolean().nullable(),
  rounding: z.enum(ROUNDINGS),
  baseConfidence: z.enum(CONFIDENCES),
  rateConfidence: z.enum(CONFIDENCES),
  note: z.string().nullable(),
});
export type ShippedRate = z.infer<typeof shippedRateSchema>;

export const shippedPeriodSchema = z.object({
  key: z.string().regex(/^[a-z]+-\d{4}$/),
  city: z.string(),
  yearLabel: z.string(),
  /** Null when the source states no dates: such a period is never "in force" on a date. */
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  confidence: z.enum(CONFIDENCES),
  /** The shared data's own words on its confidence, kept as written. */
  confidenceNote: z.string(),
  notes: z.string(),
  sources: z.array(z.string()),
  rates: z.array(shippedRateSchema),
});
export type ShippedPeriod = z.infer<typeof shippedPeriodSchema>;

export const shippedCitySchema = z.object({
  slug: z.string().regex(/^[a-z]+$/),
  region: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  /** 住房租金 deduction for the city's tier (iit.json: all ten cities are in the 1,500 tier). */
  rentDeduction: z.number().nullable(),
});
export type ShippedCity = z.infer<typeof shippedCitySchema>;

export const shippedRatesFileSchema = z.object({
  convertedFrom: z.string(),
  cities: z.array(shippedCitySchema),
  sources: z.array(shippedSourceSchema),
  periods: z.array(shippedPeriodSchema),
});
export type ShippedRatesFile = z.infer<typeof shippedRatesFileSchema>;

const bracketSchema = z.object({
  over: z.number(),
  upTo: z.number().nullable(),
  rate: z.number(),
  quickDeduction: z.number(),
});
export type TaxBracket = z.infer<typeof bracketSchema>;

export const SPECIAL_DEDUCTIONS = [
  'child_education',
  'infant_care',
  'elderly_support',
  'elderly_support_shared',
  'housing_rent',
  'mortgage_interest',
  'continuing_education',
] as const;
export type SpecialDeduction = (typeof SPECIAL_DEDUCTIONS)[number];

/** The national income-tax schedule for wages (居民个人工资薪金, cumulative withholding). */
export const shippedTaxScheduleSchema = z.object({
  key: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  standardDeductionMonthly: z.number(),
  annualBrackets: z.array(bracketSchema).min(1),
  monthlyBrackets: z.array(bracketSchema).min(1),
  /** Monthly amounts; null when no source gives one (the calculator then refuses that deduction). */
  specialDeductions: z.array(
    z.object({
      item: z.enum(SPECIAL_DEDUCTIONS),
      amount: z.number().nullable(),
      unit: z.string(),
      confidence: z.enum(CONFIDENCES),
      sources: z.array(z.string()),
    }),
  ),
  /** 全年一次性奖金单独计税 is allowed for bonuses paid until this day. */
  separateBonusUntil: isoDate.nullable(),
  confidence: z.enum(CONFIDENCES),
  bracketSources: z.array(z.string()),
  sources: z.array(shippedSourceSchema),
});
export type ShippedTaxSchedule = z.infer<typeof shippedTaxScheduleSchema>;

export const shippedTaxFileSchema = z.object({
  convertedFrom: z.string(),
  schedules: z.array(shippedTaxScheduleSchema),
});
export type ShippedTaxFile = z.infer<typeof shippedTaxFileSchema>;
