/**
 * Golden cases, worked by hand from the shipped data (data/cities/rates.json, iit.json) before the code ran.
 * Amounts are in fen in the results (2,000.00 yuan = 200000). Rounding half up to the fen unless noted.
 * Tax: cumulative withholding with the annual table (3 % to 36,000; 10 % − 2,520 to 144,000; 20 % − 16,920 to
 * 300,000; 25 % − 31,920 to 420,000 …), standard deduction 5,000 a month.
 */
import { describe, expect, it } from 'vitest';
import { calculateSalary } from './calculate';
import { salary, shippedPeriod } from './test-data';
import { NO_DEDUCTIONS } from './types';

const line = (r: ReturnType<typeof calculateSalary>, insurance: string) => {
  const found = r.contributions.find((l) => l.insurance === insurance);
  if (!found) throw new Error(`no ${insurance}`);
  return found;
};
const amounts = (r: ReturnType<typeof calculateSalary>, insurance: string) => {
  const l = line(r, insurance);
  return { base: l.base, employee: l.employee.amount, employer: l.employer.amount };
};

describe('Beijing', () => {
  it('2024年度: 20,000 on the actual salary, housing fund 12 %', () => {
    // Base 20,000 (within 6,821–35,283, the same for all five insurances).
    // Pension 8 % / 16 %: 1,600.00 / 3,200.00. Medical 2 % + 3 yuan (大额医疗互助) / 9.8 %: 403.00 / 1,960.00.
    // Unemployment 0.5 % / 0.5 %: 100.00 / 100.00. Work injury (lowest class 0.2 %): 0 / 40.00.
    // Maternity: in the medical rate (employer 0 separately), employee 0 (社会保险法 Art. 53).
    // Housing fund 12 % of 20,000 (2,420–35,283): 2,400.00 each side.
    // Employee total 1,600 + 403 + 100 + 2,400 = 4,503.00; taxable a month 20,000 − 5,000 − 4,503 = 10,497.00.
    // Jan: 10,497 × 3 % = 314.91. Feb: 20,994 × 3 % = 629.82 → 314.91. Mar: 31,491 → 944.73 → 314.91.
    // Apr: 41,988 × 10 % − 2,520 = 1,678.80 → 1,678.80 − 944.73 = 734.07.
    // May: 52,485 → 2,728.50 → 1,049.70, and 1,049.70 every month after (10 % of 10,497).
    // Dec: 125,964 × 10 % − 2,520 = 10,076.40 = the year's tax.
    // Take-home: Jan–Mar 20,000 − 4,503 − 314.91 = 15,182.09; Apr 14,762.93; May–Dec 14,447.30.
    // Year: 240,000 − 54,036 − 10,076.40 = 175,887.60. Employer: 20,000 + 3,200 + 1,960 + 100 + 40 + 2,400 = 27,700.
    const r = calculateSalary(shippedPeriod('beijing-2024'), salary({ gross: 20_000, housingFundRate: 12 }));
    expect(amounts(r, 'pension')).toEqual({ base: 2_000_000, employee: 160_000, employer: 320_000 });
    expect(amounts(r, 'medical')).toEqual({ base: 2_000_000, employee: 40_300, employer: 196_000 });
    expect(amounts(r, 'unemployment')).toEqual({ base: 2_000_000, employee: 10_000, employer: 10_000 });
    expect(amounts(r, 'work_injury')).toEqual({ base: 2_000_000, employee: 0, employer: 4_000 });
    expect(amounts(r, 'maternity')).toEqual({ base: 2_000_000, employee: 0, employer: 0 });
    expect(line(r, 'maternity').employer.basis.rule).toBe('contribution.mergedIntoMedical');
    expect(r.housingFund?.employee.amount).toBe(240_000);
    expect(r.months.map((m) => m.tax)).toEqual([
      31_491, 31_491, 31_491, 73_407, 104_970, 104_970, 104_970, 104_970, 104_970, 104_970, 104_970, 104_970,
    ]);
    expect(r.months.map((m) => m.takeHome).slice(0, 5)).toEqual([
      1_518_209, 1_518_209, 1_518_209, 1_476_293, 1_444_730,
    ]);
    expect(r.annual).toMatchObject({
      months: 12,
      tax: 1_007_640,
      takeHome: 17_588_760,
      employeeContributions: 5_403_600,
    });
    expect(r.employerCost).toMatchObject({ monthly: 2_770_000, annual: 33_240_000 });
    expect(r.missing).toEqual([]);
  });

  it('2025年度: 40,000 above the ceiling, fund 5 %, a child and rent, a 60,000 bonus', () => {
    // Base capped at 35,811. Pension 2,864.88 / 5,729.76. Medical 716.22 + 3 (carried forward, low) = 719.22 /
    // 3,509.478 → 3,509.48. Unemployment 179.055 → 179.06 each. Work injury 0.2 % 71.622 → 71.62.
    // Fund 5 % of 35,811 = 1,790.55 each. Employee total 2,864.88 + 719.22 + 179.06 + 1,790.55 = 5,553.71.
    // Deductions: child education 2,000 + rent 1,500 (Beijing's tier) = 3,500.
    // Taxable a month 40,000 − 5,000 − 5,553.71 − 3,500 = 25,946.29.
    // Jan 25,946.29 × 3 % = 778.3887 → 778.39. Feb 51,892.58 × 10 % − 2,520 = 2,669.26 → 1,890.87.
    // Mar 77,838.87 → 5,263.89 → 2,594.63. Jun 155,677.74 × 20 % − 16,920 = 14,215.55 (May 10,453.15) → 3,762.40.
    // Dec 311,355.48 × 25 % − 31,920 = 45,918.87 (Nov 40,161.84) → 5,757.03. Year's tax 45,918.87.
    // Bonus 60,000: alone, 60,000 ÷ 12 = 5,000 → 10 % − 210 = 5,790.00. With the salary: 371,355.48 × 25 % −
    // 31,920 = 60,918.87, less 45,918.87 = 15,000.00. Alone is better.
    // Year: 480,000 − 66,644.52 − 45,918.87 = 367,436.61; with the bonus + 60,000 − 5,790 = 421,646.61.
    const r = calculateSalary(
      shippedPeriod('beijing-2025'),
      salary({
        gross: 40_000,
        housingFundRate: 5,
        bonus: 60_000,
        deductions: { ...NO_DEDUCTIONS, children: 1, housing: 'rent' },
      }),
    );
    expect(amounts(r, 'pension')).toEqual({ base: 3_581_100, employee: 286_488, employer: 572_976 });
    expect(line(r, 'pension').clamped).toBe('ceiling');
    expect(amounts(r, 'medical')).toEqual({ base: 3_581_100, employee: 71_922, employer: 350_948 });
    expect(amounts(r, 'unemployment')).toEqual({ base: 3_581_100, employee: 17_906, employer: 17_906 });
    expect(amounts(r, 'work_injury').employer).toBe(7_162);
    expect(r.housingFund?.employee.amount).toBe(179_055);
    expect(r.specialDeductionsTotal).toBe(350_000);
    const tax = r.months.map((m) => m.tax);
    expect(tax.slice(0, 3)).toEqual([77_839, 189_087, 259_463]);
    expect(tax[5]).toBe(376_240);
    expect(tax[11]).toBe(575_703);
    expect(r.annual.tax).toBe(4_591_887);
    expect(r.annual.bonus).toMatchObject({
      separate: { tax: 579_000, net: 5_421_000 },
      combined: { tax: 1_500_000 },
      better: 'separate',
    });
    expect(r.annual.takeHome).toBe(36_743_661);
    expect(r.annual.takeHomeWithBonus).toBe(42_164_661);
  });

  it('2026年度: what the data lacks stays unknown, with bounds instead of guesses', () => {
    // The 2026 data names no 3-yuan medical item and no work-injury rate: the employee's medical share and the
    // employer's work injury are unknown, so the take-home and the employer's cost are too.
    // Known employee shares on 10,000: pension 800, unemployment 50, fund 5 % 500 = 1,350 a month.
    // Bound: taxable (10,000 − 5,000 − 1,350) × 12 = 43,800 → 4,380 − 2,520 = 1,860 tax;
    // take-home at most (10,000 − 1,350) × 12 − 1,860 = 101,940.00.
    const r = calculateSalary(shippedPeriod('beijing-2026'), salary({ gross: 10_000 }));
    expect(amounts(r, 'medical')).toEqual({ base: 1_000_000, employee: null, employer: 98_000 });
    expect(amounts(r, 'work_injury').employer).toBeNull();
    expect(r.missing).toEqual(['medical.employee', 'work_injury.employer']);
    expect(r.months.every((m) => m.takeHome === null && m.tax === null)).toBe(true);
    expect(r.annual.takeHome).toBeNull();
    expect(r.annual.takeHomeAtMost).toBe(10_194_000);
    expect(r.employerCost.monthly).toBeNull();
    // At least: 10,000 + pension 1,600 + medical 980 + unemployment 50 + fund 500 = 13,130.
    expect(r.employerCost.monthlyAtLeast).toBe(1_313_000);
  });
});

