/**
 * The form an editor fills in to add a city's contribution period (a new notice): its dates, its source, and per
 * insurance the base's floor and ceiling and each side's rate. An empty figure is unknown (null), never 0: the
 * calculator then says "unknown" for it, as for the shipped data's gaps. Fields are flat (`pension_floor`), so a
 * refusal is shown beside the field it names. Messages are catalogue keys.
 */
import { z } from 'zod';
import { type FormBody, field } from '../../platform/web/forms';
import { validInput } from '../../platform/web/validation';
import { CONFIDENCES, type Confidence, INSURANCES, type Insurance, ROUNDINGS, type Rounding } from '../shipped';

export type RateField = 'floor' | 'ceiling' | 'employee' | 'employer' | 'min' | 'max' | 'fixed';

/** Which figures each insurance takes (the others are not asked). */
export const RATE_FIELDS: Record<Insurance, readonly RateField[]> = {
  pension: ['floor', 'ceiling', 'employee', 'employer'],
  // `fixed`: a fixed amount the employee pays on top a month (Beijing's 大额医疗互助, 3 yuan).
  medical: ['floor', 'ceiling', 'employee', 'employer', 'fixed'],
  unemployment: ['floor', 'ceiling', 'employee', 'employer'],
  // The employer's rate by industry class: a range.
  work_injury: ['floor', 'ceiling', 'min', 'max'],
  maternity: ['floor', 'ceiling', 'employer'],
  // The same rate each side, within the city's range.
  housing_fund: ['floor', 'ceiling', 'min', 'max'],
  housing_fund_supplementary: ['floor', 'ceiling', 'min', 'max'],
};

/** The form's name of one figure: `pension_floor`. */
export const fieldName = (insurance: Insurance, figure: RateField | 'rounding' | 'merged') => `${insurance}_${figure}`;

const MONEY_FIELDS = new Set<RateField>(['floor', 'ceiling', 'fixed']);
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'cities.admin.error.date');
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const money = z.coerce
  .number({ error: 'cities.admin.error.money' })
  .min(0, 'cities.admin.error.money')
  .max(1_000_000, 'cities.admin.error.money');
const percent = z.coerce
  .number({ error: 'cities.admin.error.percent' })
  .min(0, 'cities.admin.error.percent')
  .max(100, 'cities.admin.error.percent');

const figureFields = Object.fromEntries(
  INSURANCES.flatMap((insurance) => [
    ...RATE_FIELDS[insurance].map((f) => [
      fieldName(insurance, f),
      blankIsAbsent(MONEY_FIELDS.has(f) ? money : percent),
    ]),
    [fieldName(insurance, 'rounding'), z.enum(ROUNDINGS, { error: 'cities.admin.error.rounding' })],
  ]),
) as Record<string, z.ZodType<number | undefined>>;

const flatSchema = z
  .object({
    yearLabel: z.string().trim().min(1, 'cities.admin.error.yearLabel').max(40, 'cities.admin.error.yearLabel'),
    effectiveFrom: isoDate,
    effectiveTo: blankIsAbsent(isoDate),
    sourceUrl: z
      .string()
      .trim()
      .max(500, 'cities.admin.error.sourceUrl')
      .regex(/^https?:\/\/[^\s/]+\.[^\s]+$/, 'cities.admin.error.sourceUrl'),
    sourceTitle: z.string().trim().max(200, 'cities.admin.error.sourceTitle'),
    confidence: z.enum(CONFIDENCES, { error: 'cities.admin.error.confidence' }),
    notes: z.string().trim().max(2000, 'cities.admin.error.notes'),
    ...figureFields,
  })
  .superRefine((p, ctx) => {
    const figures = p as unknown as Record<string, number | undefined>;
    if (p.effectiveTo !== undefined && p.effectiveTo < p.effectiveFrom)
      ctx.addIssue({ code: 'custom', message: 'cities.admin.error.toBeforeFrom', path: ['effectiveTo'] });
    for (const insurance of INSURANCES) {
      const [floor, ceiling] = [figures[fieldName(insurance, 'floor')], figures[fieldName(insurance, 'ceiling')]];
      if (floor !== undefined && ceiling !== undefined && floor > ceiling)
        ctx.addIssue({
          code: 'custom',
          message: 'cities.admin.error.floorAboveCeiling',
          path: [fieldName(insurance, 'floor')],
        });
      const [min, max] = [figures[fieldName(insurance, 'min')], figures[fieldName(insurance, 'max')]];
      if (min !== undefined && max !== undefined && min > max)
        ctx.addIssue({
          code: 'custom',
          message: 'cities.admin.error.minAboveMax',
          path: [fieldName(insurance, 'min')],
        });
    }
  });

