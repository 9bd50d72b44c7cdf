import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { BenefitTag } from '../../benefits';
import type { JobInput } from '../../schemas';
import { EDUCATION, EMPLOYMENT_TYPES, EXPERIENCE, INSURANCE_BASES } from '../../tables';
import type { PlaceChoice } from '../checks';
import { EDUCATION_LABELS, EMPLOYMENT_TYPE_LABELS, EXPERIENCE_LABELS, INSURANCE_BASE_LABELS } from './labels';

/** The form's fields as typed (strings), so refused input is shown again exactly as it was sent. */
export type JobFormValues = Record<Exclude<keyof JobInput, 'benefits'>, string> & { benefits: string[] };

export const EMPTY_JOB_FORM: JobFormValues = {
  titleEn: '',
  titleZh: '',
  descriptionEn: '',
  descriptionZh: '',
  city: '',
  district: '',
  salaryMin: '',
  salaryMax: '',
  salaryMonths: '12',
  experience: '1-3',
  education: 'any',
  employmentType: 'full-time',
  headcount: '1',
  benefits: [],
  insuranceBase: 'actual',
  insuranceBaseAmount: '',
  housingFundRate: '',
  validDays: '30',
};

export function jobFormValues(input: JobInput): JobFormValues {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    titleEn: text(input.titleEn),
    titleZh: text(input.titleZh),
    descriptionEn: text(input.descriptionEn),
    descriptionZh: text(input.descriptionZh),
    city: input.city,
    district: text(input.district),
    salaryMin: text(input.salaryMin),
    salaryMax: text(input.salaryMax),
    salaryMonths: text(input.salaryMonths),
    experience: input.experience,
    education: input.education,
    employmentType: input.employmentType,
    headcount: text(input.headcount),
    benefits: input.benefits,
    insuranceBase: input.insuranceBase,
    insuranceBaseAmount: text(input.insuranceBaseAmount),
    housingFundRate: text(input.housingFundRate),
    validDays: text(input.validDays),
  };
}

export interface JobFormPageProps {
  csrfToken: string;
  /** Where the form posts, without language prefix. */
  action: string;
  companyName: string;
  /** Editing a job already approved: what changes goes to review, and renewal sets how long it stays open. */
  live: boolean;
  /** An edit of this live job already waits for review (the form shows it). */
  pendingEdit: boolean;
  values: JobFormValues;
  errors: Record<string, string>;
  places: (PlaceChoice & { districts: PlaceChoice[] })[];
  benefits: BenefitTag[];
}

