import { type I18n, useI18n } from '../../../platform/web/i18n';
import type { MessageKey } from '../../../platform/web/messages';
import type { Region } from '../../../regions';
import type { BenefitTag } from '../../benefits';
import { formatSalary } from '../../salary';
import type { JobInput, ReviewedField, ReviewedFields } from '../../schemas';
import { EDUCATION_LABELS, EMPLOYMENT_TYPE_LABELS, EXPERIENCE_LABELS, INSURANCE_BASE_LABELS } from './labels';

export interface FactsContext {
  regions: Map<string, Region>;
  benefits: BenefitTag[];
}

/** The rows a job's facts are shown in, each with the fields it is made of (a pending edit marks changed rows). */
export const FACT_ROWS: { label: MessageKey; fields: ReviewedField[]; markdown?: boolean }[] = [
  { label: 'employer.form.titleZh', fields: ['titleZh'] },
  { label: 'employer.form.titleEn', fields: ['titleEn'] },
  { label: 'employer.form.city', fields: ['city', 'district'] },
  { label: 'employer.form.salary', fields: ['salaryMin', 'salaryMax', 'salaryMonths'] },
  { label: 'employer.form.benefits', fields: ['benefits'] },
  { label: 'employer.form.insurance', fields: ['insuranceBase', 'insuranceBaseAmount', 'housingFundRate'] },
  { label: 'employer.form.descriptionZh', fields: ['descriptionZh'], markdown: true },
  { label: 'employer.form.descriptionEn', fields: ['descriptionEn'], markdown: true },
];

/** One row's value in words (a description: its markdown, rendered by the page as readers will see it). */
export function factText(i18n: I18n, row: (typeof FACT_ROWS)[number], f: ReviewedFields, c: FactsContext): string {
  const { t, locale } = i18n;
  const place = (code: string | null) => {
    if (!code) return '';
    const region = c.regions.get(code);
    return region ? (locale === 'zh' ? region.nameZh : region.nameEn) : code;
  };
  switch (row.label) {
    case 'employer.form.titleZh':
      return f.titleZh ?? '—';
    case 'employer.form.titleEn':
      return f.titleEn ?? '—';
    case 'employer.form.descriptionZh':
      return f.descriptionZh ?? '';
    case 'employer.form.descriptionEn':
      return f.descriptionEn ?? '';
    case 'employer.form.city':
      return [place(f.city), place(f.district)].filter(Boolean).join(' · ');
    case 'employer.form.salary':
      return formatSalary(locale, { min: f.salaryMin, max: f.salaryMax, months: f.salaryMonths });
    case 'employer.form.benefits':
      return (
        f.benefits
          .map((key) => c.benefits.find((b) => b.key === key)?.[locale] ?? key)
          .join(locale === 'zh' ? '、' : ', ') || '—'
      );
    default: {
      const base =
        f.insuranceBase === 'fixed' && f.insuranceBaseAmount !== null
          ? t('employer.facts.fixedBase', { amount: i18n.money(f.insuranceBaseAmount) })
          : t(INSURANCE_BASE_LABELS[f.insuranceBase]);
      const fund =
        f.housingFundRate === null
          ? t('employer.facts.noHousingFund')
          : t('employer.facts.housingFund', { rate: f.housingFundRate });
      return `${base} · ${fund}`;
    }
  }
}

/** The facts that take effect at once (not reviewed again on a live job). */
export function OtherFacts({ job }: { job: JobInput }) {
  const { t } = useI18n();
  return (
    <p class="meta">
      {t(EXPERIENCE_LABELS[job.experience])} · {t(EDUCATION_LABELS[job.education])} ·{' '}
      {t(EMPLOYMENT_TYPE_LABELS[job.employmentType])} · {t('employer.facts.headcount', { count: job.headcount })}
    </p>
  );
}
