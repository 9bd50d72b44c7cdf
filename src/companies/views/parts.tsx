import { HTML_LANG, type Locale, useI18n } from '../../platform/web/i18n';
import { INDUSTRY_LABELS, SIZE_LABELS } from '../labels';
import type { CompanyCard, Named } from '../model';

const other = (locale: Locale): Locale => (locale === 'en' ? 'zh' : 'en');

/** The name in the reader's language, the other beside it (marked with its language for screen readers). */
export function CompanyName({ name }: { name: Named }) {
  const { locale } = useI18n();
  const second = other(locale);
  return (
    <>
      {name[locale]}
      {name[second] && name[second] !== name[locale] && (
        <>
          {' '}
          <span class="meta" lang={HTML_LANG[second]}>
            {name[second]}
          </span>
        </>
      )}
    </>
  );
}

/** The verified badge, or for pending companies nothing: only an editor's check earns the badge. */
export function VerifiedBadge({ company }: { company: Pick<CompanyCard, 'verified'> }) {
  const { t } = useI18n();
  return company.verified ? <span class="badge">{t('company.verified')}</span> : null;
}

export function DemoLabel({ company }: { company: Pick<CompanyCard, 'demo'> }) {
  const { t } = useI18n();
  return company.demo ? <span class="badge">{t('company.demo')}</span> : null;
}

/** Industry · size · city. */
export function CompanyFacts({ company }: { company: CompanyCard }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t(INDUSTRY_LABELS[company.industry])} · {t(SIZE_LABELS[company.size])} · {company.city[locale]}
    </>
  );
}

/** A field's message below it, tied to the input by aria-describedby. */
export function FieldError({ errors, field }: { errors: Record<string, string>; field: string }) {
  return errors[field] ? (
    <p class="field-error" id={`${field}-error`}>
      {errors[field]}
    </p>
  ) : null;
}

export const describedBy = (errors: Record<string, string>, field: string) =>
  errors[field] ? `${field}-error` : undefined;
