/**
 * The take-home pay calculator: one city's bases and rates for one period, a salary and the employee's
 * circumstances in; each contribution, the tax of every month from the start month to December, the year's totals
 * and what the employer pays out. Pure: no database, no language (the page and the API write the words).
 */
import { housingFund, socialInsurance } from './contributions';
import { annualTax, separateBonusTax, withholding } from './income-tax';
import { type Fen, toFen } from './money';
import {
  COMBINED_BONUS_CITATIONS,
  SEPARATE_BONUS_CITATIONS,
  SPECIAL_DEDUCTION_CITATIONS,
  WITHHOLDING_CITATIONS,
} from './rules';
import type { Basis, BonusOutcome, CityPeriodData, ContributionLine, SalaryInput, SalaryResult } from './types';

/** The sum of figures, or null when one is unknown. */
function sumKnown(amounts: (Fen | null)[]): Fen | null {
  let total = 0;
  for (const a of amounts) {
    if (a === null) return null;
    total += a;
  }
  return total;
}

/** The sum of the figures we know (for a bound, never shown as the figure itself). */
const sumOfKnown = (amounts: (Fen | null)[]): Fen => amounts.reduce<number>((t, a) => t + (a ?? 0), 0);

function specialDeductions(data: CityPeriodData, input: SalaryInput) {
  const { deductions } = input;
  const table = new Map(data.tax.specialDeductions.map((d) => [d.item, d]));
  const wanted: { item: string; count: number; share?: number; amount?: number | null }[] = [];
  if (deductions.children > 0)
    wanted.push({ item: 'child_education', count: deductions.children, share: deductions.childShare });
  if (deductions.infants > 0)
    wanted.push({ item: 'infant_care', count: deductions.infants, share: deductions.childShare });
  if (deductions.elderly === 'only-child') wanted.push({ item: 'elderly_support', count: 1 });
  if (deductions.elderly === 'shared') wanted.push({ item: 'elderly_support_shared', count: 1 });
  // The rent amount depends on the city's tier; the schedule's is the top tier's.
  if (deductions.housing === 'rent') wanted.push({ item: 'housing_rent', count: 1, amount: data.rentDeduction });
  if (deductions.housing === 'mortgage') wanted.push({ item: 'mortgage_interest', count: 1 });
  if (deductions.continuingEducation) wanted.push({ item: 'continuing_education', count: 1 });

  const items: SalaryResult['specialDeductions'] = [];
  const missing: string[] = [];
  for (const w of wanted) {
    const entry = table.get(w.item);
    const amount = w.amount !== undefined ? w.amount : (entry?.amount ?? null);
    const basis: Basis = {
      rule: 'tax.cumulativeWithholding',
      citations: SPECIAL_DEDUCTION_CITATIONS,
      sources: entry?.sources ?? [],
      confidence: entry?.confidence ?? null,
    };
    if (amount === null) {
      missing.push(`deduction.${w.item}`);
      continue;
    }
    items.push({ item: w.item, amount: (toFen(amount) * w.count * (w.share ?? 100)) / 100, basis });
  }
  const total = missing.length ? null : items.reduce((t, d) => t + d.amount, 0);
  return { items, total, missing };
}

function bonusOutcome(data: CityPeriodData, bonus: Fen, salaryTaxable: Fen | null, months: number): BonusOutcome {
  const taxBasis = (citations: Basis['citations']): Basis => ({
    rule: citations === SEPARATE_BONUS_CITATIONS ? 'bonus.separate' : 'bonus.combined',
    citations,
    sources: data.tax.bracketSources,
    confidence: data.tax.confidence,
  });
  const separateTax = separateBonusTax(data.tax.monthlyBrackets, bonus);
  const separate = data.tax.separateBonusAllowed
    ? { tax: separateTax, net: bonus - separateTax, basis: taxBasis(SEPARATE_BONUS_CITATIONS) }
    : null;
  // Added to the year's income: the tax on salary and bonus together less the tax on the salary alone. Unused
  // deductions (a negative salary taxable income) reduce the bonus's share.
  const combinedTax =
    salaryTaxable === null
      ? null
      : annualTax(data.tax.annualBrackets, Math.max(0, salaryTaxable * months + bonus)) -
        annualTax(data.tax.annualBrackets, Math.max(0, salaryTaxable * months));
  const combined = {
    tax: combinedTax,
    net: combinedTax === null ? null : bonus - combinedTax,
    basis: taxBasis(COMBINED_BONUS_CITATIONS),
  };
  let better: BonusOutcome['better'] = null;
  if (!separate) better = combinedTax === null ? null : 'combined';
  else if (combinedTax !== null) better = separate.tax <= combinedTax ? 'separate' : 'combined';
  return { gross: bonus, separate, combined, better };
}

