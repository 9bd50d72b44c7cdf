/** The calculator's JSON answer, as documented in /api/openapi.json (yuan; null is "not in the data"). */
import { z } from 'zod';
import { CITED_LAWS, RULE_IDS } from '../calculator/types';
import { CONFIDENCES, INSURANCES } from '../shipped';

const amount = z.number().nullable().describe('Yuan; null when the data lacks a figure it needs (never read as 0)');
const basis = z.object({
  rule: z.enum(RULE_IDS),
  citations: z.array(
    z.object({
      law: z.enum(CITED_LAWS),
      article: z.number().int().nullable(),
      href: z.string().nullable().describe('Our statute library’s article page, or the official address'),
    }),
  ),
  sources: z.array(z.string()).describe('Ids of `sources`'),
  confidence: z.enum(CONFIDENCES).nullable(),
});
const figure = z.object({ amount, basis });
const line = z.object({
  insurance: z.enum(INSURANCES),
  base: amount.describe('The chosen base clamped to this insurance’s floor and ceiling'),
  baseFloor: amount,
  baseCeiling: amount,
  clamped: z.enum(['floor', 'ceiling']).nullable(),
  rate: z.object({
    employee: z.number().nullable().describe('Percent'),
    employer: z.number().nullable().describe('Percent (work injury: the lowest industry class)'),
    employerRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }).nullable(),
  }),
  employeeFixed: amount,
  rounding: z.enum(['fen', 'yuan']),
  employee: figure,
  employer: figure,
});
const fundRange = z.object({ min: z.number(), max: z.number() }).nullable();
const bonusMethod = z.object({ tax: amount, net: amount, basis });

export const salaryResponse = z.object({
  city: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string(), regionCode: z.string() }),
  period: z.object({
    key: z.string(),
    yearLabel: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    chosen: z.enum(['asked', 'today', 'latest']).describe('`latest`: no period is in force today; the latest we have'),
    confidence: z.enum(CONFIDENCES),
  }),
  contributions: z.array(line),
  housingFund: line.nullable(),
  supplementaryFund: line.nullable(),
  specialDeductions: z.array(z.object({ item: z.string(), amount: z.number() })),
  specialDeductionsTotal: amount,
  tax: basis,
  months: z.array(
    z.object({
      month: z.number().int(),
      gross: z.number(),
      employeeContributions: amount,
      cumulativeTaxable: amount,
      tax: amount,
      takeHome: amount,
    }),
  ),
  annual: z.object({
    months: z.number().int(),
    gross: z.number(),
    employeeContributions: amount,
    tax: amount,
    takeHome: amount,
    takeHomeAtMost: amount.describe('When takeHome is unknown: an upper bound (missing figures can only lower it)'),
    takeHomeWithBonus: amount,
  }),
  bonus: z
    .object({
      gross: amount,
      separate: bonusMethod.nullable(),
      combined: bonusMethod,
      better: z.enum(['separate', 'combined']).nullable(),
    })
    .nullable(),
  employerCost: z.object({ monthly: amount, annual: amount, monthlyAtLeast: amount }),
  missing: z.array(z.string()).describe('Figures the data lacks, as insurance.side'),
  choices: z
    .object({ housingFund: fundRange, supplementaryFund: fundRange })
    .describe('The fund rates the period allows, percent (null: none in the data), for a form to offer'),
  sources: z.array(
    z.object({
      id: z.string(),
      url: z.string().nullable(),
      title: z.string(),
      date: z.string().nullable(),
      kind: z.string(),
    }),
  ),
  periods: z.array(
    z.object({ key: z.string(), yearLabel: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  ),
});
