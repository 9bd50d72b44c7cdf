/**
 * The calculator's outcome as plain data in yuan: the JSON the API returns and the view-model the page renders.
 * Each figure keeps its rule, its citations (with a link where the statute is in our library or the data names
 * its official address) and its confidence; unknown figures are null.
 */
import type { Basis, Citation, ContributionLine, Figure, SalaryResult } from '../calculator/types';
import type { SalaryOutcome } from '../service';
import type { Confidence, Insurance, ShippedSource } from '../shipped';

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

/** Statutes in our library link to their article; the others to the address the data gives, if any. */
const OFFICIAL: Partial<Record<Citation['law'], string>> = {
  'iit-law': 'IIT_LAW',
  'sta-2018-61': 'STA_2018_61',
  'govfa-2023-13': 'GOVFA_2023_13',
};

export interface PresentedCitation {
  law: Citation['law'];
  article: number | null;
  /** A path on this site (our statute library) or an official address; null when we have neither. */
  href: string | null;
}

export interface PresentedBasis {
  rule: Basis['rule'];
  citations: PresentedCitation[];
  sources: string[];
  confidence: Confidence | null;
}

export interface PresentedFigure {
  amount: number | null;
  basis: PresentedBasis;
}

function citation(c: Citation, sources: Record<string, ShippedSource>): PresentedCitation {
  const article = c.article ?? null;
  if (c.law === 'social-insurance-law' || c.law === 'housing-provident-fund-regulations') {
    return { law: c.law, article, href: article === null ? `/laws/${c.law}` : `/laws/${c.law}/articles/${article}` };
  }
  const id = OFFICIAL[c.law];
  const url = id ? sources[id]?.url : null;
  return { law: c.law, article, href: url && /^https?:\/\//.test(url) ? url : null };
}

export function presentBasis(b: Basis, sources: Record<string, ShippedSource>): PresentedBasis {
  return {
    rule: b.rule,
    citations: b.citations.map((c) => citation(c, sources)),
    sources: b.sources,
    confidence: b.confidence,
  };
}

const figure = (f: Figure, sources: Record<string, ShippedSource>): PresentedFigure => ({
  amount: yuan(f.amount),
  basis: presentBasis(f.basis, sources),
});

export function presentLine(l: ContributionLine, sources: Record<string, ShippedSource>) {
  return {
    insurance: l.insurance,
    base: yuan(l.base),
    baseFloor: yuan(l.baseFloor),
    baseCeiling: yuan(l.baseCeiling),
    clamped: l.clamped,
    rate: { employee: l.employeeRate, employer: l.employerRate, employerRange: l.employerRateRange },
    employeeFixed: yuan(l.employeeFixed),
    rounding: l.rounding,
    employee: figure(l.employee, sources),
    employer: figure(l.employer, sources),
  };
}
export type PresentedLine = ReturnType<typeof presentLine>;

function presentBonus(b: NonNullable<SalaryResult['annual']['bonus']>, sources: Record<string, ShippedSource>) {
  const method = (m: { tax: number | null; net: number | null; basis: Basis }) => ({
    tax: yuan(m.tax),
    net: yuan(m.net),
    basis: presentBasis(m.basis, sources),
  });
  return {
    gross: yuan(b.gross),
    separate: b.separate ? method(b.separate) : null,
    combined: method(b.combined),
    better: b.better,
  };
}

/** The rates a fund of the period allows (null: not in the data), for a form to offer only those. */
export function rangeOf(rates: SalaryOutcome['period']['rates'], insurance: Insurance) {
  const row = rates.find((x) => x.insurance === insurance);
  return row && row.rateMin !== null && row.rateMax !== null ? { min: row.rateMin, max: row.rateMax } : null;
}

export function presentOutcome(o: SalaryOutcome) {
  const r = o.result;
  const { sources } = o;
  return {
    city: { slug: o.city.slug, nameEn: o.city.nameEn, nameZh: o.city.nameZh, regionCode: o.city.regionCode },
    period: {
      key: o.period.key,
      yearLabel: o.period.yearLabel,
      from: o.period.from,
      to: o.period.to,
      chosen: o.chosen,
      confidence: o.period.confidence,
    },
    contributions: r.contributions.map((l) => presentLine(l, sources)),
    housingFund: r.housingFund ? presentLine(r.housingFund, sources) : null,
    supplementaryFund: r.supplementaryFund ? presentLine(r.supplementaryFund, sources) : null,
    specialDeductions: r.specialDeductions.map((d) => ({ item: d.item, amount: d.amount / 100 })),
    specialDeductionsTotal: yuan(r.specialDeductionsTotal),
    tax: presentBasis(r.tax, sources),
    months: r.months.map((m) => ({
      month: m.month,
      gross: m.gross / 100,
      employeeContributions: yuan(m.employeeContributions),
      cumulativeTaxable: yuan(m.cumulativeTaxable),
      tax: yuan(m.tax),
      takeHome: yuan(m.takeHome),
    })),
    annual: {
      months: r.annual.months,
      gross: r.annual.gross / 100,
      employeeContributions: yuan(r.annual.employeeContributions),
      tax: yuan(r.annual.tax),
      takeHome: yuan(r.annual.takeHome),
      takeHomeAtMost: yuan(r.annual.takeHomeAtMost),
      takeHomeWithBonus: yuan(r.annual.takeHomeWithBonus),
    },
    bonus: r.annual.bonus ? presentBonus(r.annual.bonus, sources) : null,
    employerCost: {
      monthly: yuan(r.employerCost.monthly),
      annual: yuan(r.employerCost.annual),
      monthlyAtLeast: yuan(r.employerCost.monthlyAtLeast),
    },
    missing: r.missing,
    choices: {
      housingFund: rangeOf(o.period.rates, 'housing_fund'),
      supplementaryFund: rangeOf(o.period.rates, 'housing_fund_supplementary'),
    },
    sources: Object.values(sources).map((s) => ({ id: s.id, url: s.url, title: s.title, date: s.date, kind: s.kind })),
    periods: o.periods,
  };
}

export type PresentedSalary = ReturnType<typeof presentOutcome>;
