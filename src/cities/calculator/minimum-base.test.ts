/**
 * What a base at the city minimum costs the worker a month (the job page's note), worked by hand from the shipped
 * data before the code ran. Fen in the results (1,027.04 yuan = 102704).
 */
import { describe, expect, it } from 'vitest';
import { minimumBaseLoss } from './minimum-base';
import { shippedPeriod } from './test-data';

describe('minimumBaseLoss', () => {
  it('Beijing 2025年度, 20,000 a month, fund 12 %: the pension account and both sides of the fund', () => {
    // Pension floor 7,162: the employee's 8 % is 1,600.00 on the salary, 572.96 on the floor: 1,027.04 less.
    // Fund floor 2,540: 12 % is 2,400.00 a side on the salary, 304.80 on the floor: (2,400 − 304.80) × 2 = 4,190.40.
    expect(minimumBaseLoss(shippedPeriod('beijing-2025'), 20_000, 12)).toEqual({
      pensionAccount: 102_704,
      housingFund: 419_040,
      total: 521_744,
    });
  });

  it('Shanghai 2025年度, 10,000, fund 7 %: the fund rounded to the yuan as Shanghai does', () => {
    // Pension: 800.00 − 7,460 × 8 % (596.80) = 203.20. Fund: 700 a side on the salary; 2,690 × 7 % = 188.30,
    // rounded to 188 a side on the floor: (700 − 188) × 2 = 1,024.
    expect(minimumBaseLoss(shippedPeriod('shanghai-2025'), 10_000, 7)).toEqual({
      pensionAccount: 20_320,
      housingFund: 102_400,
      total: 122_720,
    });
  });

  it('loses nothing of the pension below its floor, and nothing of a fund the employer declares none of', () => {
    // 5,000 is under Beijing's pension floor (7,162): the base is the floor either way. The fund's floor is lower
    // (2,540): 5,000 × 12 % = 600 a side against 304.80: 590.40.
    expect(minimumBaseLoss(shippedPeriod('beijing-2025'), 5_000, 12)).toEqual({
      pensionAccount: 0,
      housingFund: 59_040,
      total: 59_040,
    });
    expect(minimumBaseLoss(shippedPeriod('beijing-2025'), 20_000, 'none')).toEqual({
      pensionAccount: 102_704,
      housingFund: 0,
      total: 102_704,
    });
  });

  it('says unknown, never 0, where the data lacks a figure (Guangzhou 2025年度: no fund base)', () => {
    // Pension floor 5,510: 800.00 − 440.80 = 359.20. The fund's floor and ceiling are not in the data.
    expect(minimumBaseLoss(shippedPeriod('guangzhou-2025'), 10_000, 5)).toEqual({
      pensionAccount: 35_920,
      housingFund: null,
      total: null,
    });
  });
});
