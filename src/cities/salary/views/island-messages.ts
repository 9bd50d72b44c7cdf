/**
 * The words the live island (src/platform/web/assets/salary-island.js) needs to write results in the page's
 * language, written here from the catalogue: the island has no copy of the catalogues and no ICU formatter, so
 * messages with parameters are written with their placeholders left in (`{label}`), and those with plural or
 * select forms are written for every value they can take (months 1–12).
 */
import type { I18n } from '../../../platform/web/i18n';
import {
  CONFIDENCE_LABEL,
  DEDUCTION_LABEL,
  INSURANCE_LABEL,
  LAW_LABEL,
  MISSING_SIDE_LABEL,
  RULE_LABEL,
} from './labels';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** A message with `{name}` left as is, for the island to fill in. */
const template = (i18n: I18n, key: Parameters<I18n['t']>[0], ...names: string[]) =>
  i18n.t(key, Object.fromEntries(names.map((n) => [n, `{${n}}`])));

const labels = <K extends string>(i18n: I18n, keys: Record<K, Parameters<I18n['t']>[0]>, ...names: string[]) =>
  Object.fromEntries(Object.entries(keys).map(([k, key]) => [k, template(i18n, key as never, ...names)]));

export function islandMessages(i18n: I18n) {
  const t = (key: Parameters<I18n['t']>[0], ...names: string[]) => template(i18n, key, ...names);
  return {
    results: t('cities.results'),
    periodUsed: t('cities.periodUsed', 'label', 'from', 'to'),
    confidenceIs: t('cities.confidenceIs', 'level'),
    sourcesAre: t('cities.sourcesAre', 'ids'),
    latestNotToday: t('cities.latestNotToday'),
    missing: t('cities.missing', 'figures'),
    missingSide: labels(i18n, MISSING_SIDE_LABEL, 'insurance'),
    missingSeparator: t('cities.missingSeparator'),
    unknown: t('cities.unknown'),
    contributionsCaption: t('cities.contributionsCaption'),
    monthsCaption: t('cities.monthsCaption'),
    col: {
      insurance: t('cities.col.insurance'),
      base: t('cities.col.base'),
      employeeRate: t('cities.col.employeeRate'),
      employee: t('cities.col.employee'),
      employerRate: t('cities.col.employerRate'),
      employer: t('cities.col.employer'),
      basis: t('cities.col.basis'),
      month: t('cities.col.month'),
      gross: t('cities.col.gross'),
      employeeContributions: t('cities.col.employeeContributions'),
      tax: t('cities.col.tax'),
      takeHome: t('cities.col.takeHome'),
    },
    raisedToFloor: t('cities.raisedToFloor'),
    cappedAtCeiling: t('cities.cappedAtCeiling'),
    plusFixed: t('cities.plusFixed', 'amount'),
    rateRange: t('cities.rateRange', 'min', 'max'),
    fundRange: t('cities.fundRange', 'min', 'max'),
    deductionsUsed: t('cities.deductionsUsed'),
    monthName: MONTHS.map((month) => i18n.t('cities.monthName', { month })),
    annualHeading: MONTHS.map((months) => i18n.t('cities.annualHeading', { months })),
    atMost: t('cities.atMost', 'amount'),
    atLeast: t('cities.atLeast', 'amount'),
    employerCost: t('cities.employerCost'),
    perMonth: t('cities.perMonth'),
    bonusHeading: t('cities.bonusHeading', 'amount'),
    bonusSeparate: t('cities.bonusSeparate'),
    bonusCombined: t('cities.bonusCombined'),
    bonusNet: t('cities.bonusNet'),
    better: t('cities.better'),
    withBonus: t('cities.withBonus'),
    sourcesHeading: t('cities.sourcesHeading'),
    periodToday: t('cities.periodToday'),
    fundLowest: t('cities.fund.lowest'),
    fundNone: t('cities.fund.none'),
    noSupplementary: t('cities.fund.noSupplementary'),
    failed: t('cities.island.failed'),
    insurance: labels(i18n, INSURANCE_LABEL),
    rule: labels(i18n, RULE_LABEL),
    law: labels(i18n, LAW_LABEL, 'article'),
    confidence: labels(i18n, CONFIDENCE_LABEL),
    deduction: { ...labels(i18n, DEDUCTION_LABEL), other: t('cities.deduction.other') },
  };
}

export type IslandMessages = ReturnType<typeof islandMessages>;