describe('Shanghai', () => {
  it('2024年度: 6,000 below the floor, starting in July, a 10,000 bonus', () => {
    // Social insurance on the floor 7,384: pension 590.72 / 1,181.44; medical 147.68 / 664.56;
    // unemployment 36.92 each; work injury 0.16 % = 11.8144 → 11.81. Fund base 6,000 (floor 2,690): 7 % = 420.00.
    // Employee 590.72 + 147.68 + 36.92 + 420 = 1,195.32; taxable 6,000 − 5,000 − 1,195.32 = −195.32: no tax.
    // Jul–Dec take-home 4,804.68; 6 months 28,828.08.
    // Bonus 10,000: alone 833.33 a month → 3 % = 300.00; with the salary −1,171.92 + 10,000 = 8,828.08 × 3 % =
    // 264.8424 → 264.84, the better (the unused deductions shelter part of it).
    // Employer a month: 6,000 + 1,181.44 + 664.56 + 36.92 + 11.81 + 420 = 8,314.73.
    const r = calculateSalary(
      shippedPeriod('shanghai-2024'),
      salary({ gross: 6_000, housingFundRate: 7, startMonth: 7, bonus: 10_000 }),
    );
    expect(amounts(r, 'pension')).toEqual({ base: 738_400, employee: 59_072, employer: 118_144 });
    expect(line(r, 'pension').clamped).toBe('floor');
    expect(amounts(r, 'work_injury').employer).toBe(1_181);
    expect(r.housingFund?.base).toBe(600_000);
    expect(r.months.map((m) => m.month)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(r.months.every((m) => m.tax === 0 && m.takeHome === 480_468)).toBe(true);
    expect(r.annual.takeHome).toBe(2_882_808);
    expect(r.annual.bonus).toMatchObject({ separate: { tax: 30_000 }, combined: { tax: 26_484 }, better: 'combined' });
    expect(r.employerCost.monthly).toBe(831_473);
  });

  it('2025年度: 15,555.55, the fund rounded to whole yuan, elderly support and continuing education', () => {
    // Pension 1,244.444 → 1,244.44 / 2,488.888 → 2,488.89; medical 311.111 → 311.11 / 1,399.9995 → 1,400.00;
    // unemployment 77.77775 → 77.78 each; work injury 0.2 % 31.1111 → 31.11.
    // Fund 7 % = 1,088.8885 → whole yuan (沪公积金管委会) 1,089.00 each.
    // Employee 1,244.44 + 311.11 + 77.78 + 1,089 = 2,722.33. Deductions 3,000 (only child) + 400 = 3,400.
    // Taxable a month 15,555.55 − 5,000 − 2,722.33 − 3,400 = 4,433.22.
    // Jan 132.9966 → 133.00; Feb 8,866.44 × 3 % = 265.9932 → 265.99 → 132.99; Aug 35,465.76 → 1,063.97 (Jul
    // 930.98) → 132.99; Sep 39,898.98 × 10 % − 2,520 = 1,469.90 → 405.93; Oct 44,332.20 → 1,913.22 → 443.32;
    // Dec 53,198.64 → 2,799.86 = the year's tax.
    const r = calculateSalary(
      shippedPeriod('shanghai-2025'),
      salary({
        gross: 15_555.55,
        housingFundRate: 7,
        deductions: { ...NO_DEDUCTIONS, elderly: 'only-child', continuingEducation: true },
      }),
    );
    expect(amounts(r, 'pension')).toEqual({ base: 1_555_555, employee: 124_444, employer: 248_889 });
    expect(amounts(r, 'medical')).toEqual({ base: 1_555_555, employee: 31_111, employer: 140_000 });
    expect(amounts(r, 'unemployment')).toEqual({ base: 1_555_555, employee: 7_778, employer: 7_778 });
    expect(r.housingFund).toMatchObject({ rounding: 'yuan', employee: { amount: 108_900 } });
    const tax = r.months.map((m) => m.tax);
    expect(tax.slice(0, 2)).toEqual([13_300, 13_299]);
    expect(tax[7]).toBe(13_299);
    expect(tax.slice(8)).toEqual([40_593, 44_332, 44_332, 44_332]);
    expect(r.annual.tax).toBe(279_986);
  });

  it('2026年度: 50,000, capped, with the supplementary fund (whole yuan)', () => {
    // Base 37,731 (ceiling). Fund 7 % = 2,641.17 → 2,641; supplementary 5 % = 1,886.55 → 1,887.
    const r = calculateSalary(
      shippedPeriod('shanghai-2026'),
      salary({ gross: 50_000, housingFundRate: 7, supplementaryFundRate: 5 }),
    );
    expect(r.housingFund).toMatchObject({ base: 3_773_100, employee: { amount: 264_100 } });
    expect(r.supplementaryFund).toMatchObject({ base: 3_773_100, employee: { amount: 188_700 } });
    expect(amounts(r, 'pension')).toEqual({ base: 3_773_100, employee: 301_848, employer: 603_696 });
  });
});

describe('Guangzhou', () => {
  it('2024年度: a base per insurance; a work-injury ceiling the data lacks', () => {
    // 4,000 a month. Pension floor 5,284: 422.72 / 15 % 792.60. Medical floor 5,996: 119.92 / 5.35 % 320.786 →
    // 320.79. Unemployment 2,300–38,082 → 4,000: 0.2 % 8.00 / 0.8 % 32.00. Fund 5 % of 4,000 = 200.00.
    // Work injury: 4,000 is above the floor 2,100 and the ceiling is not in the data: base unknown.
    // Employee 422.72 + 119.92 + 8 + 200 = 750.64; taxable negative: no tax; take-home 3,249.36.
    // Employer at least 4,000 + 792.60 + 320.79 + 32 + 200 = 5,345.39.
    const r = calculateSalary(shippedPeriod('guangzhou-2024'), salary({ gross: 4_000, housingFundRate: 5 }));
    expect(amounts(r, 'pension')).toEqual({ base: 528_400, employee: 42_272, employer: 79_260 });
    expect(amounts(r, 'medical')).toEqual({ base: 599_600, employee: 11_992, employer: 32_079 });
    expect(amounts(r, 'unemployment')).toEqual({ base: 400_000, employee: 800, employer: 3_200 });
    expect(amounts(r, 'work_injury')).toEqual({ base: null, employee: 0, employer: null });
    expect(r.months[0]).toMatchObject({ tax: 0, takeHome: 324_936 });
    expect(r.missing).toEqual(['work_injury.employer']);
    expect(r.employerCost).toMatchObject({ monthly: null, monthlyAtLeast: 534_539 });
  });

  it('2025年度 (pension base only): the pension computed, everything else unknown', () => {
    // 30,000 above the pension ceiling 27,549: employee 8 % = 2,203.92. The employer's pension rate and every
    // other insurance and the fund are not in the data.
    const r = calculateSalary(shippedPeriod('guangzhou-2025'), salary({ gross: 30_000 }));
    expect(amounts(r, 'pension')).toEqual({ base: 2_754_900, employee: 220_392, employer: null });
    expect(amounts(r, 'medical')).toEqual({ base: null, employee: null, employer: null });
    expect(r.housingFund?.employee.amount).toBeNull();
    expect(r.missing).toContain('housing_fund.rate');
    expect(r.annual.takeHome).toBeNull();
  });
});

describe('Shenzhen', () => {
  it('2024年度 (the one period in the data): no fund declared, a mortgage', () => {
    // 30,000. Pension 3,523–26,421 → 26,421: 2,113.68 / 16 % 4,227.36. Medical 6,475–32,376 → 30,000: 600.00 /
    // 5 % 1,500.00. Unemployment → 30,000: 0.2 % 60.00 / 0.8 % 240.00. Work injury (no ceiling in the data) and
    // maternity (not in the data) unknown for the employer; the employee pays neither (Arts. 33, 53).
    // Fund: the employer declares none. Employee 2,113.68 + 600 + 60 = 2,773.68. Mortgage 1,000.
    // Taxable a month 30,000 − 5,000 − 2,773.68 − 1,000 = 21,226.32. Jan 636.7896 → 636.79;
    // Feb 42,452.64 × 10 % − 2,520 = 1,725.26 → 1,088.47; Mar 63,678.96 → 3,847.90 → 2,122.64.
    // Dec 254,715.84 × 20 % − 16,920 = 34,023.17 = the year's tax. Year 360,000 − 33,284.16 − 34,023.17 = 292,692.67.
    const r = calculateSalary(
      shippedPeriod('shenzhen-2024'),
      salary({ gross: 30_000, housingFundRate: 'none', deductions: { ...NO_DEDUCTIONS, housing: 'mortgage' } }),
    );
    expect(amounts(r, 'pension')).toEqual({ base: 2_642_100, employee: 211_368, employer: 422_736 });
    expect(amounts(r, 'medical')).toEqual({ base: 3_000_000, employee: 60_000, employer: 150_000 });
    expect(amounts(r, 'unemployment')).toEqual({ base: 3_000_000, employee: 6_000, employer: 24_000 });
    expect(amounts(r, 'maternity')).toEqual({ base: null, employee: 0, employer: null });
    expect(r.months.map((m) => m.tax).slice(0, 3)).toEqual([63_679, 108_847, 212_264]);
    expect(r.annual).toMatchObject({ tax: 3_402_317, takeHome: 29_269_267 });
    expect(r.missing).toEqual(['work_injury.employer', 'maternity.employer']);
  });
});