export interface PeriodRateInput {
  insurance: Insurance;
  floor: number | null;
  ceiling: number | null;
  employee: number | null;
  employer: number | null;
  min: number | null;
  max: number | null;
  fixed: number | null;
  rounding: Rounding;
  /** Maternity only: its rate is inside the medical rate. */
  merged: boolean;
}

export interface PeriodInput {
  yearLabel: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceUrl: string;
  sourceTitle: string;
  confidence: Confidence;
  notes: string;
  rates: PeriodRateInput[];
}

/** The form's fields as posted (strings), for showing the form again. */
export type PeriodFormValues = Record<string, string>;

export function periodFormValues(body: FormBody): PeriodFormValues {
  const names = ['yearLabel', 'effectiveFrom', 'effectiveTo', 'sourceUrl', 'sourceTitle', 'confidence', 'notes'];
  for (const insurance of INSURANCES) {
    names.push(...RATE_FIELDS[insurance].map((f) => fieldName(insurance, f)), fieldName(insurance, 'rounding'));
  }
  names.push(fieldName('maternity', 'merged'));
  return Object.fromEntries(names.map((n) => [n, field(body, n)]));
}

/**
 * The period as the service takes it, or an Invalid error naming each field's problem. Every insurance but the
 * supplementary fund is kept (its empty figures unknown); the supplementary fund only where a figure is given
 * (most cities have none).
 */
export function parsePeriodForm(values: PeriodFormValues): PeriodInput {
  // Rounding is to the fen unless the form says otherwise.
  const roundings = INSURANCES.map((i) => [fieldName(i, 'rounding'), values[fieldName(i, 'rounding')] || 'fen']);
  const parsed = validInput(flatSchema, { ...values, ...Object.fromEntries(roundings) });
  const figures = parsed as unknown as Record<string, number | undefined>;
  const figure = (insurance: Insurance, f: RateField) =>
    RATE_FIELDS[insurance].includes(f) ? (figures[fieldName(insurance, f)] ?? null) : null;
  const rates = INSURANCES.map((insurance) => ({
    insurance,
    floor: figure(insurance, 'floor'),
    ceiling: figure(insurance, 'ceiling'),
    employee: figure(insurance, 'employee'),
    employer: figure(insurance, 'employer'),
    min: figure(insurance, 'min'),
    max: figure(insurance, 'max'),
    fixed: figure(insurance, 'fixed'),
    rounding: (parsed as unknown as Record<string, Rounding>)[fieldName(insurance, 'rounding')] ?? 'fen',
    merged: insurance === 'maternity' && values[fieldName('maternity', 'merged')] === 'true',
  })).filter(
    (r) =>
      r.insurance !== 'housing_fund_supplementary' ||
      RATE_FIELDS[r.insurance].some((f) => figure(r.insurance, f) !== null),
  );
  return {
    yearLabel: parsed.yearLabel,
    effectiveFrom: parsed.effectiveFrom,
    effectiveTo: parsed.effectiveTo ?? null,
    sourceUrl: parsed.sourceUrl,
    sourceTitle: parsed.sourceTitle,
    confidence: parsed.confidence,
    notes: parsed.notes,
    rates,
  };
}
