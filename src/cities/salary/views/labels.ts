/** Catalogue keys for the calculator's words (written out, so messages.test.ts sees every key used). */
import type { MessageKey } from '../../../platform/web/messages';
import type { CitedLaw, RuleId } from '../../calculator/types';
import type { Confidence, Insurance } from '../../shipped';

export const INSURANCE_LABEL: Record<Insurance, MessageKey> = {
  pension: 'cities.insurance.pension',
  medical: 'cities.insurance.medical',
  unemployment: 'cities.insurance.unemployment',
  work_injury: 'cities.insurance.workInjury',
  maternity: 'cities.insurance.maternity',
  housing_fund: 'cities.insurance.housingFund',
  housing_fund_supplementary: 'cities.insurance.housingFundSupplementary',
};

export const RULE_LABEL: Record<RuleId, MessageKey> = {
  'contribution.shared': 'cities.rule.shared',
  'contribution.employerOnly': 'cities.rule.employerOnly',
  'contribution.mergedIntoMedical': 'cities.rule.mergedIntoMedical',
  'housingFund.bothSides': 'cities.rule.housingFund',
  'housingFund.none': 'cities.rule.housingFundNone',
  'tax.cumulativeWithholding': 'cities.rule.withholding',
  'bonus.separate': 'cities.rule.bonusSeparate',
  'bonus.combined': 'cities.rule.bonusCombined',
};

/** A citation's words: those with an article take it as `{article}`. */
export const LAW_LABEL: Record<CitedLaw, MessageKey> = {
  'social-insurance-law': 'cities.cite.socialInsuranceLaw',
  'housing-provident-fund-regulations': 'cities.cite.housingFundRegulations',
  'iit-law': 'cities.cite.iitLaw',
  'iit-regulations': 'cities.cite.iitRegulations',
  'sta-2018-61': 'cities.cite.sta201861',
  'mof-sta-2023-30': 'cities.cite.mofSta202330',
  'govfa-2023-13': 'cities.cite.govfa202313',
};

export const CONFIDENCE_LABEL: Record<Confidence, MessageKey> = {
  high: 'cities.confidence.high',
  'medium-high': 'cities.confidence.mediumHigh',
  medium: 'cities.confidence.medium',
  'low-medium': 'cities.confidence.lowMedium',
  low: 'cities.confidence.low',
};

/** The side of an insurance a missing figure is (`work_injury.employer`), as said on the page. */
export const MISSING_SIDE_LABEL: Record<string, MessageKey> = {
  employee: 'cities.missingFigure.employee',
  employer: 'cities.missingFigure.employer',
  base: 'cities.missingFigure.base',
};

export const DEDUCTION_LABEL: Record<string, MessageKey> = {
  child_education: 'cities.deduction.childEducation',
  infant_care: 'cities.deduction.infantCare',
  elderly_support: 'cities.deduction.elderlySupport',
  elderly_support_shared: 'cities.deduction.elderlySupportShared',
  housing_rent: 'cities.deduction.housingRent',
  mortgage_interest: 'cities.deduction.mortgageInterest',
  continuing_education: 'cities.deduction.continuingEducation',
};
