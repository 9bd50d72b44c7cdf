/**
 * The rules figures follow and the articles behind them. Who pays what is the Social Insurance Law's: pension
 * (Articles 10, 12), medical (23) and unemployment (44) are paid by both sides, work injury (33) and maternity
 * (53) by the employer alone. The housing fund: 住房公积金管理条例 Articles 16 and 18. Income tax on wages: the
 * Individual Income Tax Law (Article 3 and Schedule 1 for the rates, 6 for taxable income and the deductions, 11
 * for monthly withholding), its implementing regulations (Articles 24 and 28), and the withholding method of
 * 国家税务总局公告2018年第61号 Article 6; the bonus option is 财政部 税务总局公告2023年第30号.
 */
import type { Confidence, Insurance } from '../shipped';
import type { Basis, Citation } from './types';

const WHO_PAYS: Record<Insurance, Citation[]> = {
  pension: [
    { law: 'social-insurance-law', article: 10 },
    { law: 'social-insurance-law', article: 12 },
  ],
  medical: [{ law: 'social-insurance-law', article: 23 }],
  unemployment: [{ law: 'social-insurance-law', article: 44 }],
  work_injury: [{ law: 'social-insurance-law', article: 33 }],
  maternity: [{ law: 'social-insurance-law', article: 53 }],
  housing_fund: [
    { law: 'housing-provident-fund-regulations', article: 16 },
    { law: 'housing-provident-fund-regulations', article: 18 },
  ],
  housing_fund_supplementary: [{ law: 'housing-provident-fund-regulations', article: 18 }],
};

/** Insurances only the employer pays (社会保险法 Articles 33 and 53): the employee's share is 0 by law. */
export const EMPLOYER_ONLY: ReadonlySet<Insurance> = new Set(['work_injury', 'maternity']);

export function contributionBasis(insurance: Insurance, sources: string[], confidence: Confidence | null): Basis {
  const rule = EMPLOYER_ONLY.has(insurance) ? 'contribution.employerOnly' : 'contribution.shared';
  return { rule, citations: WHO_PAYS[insurance], sources, confidence };
}

/** The employee's share of an employer-only insurance: the statute, not the data, says it is nothing. */
export function employerOnlyBasis(insurance: Insurance): Basis {
  return { rule: 'contribution.employerOnly', citations: WHO_PAYS[insurance], sources: [], confidence: 'high' };
}

export function mergedMaternityBasis(sources: string[], confidence: Confidence | null): Basis {
  return {
    rule: 'contribution.mergedIntoMedical',
    citations: [...WHO_PAYS.maternity, ...WHO_PAYS.medical],
    sources,
    confidence,
  };
}

export function housingFundBasis(
  insurance: 'housing_fund' | 'housing_fund_supplementary',
  none: boolean,
  sources: string[],
  confidence: Confidence | null,
): Basis {
  return {
    rule: none ? 'housingFund.none' : 'housingFund.bothSides',
    citations: WHO_PAYS[insurance],
    sources,
    confidence,
  };
}

export const WITHHOLDING_CITATIONS: Citation[] = [
  { law: 'iit-law', article: 3 },
  { law: 'iit-law', article: 6 },
  { law: 'iit-law', article: 11 },
  { law: 'iit-regulations', article: 24 },
  { law: 'sta-2018-61', article: 6 },
];

export const SPECIAL_DEDUCTION_CITATIONS: Citation[] = [
  { law: 'iit-law', article: 6 },
  { law: 'iit-regulations', article: 28 },
  { law: 'govfa-2023-13' },
];

export const SEPARATE_BONUS_CITATIONS: Citation[] = [{ law: 'mof-sta-2023-30' }, { law: 'iit-law', article: 3 }];
export const COMBINED_BONUS_CITATIONS: Citation[] = [
  { law: 'iit-law', article: 3 },
  { law: 'iit-law', article: 6 },
];

/** The weaker of two grades (a figure is as sure as the least sure thing it rests on). */
export function weaker(a: Confidence | null, b: Confidence | null): Confidence | null {
  const order: Confidence[] = ['high', 'medium-high', 'medium', 'low-medium', 'low'];
  if (a === null || b === null) return a ?? b;
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}
