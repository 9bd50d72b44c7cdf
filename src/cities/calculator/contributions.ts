/**
 * Social insurance and housing fund for one month: the chosen base clamped to each insurance's floor and
 * ceiling (Guangzhou and Shenzhen set one per insurance), times each side's rate. A figure the data lacks stays
 * null and is named in `missing`.
 */
import type { Insurance } from '../shipped';
import { applyRate, basisPoints, type Fen, toFen } from './money';
import {
  contributionBasis,
  EMPLOYER_ONLY,
  employerOnlyBasis,
  housingFundBasis,
  mergedMaternityBasis,
  weaker,
} from './rules';
import type { BaseChoice, ContributionLine, Figure, RateRow, SalaryInput } from './types';

export const SOCIAL_INSURANCES = ['pension', 'medical', 'unemployment', 'work_injury', 'maternity'] as const;

/**
 * The base for one insurance. Below the floor it is the floor and above the ceiling the ceiling, so a missing
 * ceiling matters only when the salary is above the floor (and a missing floor only when it is below the ceiling).
 */
export function clampedBase(
  choice: BaseChoice,
  value: Fen,
  floor: Fen | null,
  ceiling: Fen | null,
): { base: Fen | null; clamped: 'floor' | 'ceiling' | null } {
  if (choice === 'minimum') return { base: floor, clamped: floor === null ? null : 'floor' };
  if (floor !== null && value <= floor) return { base: floor, clamped: value < floor ? 'floor' : null };
  if (ceiling !== null && value >= ceiling) return { base: ceiling, clamped: value > ceiling ? 'ceiling' : null };
  if (floor === null || ceiling === null) return { base: null, clamped: null };
  return { base: value, clamped: null };
}

const fenOrNull = (yuan: number | null): Fen | null => (yuan === null ? null : toFen(yuan));

function chosenValue(input: SalaryInput): Fen {
  return toFen(input.base === 'amount' ? (input.baseAmount ?? input.gross) : input.gross);
}

interface Lines {
  lines: ContributionLine[];
  missing: string[];
}

function times(base: Fen | null, rate: number | null, row: RateRow, fixed: Fen | null = 0): Fen | null {
  if (base === null || rate === null || fixed === null) return null;
  return applyRate(base, basisPoints(rate), row.rounding) + fixed;
}

/** The five insurances, in the order people list them (养老、医疗、失业、工伤、生育). */
export function socialInsurance(
  rates: Partial<Record<Insurance, RateRow>>,
  input: SalaryInput,
  sources: string[],
): Lines {
  const missing: string[] = [];
  const lines: ContributionLine[] = [];
  for (const insurance of SOCIAL_INSURANCES) {
    const row = rates[insurance];
    if (!row) {
      missing.push(`${insurance}.employee`, `${insurance}.employer`);
      continue;
    }
    const floor = fenOrNull(row.baseFloor);
    const ceiling = fenOrNull(row.baseCeiling);
    const { base, clamped } = clampedBase(input.base, chosenValue(input), floor, ceiling);
    const confidence = weaker(row.baseConfidence, row.rateConfidence);
    const basis = contributionBasis(insurance, sources, confidence);
    let employee: Figure;
    let employer: Figure;
    let employerRate = row.employerRate;
    let range: ContributionLine['employerRateRange'] = null;
    const fixed = fenOrNull(row.employeeFixed);
    if (EMPLOYER_ONLY.has(insurance)) {
      employee = { amount: 0, basis: employerOnlyBasis(insurance) };
      if (insurance === 'work_injury') {
        // The rate depends on the employer's industry class; the lowest class is shown, the range beside it.
        employerRate = row.rateMin;
        range = { min: row.rateMin, max: row.rateMax };
        employer = { amount: times(base, employerRate, row), basis };
      } else if (row.mergedIntoMedical === true) {
        employer = { amount: 0, basis: mergedMaternityBasis(sources, confidence) };
      } else {
        employer = { amount: times(base, employerRate, row), basis };
      }
    } else {
      employee = { amount: times(base, row.employeeRate, row, fixed), basis };
      employer = { amount: times(base, employerRate, row), basis };
    }
    if (employee.amount === null) missing.push(`${insurance}.employee`);
    if (employer.amount === null) missing.push(`${insurance}.employer`);
    lines.push({
      insurance,
      base,
      baseFloor: floor,
      baseCeiling: ceiling,
      clamped,
      employeeRate: EMPLOYER_ONLY.has(insurance) ? 0 : row.employeeRate,
      employerRate: insurance === 'maternity' && row.mergedIntoMedical === true ? null : employerRate,
      employerRateRange: range,
      employeeFixed: EMPLOYER_ONLY.has(insurance) ? 0 : fixed,
      employee,
      employer,
      rounding: row.rounding,
    });
  }
  return { lines, missing };
}

/**
 * The housing fund (or Shanghai's supplementary fund): the same rate on each side. 'none' is the employer's own
 * declaration that it pays none (the job board's `housing_fund_rate` null), not a guess; 'minimum' is the city's
 * lowest rate, unknown when the data has none.
 */
export function housingFund(
  insurance: 'housing_fund' | 'housing_fund_supplementary',
  row: RateRow | undefined,
  rate: number | 'none' | 'minimum',
  input: SalaryInput,
  sources: string[],
): { line: ContributionLine; missing: string[] } {
  const floor = fenOrNull(row?.baseFloor ?? null);
  const ceiling = fenOrNull(row?.baseCeiling ?? null);
  const confidence = row ? weaker(row.baseConfidence, row.rateConfidence) : null;
  if (rate === 'none') {
    const basis = housingFundBasis(insurance, true, [], null);
    return {
      line: {
        insurance,
        base: null,
        baseFloor: floor,
        baseCeiling: ceiling,
        clamped: null,
        employeeRate: 0,
        employerRate: 0,
        employerRateRange: null,
        employeeFixed: 0,
        employee: { amount: 0, basis },
        employer: { amount: 0, basis },
        rounding: row?.rounding ?? 'fen',
      },
      missing: [],
    };
  }
  const { base, clamped } = clampedBase(input.base, chosenValue(input), floor, ceiling);
  const percent = rate === 'minimum' ? (row?.rateMin ?? null) : rate;
  const amount =
    base === null || percent === null ? null : applyRate(base, basisPoints(percent), row?.rounding ?? 'fen');
  const basis = housingFundBasis(insurance, false, sources, confidence);
  const missing = [];
  if (base === null) missing.push(`${insurance}.base`);
  if (percent === null) missing.push(`${insurance}.rate`);
  return {
    line: {
      insurance,
      base,
      baseFloor: floor,
      baseCeiling: ceiling,
      clamped,
      employeeRate: percent,
      employerRate: percent,
      employerRateRange: row ? { min: row.rateMin, max: row.rateMax } : null,
      employeeFixed: 0,
      employee: { amount, basis },
      employer: { amount, basis },
      rounding: row?.rounding ?? 'fen',
    },
    missing,
  };
}
