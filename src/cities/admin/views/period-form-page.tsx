import type { FormErrors } from '../../../platform/web/forms';
import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { MessageKey } from '../../../platform/web/messages';
import { CONFIDENCE_LABEL, INSURANCE_LABEL } from '../../salary/views/labels';
import type { City } from '../../service';
import { CONFIDENCES, INSURANCES, ROUNDINGS } from '../../shipped';
import { fieldName, type PeriodFormValues, RATE_FIELDS, type RateField } from '../period-form';

export interface PeriodFormPageProps {
  city: City;
  /** The period the new one follows (it ends the day before the new one starts). */
  latest: { yearLabel: string; from: string | null; to: string | null } | null;
  values: PeriodFormValues;
  errors: FormErrors;
  csrfToken: string;
}

const FIGURE_LABEL: Record<RateField, MessageKey> = {
  floor: 'cities.admin.floor',
  ceiling: 'cities.admin.ceiling',
  employee: 'cities.admin.employeeRate',
  employer: 'cities.admin.employerRate',
  min: 'cities.admin.rateMin',
  max: 'cities.admin.rateMax',
  fixed: 'cities.admin.fixed',
};
const FIGURES: RateField[] = ['floor', 'ceiling', 'employee', 'employer', 'min', 'max', 'fixed'];

/** GET /admin/cities/:slug/periods/new: a new notice's figures, filled in with the latest period's. */
export function PeriodFormPage({ city, latest, values, errors, csrfToken }: PeriodFormPageProps) {
  const { t, path, locale, date } = useI18n();
  const name = locale === 'zh' ? city.nameZh : city.nameEn;
  const v = (n: string) => values[n] ?? '';
  const error = (n: string) =>
    errors[n] ? (
      <p class="field-error" id={`${n}-error`}>
        {errors[n]}
      </p>
    ) : null;
  const described = (n: string) => (errors[n] ? `${n}-error` : undefined);
  const input = (n: string, label: string, type: 'text' | 'date' | 'url' = 'text', required = false) => (
    <>
      <label for={`period-${n}`}>{label}</label>
      <input
        id={`period-${n}`}
        name={n}
        type={type as 'text'}
        value={v(n)}
        required={required}
        aria-invalid={errors[n] ? ('true' as const) : undefined}
        aria-describedby={described(n)}
      />
      {error(n)}
    </>
  );
  return (
    <Layout
      title={t('cities.admin.formTitle', { city: name })}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('cities.admin.title'), href: '/admin/cities' },
        { label: t('cities.admin.formTitle', { city: name }) },
      ]}
    >
      <h1>{t('cities.admin.formTitle', { city: name })}</h1>
      <p class="lead">{t('cities.admin.formLead')}</p>
      {latest?.from && (
        <p class="meta">
          {t('cities.admin.follows', {
            label: latest.yearLabel,
            from: date(latest.from),
            to: latest.to ? date(latest.to) : '?',
          })}
        </p>
      )}
      {errors.form && (
        <p class="notice" role="alert">
          {errors.form}
        </p>
      )}
      <form method="post" action={path(`/admin/cities/${city.slug}/periods`)} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {input('yearLabel', t('cities.admin.yearLabel'), 'text', true)}
        {input('effectiveFrom', t('cities.admin.effectiveFrom'), 'date', true)}
        {input('effectiveTo', t('cities.admin.effectiveTo'), 'date')}
        {input('sourceUrl', t('cities.admin.sourceUrl'), 'url', true)}
        {input('sourceTitle', t('cities.admin.sourceTitle'))}
        <label for="period-confidence">{t('cities.admin.confidence')}</label>
        <select id="period-confidence" name="confidence" aria-describedby={described('confidence')}>
          {CONFIDENCES.map((c) => (
            <option value={c} selected={v('confidence') === c}>
              {t(CONFIDENCE_LABEL[c])}
            </option>
          ))}
        </select>
        {error('confidence')}
        <label for="period-notes">{t('cities.admin.notes')}</label>
        <textarea id="period-notes" name="notes" rows={3}>
          {v('notes')}
        </textarea>
        {error('notes')}
        <p class="meta">{t('cities.admin.blankIsUnknown')}</p>
        {INSURANCES.map((insurance) => (
          <fieldset>
            <legend>{t(INSURANCE_LABEL[insurance])}</legend>
            {FIGURES.filter((f) => RATE_FIELDS[insurance].includes(f)).map((f) =>
              input(fieldName(insurance, f), t(FIGURE_LABEL[f]), 'text'),
            )}
            <label for={`period-${fieldName(insurance, 'rounding')}`}>{t('cities.admin.rounding')}</label>
            <select id={`period-${fieldName(insurance, 'rounding')}`} name={fieldName(insurance, 'rounding')}>
              {ROUNDINGS.map((r) => (
                <option value={r} selected={(v(fieldName(insurance, 'rounding')) || 'fen') === r}>
                  {t(r === 'fen' ? 'cities.admin.roundFen' : 'cities.admin.roundYuan')}
                </option>
              ))}
            </select>
            {insurance === 'maternity' && (
              <label>
                <input
                  type="checkbox"
                  name={fieldName('maternity', 'merged')}
                  value="true"
                  checked={v(fieldName('maternity', 'merged')) === 'true'}
                />{' '}
                {t('cities.admin.merged')}
              </label>
            )}
          </fieldset>
        ))}
        <button type="submit">{t('cities.admin.save')}</button>
      </form>
    </Layout>
  );
}