export function JobFormPage(props: JobFormPageProps) {
  const { csrfToken, action, companyName, live, pendingEdit, values, errors, places, benefits } = props;
  const { t, path, locale } = useI18n();
  const title = action.endsWith('/new') ? t('employer.form.newTitle') : t('employer.form.editTitle');
  const error = (name: string) =>
    errors[name] ? (
      <p class="field-error" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? `${name}-error` : undefined);
  const text = (name: keyof JobFormValues, label: string, attrs: Record<string, unknown> = {}) => (
    <>
      <label for={`job-${name}`}>{label}</label>
      <input
        id={`job-${name}`}
        name={name}
        value={values[name] as string}
        aria-describedby={described(name)}
        {...attrs}
      />
      {error(name)}
    </>
  );
  const select = (name: keyof JobFormValues, label: string, options: { value: string; label: string }[]) => (
    <>
      <label for={`job-${name}`}>{label}</label>
      <select id={`job-${name}`} name={name} aria-describedby={described(name)}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === values[name]}>
            {o.label}
          </option>
        ))}
      </select>
      {error(name)}
    </>
  );
  const number = { type: 'number', inputmode: 'numeric' };
  return (
    <Layout
      title={title}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('employer.dashboard.title'), href: '/employer' },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('employer.form.for', { company: companyName })}</p>
      {live && <p class="notice">{t('employer.form.liveNotice')}</p>}
      {pendingEdit && <p class="notice">{t('employer.form.pendingEditNotice')}</p>}
      {Object.keys(errors).length > 0 && (
        <p class="notice" role="alert">
          {errors.form ?? t('employer.error.fix')}
        </p>
      )}
      <form method="post" action={path(action)} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p>{t('employer.form.languages')}</p>
        <fieldset lang="zh-CN">
          <legend>{t('employer.form.chinese')}</legend>
          {text('titleZh', t('employer.form.title'), { maxLength: 120 })}
          <label for="job-descriptionZh">{t('employer.form.description')}</label>
          <textarea id="job-descriptionZh" name="descriptionZh" rows={10} aria-describedby={described('descriptionZh')}>
            {values.descriptionZh}
          </textarea>
          {error('descriptionZh')}
        </fieldset>
        <fieldset lang="en">
          <legend>{t('employer.form.english')}</legend>
          {text('titleEn', t('employer.form.title'), { maxLength: 120 })}
          <label for="job-descriptionEn">{t('employer.form.description')}</label>
          <textarea id="job-descriptionEn" name="descriptionEn" rows={10} aria-describedby={described('descriptionEn')}>
            {values.descriptionEn}
          </textarea>
          {error('descriptionEn')}
        </fieldset>
        <p class="meta">{t('employer.form.markdown')}</p>

        {select('city', t('employer.form.city'), [
          { value: '', label: t('employer.form.chooseCity') },
          ...places.map((p) => ({ value: p.code, label: p.name[locale] })),
        ])}
        <label for="job-district">{t('employer.form.district')}</label>
        <select id="job-district" name="district" aria-describedby={described('district')}>
          <option value="">{t('employer.form.noDistrict')}</option>
          {places
            .filter((p) => p.districts.length > 0)
            .map((p) => (
              <optgroup label={p.name[locale]}>
                {p.districts.map((d) => (
                  <option value={d.code} selected={d.code === values.district}>
                    {d.name[locale]}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
        {error('district')}

        <fieldset>
          <legend>{t('employer.form.salary')}</legend>
          <p class="meta">{t('employer.form.salaryHint')}</p>
          {text('salaryMin', t('employer.form.salaryMin'), { ...number, min: 1000, max: 1000000, required: true })}
          {text('salaryMax', t('employer.form.salaryMax'), { ...number, min: 1000, max: 1000000, required: true })}
          {select(
            'salaryMonths',
            t('employer.form.salaryMonths'),
            [12, 13, 14, 15, 16].map((n) => ({ value: String(n), label: t('employer.form.months', { count: n }) })),
          )}
        </fieldset>

        {select(
          'experience',
          t('employer.form.experience'),
          EXPERIENCE.map((key) => ({ value: key, label: t(EXPERIENCE_LABELS[key]) })),
        )}
        {select(
          'education',
          t('employer.form.education'),
          EDUCATION.map((key) => ({ value: key, label: t(EDUCATION_LABELS[key]) })),
        )}
        {select(
          'employmentType',
          t('employer.form.type'),
          EMPLOYMENT_TYPES.map((key) => ({ value: key, label: t(EMPLOYMENT_TYPE_LABELS[key]) })),
        )}
        {text('headcount', t('employer.form.headcount'), { ...number, min: 1, max: 999 })}

        <fieldset aria-describedby={described('benefits')}>
          <legend>{t('employer.form.benefits')}</legend>
          {benefits.map((b) => (
            <label class="checkbox">
              <input type="checkbox" name="benefits" value={b.key} checked={values.benefits.includes(b.key)} />{' '}
              {b[locale]}
            </label>
          ))}
          {error('benefits')}
        </fieldset>

        <fieldset>
          <legend>{t('employer.form.insurance')}</legend>
          <p class="meta">{t('employer.form.insuranceHint')}</p>
          {INSURANCE_BASES.map((key) => (
            <label class="checkbox">
              <input type="radio" name="insuranceBase" value={key} checked={values.insuranceBase === key} />{' '}
              {t(INSURANCE_BASE_LABELS[key])}
            </label>
          ))}
          {error('insuranceBase')}
          {text('insuranceBaseAmount', t('employer.form.insuranceAmount'), { ...number, min: 1000, max: 1000000 })}
          {text('housingFundRate', t('employer.form.housingFundRate'), {
            type: 'number',
            inputmode: 'decimal',
            min: 5,
            max: 12,
            step: 0.5,
          })}
          <p class="meta">{t('employer.form.housingFundHint')}</p>
        </fieldset>

        {live ? (
          <input type="hidden" name="validDays" value={values.validDays} />
        ) : (
          text('validDays', t('employer.form.validDays'), { ...number, min: 1, max: 90 })
        )}
        <button type="submit">{live ? t('employer.form.saveLive') : t('employer.form.save')}</button>
      </form>
    </Layout>
  );
}