export function calculateSalary(data: CityPeriodData, input: SalaryInput): SalaryResult {
  const gross = toFen(input.gross);
  const social = socialInsurance(data.rates, input, data.sources);
  const fund = housingFund('housing_fund', data.rates.housing_fund, input.housingFundRate, input, data.sources);
  const supplementaryRate = input.supplementaryFundRate ?? 0;
  const supplementary =
    supplementaryRate > 0 && input.housingFundRate !== 'none'
      ? housingFund(
          'housing_fund_supplementary',
          data.rates.housing_fund_supplementary,
          supplementaryRate,
          input,
          data.sources,
        )
      : null;
  const special = specialDeductions(data, input);
  const missing = [...social.missing, ...fund.missing, ...(supplementary?.missing ?? []), ...special.missing];

  const all: ContributionLine[] = [...social.lines, fund.line, ...(supplementary ? [supplementary.line] : [])];
  const employeeMonthly = sumKnown(all.map((l) => l.employee.amount));
  const standard = toFen(data.tax.standardDeductionMonthly);
  const monthlyTaxable =
    employeeMonthly === null || special.total === null ? null : gross - standard - employeeMonthly - special.total;

  const monthCount = 13 - input.startMonth;
  const withheld = monthlyTaxable === null ? null : withholding(data.tax.annualBrackets, monthlyTaxable, monthCount);
  const months = Array.from({ length: monthCount }, (_, k) => {
    const w = withheld?.[k];
    return {
      month: input.startMonth + k,
      gross,
      employeeContributions: employeeMonthly,
      cumulativeTaxable: w?.cumulativeTaxable ?? null,
      tax: w?.tax ?? null,
      takeHome: w && employeeMonthly !== null ? gross - employeeMonthly - w.tax : null,
    };
  });

  const annualTaxFen = withheld ? withheld.reduce((t, m) => t + m.tax, 0) : null;
  const annualContributions = employeeMonthly === null ? null : employeeMonthly * monthCount;
  const takeHome =
    annualTaxFen === null || annualContributions === null
      ? null
      : gross * monthCount - annualContributions - annualTaxFen;
  // Unknown contributions can only lower the year's take-home (each yuan more costs at least 55 fen after tax),
  // so the take-home with them left out is an upper bound. Unknown deductions would raise it: then no bound.
  let takeHomeAtMost: Fen | null = null;
  if (takeHome === null && special.total !== null) {
    const knownContributions = sumOfKnown(all.map((l) => l.employee.amount));
    const knownTaxable = gross - standard - knownContributions - special.total;
    const knownTax = annualTax(data.tax.annualBrackets, Math.max(0, knownTaxable * monthCount));
    takeHomeAtMost = (gross - knownContributions) * monthCount - knownTax;
  }

  const bonusFen = toFen(input.bonus);
  const bonus = bonusFen > 0 ? bonusOutcome(data, bonusFen, monthlyTaxable, monthCount) : null;
  const bonusNet = bonus ? (bonus.better === null ? null : (bonus[bonus.better]?.net ?? null)) : 0;
  const takeHomeWithBonus = takeHome === null || bonusNet === null ? null : takeHome + bonusNet;

  const employerMonthly = sumKnown(all.map((l) => l.employer.amount));
  return {
    periodKey: data.periodKey,
    contributions: social.lines,
    housingFund: fund.line,
    supplementaryFund: supplementary?.line ?? null,
    specialDeductions: special.items,
    specialDeductionsTotal: special.total,
    months,
    tax: {
      rule: 'tax.cumulativeWithholding',
      citations: WITHHOLDING_CITATIONS,
      sources: data.tax.bracketSources,
      confidence: data.tax.confidence,
    },
    annual: {
      months: monthCount,
      gross: gross * monthCount,
      employeeContributions: annualContributions,
      tax: annualTaxFen,
      takeHome,
      takeHomeAtMost,
      bonus,
      takeHomeWithBonus,
    },
    employerCost: {
      monthly: employerMonthly === null ? null : gross + employerMonthly,
      annual: employerMonthly === null ? null : (gross + employerMonthly) * monthCount + bonusFen,
      monthlyAtLeast: employerMonthly === null ? gross + sumOfKnown(all.map((l) => l.employer.amount)) : null,
    },
    missing,
  };
}
