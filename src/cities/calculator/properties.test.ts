/**
 * Properties that hold for every shipped period with complete data and any salary, checked with fast-check.
 * Monotonicity is of the year's take-home: one month's can fall as pay rises (cumulative withholding puts a
 * bracket's jump into the month that crosses it), and raises under 10 yuan can lose a fen, or a yuan where the
 * fund is rounded to whole yuan, to rounding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateSalary } from './calculate';
import { annualTax } from './income-tax';
import { salary, shippedPeriod } from './test-data';
import type { SalaryInput, SpecialDeductionInput } from './types';

/** Periods whose data is complete enough for a take-home (the others say "unknown", tested in golden.test.ts). */
const COMPLETE = ['beijing-2024', 'beijing-2025', 'shanghai-2024', 'shanghai-2025', 'shanghai-2026'];

const deductions: fc.Arbitrary<SpecialDeductionInput> = fc.record({
  children: fc.integer({ min: 0, max: 3 }),
  infants: fc.integer({ min: 0, max: 2 }),
  childShare: fc.constantFrom(50 as const, 100 as const),
  elderly: fc.constantFrom('none' as const, 'only-child' as const, 'shared' as const),
  housing: fc.constantFrom('none' as const, 'rent' as const, 'mortgage' as const),
  continuingEducation: fc.boolean(),
});

const gross = fc.integer({ min: 100_00, max: 200_000_00 }).map((fen) => fen / 100);

const inputs: fc.Arbitrary<{ period: string; input: SalaryInput }> = fc.record({
  period: fc.constantFrom(...COMPLETE),
  input: fc.record({
    gross,
    base: fc.constantFrom('gross' as const, 'minimum' as const, 'amount' as const),
    baseAmount: fc.integer({ min: 1_000, max: 60_000 }),
    housingFundRate: fc.constantFrom('minimum' as const, 'none' as const, 5),
    deductions,
    startMonth: fc.integer({ min: 1, max: 12 }),
    bonus: fc.constantFrom(0, 10_000, 123_456.78),
  }),
});

describe('calculator properties', () => {
  it('never pays more than the gross, in any month', () => {
    fc.assert(
      fc.property(inputs, ({ period, input }) => {
        const r = calculateSalary(shippedPeriod(period), input);
        for (const m of r.months) {
          expect(m.takeHome).not.toBeNull();
          expect(m.takeHome!).toBeLessThanOrEqual(m.gross);
          expect(m.tax!).toBeGreaterThanOrEqual(0);
        }
        expect(r.annual.takeHome!).toBeLessThanOrEqual(r.annual.gross);
      }),
    );
  });

  it('pays no less over the year as the gross rises (other inputs the same)', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 10, max: 50_000 }), ({ period, input }, raise) => {
        const data = shippedPeriod(period);
        const before = calculateSalary(data, input).annual;
        const after = calculateSalary(data, { ...input, gross: input.gross + raise }).annual;
        expect(after.takeHome!).toBeGreaterThanOrEqual(before.takeHome!);
        expect(after.takeHomeWithBonus!).toBeGreaterThanOrEqual(before.takeHomeWithBonus!);
      }),
    );
  });

  it('clamps every base to its floor and ceiling', () => {
    const all = [...COMPLETE, 'guangzhou-2024', 'shenzhen-2024', 'beijing-2026'];
    fc.assert(
      fc.property(inputs, fc.constantFrom(...all), ({ input }, period) => {
        const r = calculateSalary(shippedPeriod(period), input);
        const lines = [...r.contributions, r.housingFund, r.supplementaryFund].filter((l) => l !== null);
        for (const l of lines) {
          if (l.base === null) continue;
          if (l.baseFloor !== null) expect(l.base).toBeGreaterThanOrEqual(l.baseFloor);
          if (l.baseCeiling !== null) expect(l.base).toBeLessThanOrEqual(l.baseCeiling);
          if (input.base === 'minimum') expect(l.base).toBe(l.baseFloor);
        }
      }),
    );
  });

  it("withholds over a year of constant pay exactly the annual tax on the year's taxable income", () => {
    fc.assert(
      fc.property(inputs, ({ period, input }) => {
        const data = shippedPeriod(period);
        const r = calculateSalary(data, { ...input, startMonth: 1 });
        const employee = r.months[0]!.employeeContributions!;
        const taxable = 12 * (r.months[0]!.gross - 500_000 - employee - r.specialDeductionsTotal!);
        const withheld = r.months.reduce((sum, m) => sum + m.tax!, 0);
        expect(withheld).toBe(annualTax(data.tax.annualBrackets, Math.max(0, taxable)));
      }),
    );
  });

  it('never reads a missing figure as zero: unknown in, unknown (or a bound) out', () => {
    for (const period of ['beijing-2026', 'guangzhou-2025', 'hangzhou-2025', 'chongqing-2025']) {
      const r = calculateSalary(shippedPeriod(period), salary({}));
      expect(r.missing.length).toBeGreaterThan(0);
      expect(r.annual.takeHome).toBeNull();
      expect(r.months.every((m) => m.takeHome === null)).toBe(true);
    }
  });
});
