/**
 * The calculator's query, for the API and the page (a GET form): every field a string in the URL. Messages are
 * catalogue keys, written in the reader's language by the error handler or the form.
 */
import { z } from 'zod';
import { BASE_CHOICES } from '../calculator/types';

/** An empty field is no field (a GET form sends every input, filled in or not). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

const yuan = (key: 'cities.error.gross' | 'cities.error.baseAmount' | 'cities.error.bonus') =>
  z.coerce
    .number({ error: key })
    .min(0, key)
    .max(10_000_000, key)
    // Whole fen: the calculator works in fen.
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, key);

const count = z.coerce
  .number({ error: 'cities.error.count' })
  .int('cities.error.count')
  .min(0, 'cities.error.count')
  .max(10, 'cities.error.count');

const flag = z
  .enum(['true', 'false', 'on', '1', '0'], { error: 'cities.error.flag' })
  .transform((v) => v === 'true' || v === 'on' || v === '1');

export const salaryFields = {
  city: z.string().regex(/^[a-z]{2,30}$/, 'cities.error.chooseCity'),
  period: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'cities.error.period')),
  gross: yuan('cities.error.gross').refine((n) => n > 0, 'cities.error.gross'),
  base: optional(z.enum(BASE_CHOICES, { error: 'cities.error.base' })).transform((v) => v ?? 'gross'),
  baseAmount: optional(yuan('cities.error.baseAmount')),
  housingFundRate: optional(
    z.union(
      [
        z.literal('none'),
        z.coerce
          .number({ error: 'cities.error.fundRateNumber' })
          .min(0, 'cities.error.fundRateNumber')
          .max(12, 'cities.error.fundRateNumber'),
      ],
      {
        error: 'cities.error.fundRateNumber',
      },
    ),
  ),
  supplementaryFundRate: optional(
    z.coerce
      .number({ error: 'cities.error.fundRateNumber' })
      .min(0, 'cities.error.fundRateNumber')
      .max(12, 'cities.error.fundRateNumber'),
  ),
  startMonth: optional(
    z.coerce
      .number({ error: 'cities.error.startMonth' })
      .int('cities.error.startMonth')
      .min(1, 'cities.error.startMonth')
      .max(12, 'cities.error.startMonth'),
  ).transform((v) => v ?? 1),
  bonus: optional(yuan('cities.error.bonus')).transform((v) => v ?? 0),
  children: optional(count).transform((v) => v ?? 0),
  infants: optional(count).transform((v) => v ?? 0),
  childShare: optional(z.enum(['50', '100'], { error: 'cities.error.childShare' })).transform(
    (v) => (v === '50' ? 50 : 100) as 50 | 100,
  ),
  elderly: optional(z.enum(['none', 'only-child', 'shared'], { error: 'cities.error.elderly' })).transform(
    (v) => v ?? 'none',
  ),
  housing: optional(z.enum(['none', 'rent', 'mortgage'], { error: 'cities.error.housing' })).transform(
    (v) => v ?? 'none',
  ),
  continuingEducation: optional(flag).transform((v) => v ?? false),
};

const needsAmount = (q: { base: string; baseAmount?: number }) => q.base !== 'amount' || q.baseAmount !== undefined;

export const salaryQuerySchema = z
  .object({
    ...salaryFields,
    lang: z.enum(['en', 'zh'], { error: 'cities.error.lang' }).optional().describe('The language of messages'),
  })
  .refine(needsAmount, { message: 'cities.error.baseAmountNeeded', path: ['baseAmount'] });

/** The page reads the same fields, all optional until the form is sent (no gross: the empty form). */
export const salaryFormSchema = z.object(salaryFields).refine(needsAmount, {
  message: 'cities.error.baseAmountNeeded',
  path: ['baseAmount'],
});

export type SalaryQueryInput = z.output<typeof salaryFormSchema>;

/** The service's query from the validated fields. */
export function toSalaryQuery(q: SalaryQueryInput) {
  return {
    city: q.city,
    period: q.period,
    gross: q.gross,
    base: q.base,
    baseAmount: q.baseAmount,
    housingFundRate: q.housingFundRate,
    supplementaryFundRate: q.supplementaryFundRate,
    startMonth: q.startMonth,
    bonus: q.bonus,
    deductions: {
      children: q.children,
      infants: q.infants,
      childShare: q.childShare,
      elderly: q.elderly,
      housing: q.housing,
      continuingEducation: q.continuingEducation,
    },
  };
}
