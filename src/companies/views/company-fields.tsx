import { useI18n } from '../../platform/web/i18n';
import { INDUSTRY_LABELS, SIZE_LABELS } from '../labels';
import { COMPANY_SIZES, INDUSTRIES } from '../tables';
import { describedBy, FieldError } from './parts';

/** A profile as the form holds it: what was stored, or what was sent and refused. */
export interface ProfileValues {
  nameZh: string;
  nameEn: string;
  industry: string;
  size: string;
  city: string;
  website: string;
  descriptionEn: string;
  descriptionZh: string;
}

export const EMPTY_PROFILE: ProfileValues = {
  nameZh: '',
  nameEn: '',
  industry: '',
  size: '',
  city: '',
  website: '',
  descriptionEn: '',
  descriptionZh: '',
};

export type CityChoice = { code: string; name: { en: string; zh: string } };

/** The profile's fields, shared by the create and the edit forms. */
export function CompanyFields(props: { values: ProfileValues; errors: Record<string, string>; cities: CityChoice[] }) {
  const { values, errors, cities } = props;
  const { t, locale } = useI18n();
  const text = (field: 'nameZh' | 'nameEn' | 'website', label: string, extra: Record<string, unknown> = {}) => (
    <>
      <label for={`company-${field}`}>{label}</label>
      <input
        id={`company-${field}`}
        name={field}
        value={values[field]}
        aria-describedby={describedBy(errors, field)}
        {...extra}
      />
      <FieldError errors={errors} field={field} />
    </>
  );
  return (
    <>
      {text('nameZh', t('company.field.nameZh'), { required: true, maxLength: 100, lang: 'zh-CN' })}
      {text('nameEn', t('company.field.nameEn'), { required: true, maxLength: 100, lang: 'en' })}
      <label for="company-industry">{t('company.field.industry')}</label>
      <select id="company-industry" name="industry" required aria-describedby={describedBy(errors, 'industry')}>
        <option value="">{t('company.form.choose')}</option>
        {INDUSTRIES.map((industry) => (
          <option value={industry} selected={industry === values.industry}>
            {t(INDUSTRY_LABELS[industry])}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="industry" />
      <label for="company-size">{t('company.field.size')}</label>
      <select id="company-size" name="size" required aria-describedby={describedBy(errors, 'size')}>
        <option value="">{t('company.form.choose')}</option>
        {COMPANY_SIZES.map((size) => (
          <option value={size} selected={size === values.size}>
            {t(SIZE_LABELS[size])}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="size" />
      <label for="company-city">{t('company.field.city')}</label>
      <select id="company-city" name="city" required aria-describedby={describedBy(errors, 'city')}>
        <option value="">{t('company.form.choose')}</option>
        {cities.map((city) => (
          <option value={city.code} selected={city.code === values.city}>
            {city.name[locale]}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="city" />
      {text('website', t('company.field.website'), { type: 'url', maxLength: 300, placeholder: 'https://' })}
      <label for="company-descriptionZh">{t('company.field.descriptionZh')}</label>
      <textarea
        id="company-descriptionZh"
        name="descriptionZh"
        rows={6}
        maxLength={10000}
        lang="zh-CN"
        aria-describedby={describedBy(errors, 'descriptionZh')}
      >
        {values.descriptionZh}
      </textarea>
      <FieldError errors={errors} field="descriptionZh" />
      <label for="company-descriptionEn">{t('company.field.descriptionEn')}</label>
      <textarea
        id="company-descriptionEn"
        name="descriptionEn"
        rows={6}
        maxLength={10000}
        lang="en"
        aria-describedby={describedBy(errors, 'descriptionEn')}
      >
        {values.descriptionEn}
      </textarea>
      <FieldError errors={errors} field="descriptionEn" />
      <p class="meta">{t('company.form.markdownHint')}</p>
    </>
  );
}

/** The summary above a refused form. */
export function FormAlert({ errors }: { errors: Record<string, string> }) {
  const { t } = useI18n();
  return Object.keys(errors).length > 0 ? (
    <p class="notice" role="alert">
      {errors.form ?? t('company.form.fixErrors')}
    </p>
  ) : null;
}
