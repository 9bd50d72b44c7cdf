/**
 * What a contribution base at the city minimum costs the worker each month, against contributions on the real
 * salary: the money that would have gone to accounts in the worker's own name and does not. Two of them:
 * - the basic pension's personal account (个人账户), fed by the employee's part alone (社会保险法 Art. 12: the
 *   employer's part goes to the pooled fund, 统筹基金, not to the worker);
 * - the housing fund, both sides (住房公积金管理条例 Art. 19: the employer's part is the worker's too).
 * Worked by the calculator twice, on the real salary and on the minimum, with the same fund rate; the difference is
 * never negative (a salary at or below the floor loses nothing). Null where the data lacks a figure either way.
 */
import { calculateSalary } from './calculate';
import type { Fen } from './money';
import { type CityPeriodData, type ContributionLine, NO_DEDUCTIONS } from './types';

export interface MinimumBaseLoss {
  /** The pension personal account, fen a month. */
  pensionAccount: Fen | null;
  /** The housing fund, both sides, fen a month (0 when the employer declares none). */
  housingFund: Fen | null;
  /** Both, fen a month; null when either is unknown. */
  total: Fen | null;
}

const difference = (real: Fen | null, minimum: Fen | null): Fen | null =>
  real === null || minimum === null ? null : Math.max(0, real - minimum);

const bothSides = (line: ContributionLine | null): Fen | null =>
  line === null
    ? 0
    : line.employee.amount === null || line.employer.amount === null
      ? null
      : line.employee.amount + line.employer.amount;

/** `gross` in yuan; `housingFundRate` in percent, or 'none' when the employer declares no fund. */
export function minimumBaseLoss(
  data: CityPeriodData,
  gross: number,
  housingFundRate: number | 'none',
): MinimumBaseLoss {
  const work = (base: 'gross' | 'minimum') =>
    calculateSalary(data, { gross, base, housingFundRate, deductions: NO_DEDUCTIONS, startMonth: 12, bonus: 0 });
  const real = work('gross');
  const minimum = work('minimum');
  const pension = (r: typeof real) => r.contributions.find((l) => l.insurance === 'pension')?.employee.amount ?? null;
  // The fixed monthly amounts (Beijing's 3 yuan) are the same either way and cancel out.
  const pensionAccount = difference(pension(real), pension(minimum));
  const housingFund = difference(bothSides(real.housingFund), bothSides(minimum.housingFund));
  const total = pensionAccount === null || housingFund === null ? null : pensionAccount + housingFund;
  return { pensionAccount, housingFund, total };
}
