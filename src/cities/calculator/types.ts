/**
 * The calculator's inputs and results. It is pure (no database, no language): a figure names the rule it
 * follows, the statute articles behind the rule, the data's sources (ids, named by the service) and how sure the
 * data is. A figure the data lacks is `null` with its reason in `missing`, never 0.
 */
import type { Confidence, Insurance, Rounding, ShippedRate, TaxBracket } from '../shipped';
import type { Fen } from './money';

export type RateRow = Omit<ShippedRate, 'note'>;

/** One city's data for one period, and the income-tax schedule in force, as the calculator needs them. */
export interface CityPeriodData {
  periodKey: string;
  /** The period's sources (ids), named on every contribution figure. */
  sources: string[];
  rates: Partial<Record<Insurance, RateRow>>;
  /** The city's 住房租金 amount (its tier), null when unknown. */
  rentDeduction: number | null;
  tax: TaxSchedule;
}

export interface TaxSchedule {
  key: string;
  standardDeductionMonthly: number;
  annualBrackets: TaxBracket[];
  monthlyBrackets: TaxBracket[];
  specialDeductions: { item: string; amount: number | null; confidence: Confidence; sources: string[] }[];
  /** Whether the bonus may still be taxed on its own (财政部 税务总局公告2023年第30号: until 2027-12-31). */
  separateBonusAllowed: boolean;
  confidence: Confidence;
  bracketSources: string[];
}

export const BASE_CHOICES = ['gross', 'minimum', 'amount'] as const;
export type BaseChoice = (typeof BASE_CHOICES)[number];

export interface SpecialDeductionInput {
  /** Children in education (3 and older); each 2,000 a month at 100 %. */
  children: number;
  /** Children under 3 (婴幼儿照护). */
  infants: number;
  /** The share the parent claims for each child: 100 or 50 (parents split it). */
  childShare: 50 | 100;
  elderly: 'none' | 'only-child' | 'shared';
  housing: 'none' | 'rent' | 'mortgage';
  continuingEducation: boolean;
}

export const NO_DEDUCTIONS: SpecialDeductionInput = {
  children: 0,
  infants: 0,
  childShare: 100,
  elderly: 'none',
  housing: 'none',
  continuingEducation: false,
};

export interface SalaryInput {
  /** Monthly gross salary, yuan. */
  gross: number;
  base: BaseChoice;
  /** The declared base when `base` is 'amount', yuan. */
  baseAmount?: number;
  /**
   * Percent, within the city's range; 'minimum' for the city's lowest rate; 'none' when the employer pays no
   * housing fund (its own declaration, not a figure we lack).
   */
  housingFundRate: number | 'none' | 'minimum';
  /** Percent, where the city has a supplementary fund (Shanghai); 0 or absent for none. */
  supplementaryFundRate?: number;
  deductions: SpecialDeductionInput;
  /** 1–12: the month the job starts; tax is withheld from it to December. */
  startMonth: number;
  /** Annual one-off bonus, yuan (0 for none). */
  bonus: number;
}

/** What a figure rests on: the rule, the statute articles, the data's sources and its confidence. */
export interface Basis {
  rule: RuleId;
  citations: Citation[];
  sources: string[];
  confidence: Confidence | null;
}

export const RULE_IDS = [
  'contribution.shared',
  'contribution.employerOnly',
  'contribution.mergedIntoMedical',
  'housingFund.bothSides',
  'housingFund.none',
  'tax.cumulativeWithholding',
  'bonus.separate',
  'bonus.combined',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Statutes the figures cite. The first two are in our library (linked); the others are named only. */
export const CITED_LAWS = [
  'social-insurance-law',
  'housing-provident-fund-regulations',
  'iit-law',
  'iit-regulations',
  'sta-2018-61',
  'mof-sta-2023-30',
  'govfa-2023-13',
] as const;
export type CitedLaw = (typeof CITED_LAWS)[number];

export interface Citation {
  law: CitedLaw;
  article?: number;
}

export interface Figure {
  amount: Fen | null;
  basis: Basis;
}

export interface ContributionLine {
  insurance: Insurance;
  /** The base contributions are worked on: the chosen base clamped to the insurance's floor and ceiling. */
  base: Fen | null;
  baseFloor: Fen | null;
  baseCeiling: Fen | null;
  /** Whether the chosen base was raised to the floor or lowered to the ceiling. */
  clamped: 'floor' | 'ceiling' | null;
  employeeRate: number | null;
  employerRate: number | null;
  /** The employer's rate range (work injury by industry class), for showing. */
  employerRateRange: { min: number | null; max: number | null } | null;
  employeeFixed: Fen | null;
  employee: Figure;
  employer: Figure;
  rounding: Rounding;
}

export interface MonthRow {
  month: number;
  gross: Fen;
  /** The employee's social insurance and housing fund this month. */
  employeeContributions: Fen | null;
  /** Taxable income from the start month to this one (累计预扣预缴应纳税所得额), never below 0. */
  cumulativeTaxable: Fen | null;
  tax: Fen | null;
  takeHome: Fen | null;
}

export interface BonusOutcome {
  gross: Fen;
  /** Null when the bonus may no longer be taxed on its own. */
  separate: { tax: Fen | null; net: Fen | null; basis: Basis } | null;
  combined: { tax: Fen | null; net: Fen | null; basis: Basis };
  /** The method with less tax; null when either is unknown. */
  better: 'separate' | 'combined' | null;
}

export interface SalaryResult {
  periodKey: string;
  contributions: ContributionLine[];
  housingFund: ContributionLine | null;
  supplementaryFund: ContributionLine | null;
  /** The special additional deductions a month, and their total. */
  specialDeductions: { item: string; amount: Fen; basis: Basis }[];
  specialDeductionsTotal: Fen | null;
  months: MonthRow[];
  tax: Basis;
  annual: {
    months: number;
    gross: Fen;
    employeeContributions: Fen | null;
    tax: Fen | null;
    takeHome: Fen | null;
    /** When takeHome is unknown: what it cannot exceed (the figures we lack can only lower it). */
    takeHomeAtMost: Fen | null;
    bonus: BonusOutcome | null;
    /** Salary and bonus after tax, the bonus taxed the better way. */
    takeHomeWithBonus: Fen | null;
  };
  employerCost: {
    monthly: Fen | null;
    annual: Fen | null;
    /** When unknown: the part we know (the figures we lack can only add to it). */
    monthlyAtLeast: Fen | null;
  };
  /** What the data lacks, as `insurance.side` (`work_injury.employer`) or a name (`housing_fund.base`). */
  missing: string[];
}
