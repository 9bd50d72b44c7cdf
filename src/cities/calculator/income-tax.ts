/**
 * Income tax on wages. Monthly, by cumulative withholding (累计预扣法, 国家税务总局公告2018年第61号 Article 6): from
 * the start month, the year's taxable income so far is income less 5,000 a month, the employee's contributions
 * and the special additional deductions; the tax on it by the annual table (个人所得税法 Schedule 1) less what
 * was withheld already is this month's tax. A year's withholding so equals the annual tax on the year's taxable
 * income. The annual bonus: on its own by the monthly table (bonus ÷ 12 picks the rate) or added to the year's
 * income, whichever costs less.
 */
import type { TaxBracket } from '../shipped';
import { type Fen, percentOf, toFen } from './money';

const ratePercent = (b: TaxBracket) => Math.round(b.rate * 100);

/** The bracket `amount` (fen) falls in: over its lower bound and up to its upper one. */
function bracketOf(brackets: TaxBracket[], amount: Fen): TaxBracket {
  const found = brackets.find((b) => b.upTo === null || amount <= toFen(b.upTo));
  return found ?? brackets[brackets.length - 1]!;
}

/** The tax on an annual (or year-to-date) taxable income: income × rate − quick deduction, never below 0. */
export function annualTax(brackets: TaxBracket[], taxable: Fen): Fen {
  if (taxable <= 0) return 0;
  const b = bracketOf(brackets, taxable);
  return Math.max(0, percentOf(taxable, ratePercent(b)) - toFen(b.quickDeduction));
}

/** 全年一次性奖金单独计税: the monthly table's rate for bonus ÷ 12, applied to the whole bonus. */
export function separateBonusTax(monthlyBrackets: TaxBracket[], bonus: Fen): Fen {
  if (bonus <= 0) return 0;
  // bonus / 12 ≤ upTo ⇔ bonus ≤ 12 × upTo: compared in whole fen, no division.
  const b = monthlyBrackets.find((x) => x.upTo === null || bonus <= toFen(x.upTo) * 12) ?? monthlyBrackets.at(-1)!;
  return Math.max(0, percentOf(bonus, ratePercent(b)) - toFen(b.quickDeduction));
}

export interface WithholdingMonth {
  cumulativeTaxable: Fen;
  cumulativeTax: Fen;
  tax: Fen;
}

/**
 * Each month's withholding for `months` months of the same pay: `monthlyTaxable` is one month's income less the
 * standard deduction, contributions and special deductions (it may be negative: then nothing is taxed until the
 * deductions are used up, and a negative year-to-date is never refunded during the year).
 */
export function withholding(brackets: TaxBracket[], monthlyTaxable: Fen, months: number): WithholdingMonth[] {
  const rows: WithholdingMonth[] = [];
  let withheld = 0;
  for (let k = 1; k <= months; k++) {
    const cumulativeTaxable = Math.max(0, monthlyTaxable * k);
    const cumulativeTax = annualTax(brackets, cumulativeTaxable);
    const tax = Math.max(0, cumulativeTax - withheld);
    withheld += tax;
    rows.push({ cumulativeTaxable, cumulativeTax, tax });
  }
  return rows;
}
