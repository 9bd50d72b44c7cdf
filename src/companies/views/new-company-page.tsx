import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { type CityChoice, CompanyFields, FormAlert, type ProfileValues } from './company-fields';
import { describedBy, FieldError } from './parts';

export interface NewCompanyPageProps {
  csrfToken: string;
  values: ProfileValues & { creditCode: string };
  errors: Record<string, string>;
  cities: CityChoice[];
}

/** An employer creates their company; it is listed at once and verified by an editor later. */
export function NewCompanyPage({ csrfToken, values, errors, cities }: NewCompanyPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('company.new.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('company.list.title'), href: '/companies' },
        { label: t('company.new.title') },
      ]}
    >
      <h1>{t('company.new.title')}</h1>
      <p class="lead">{t('company.new.lead')}</p>
      <FormAlert errors={errors} />
      <form method="post" action={path('/employer/companies/new')} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="company-creditCode">{t('company.field.creditCode')}</label>
        <input
          id="company-creditCode"
          name="creditCode"
          value={values.creditCode}
          required
          maxLength={60}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={['creditCode-hint', describedBy(errors, 'creditCode')].filter(Boolean).join(' ')}
        />
        <p class="meta" id="creditCode-hint">
          {t('company.form.creditCodeHint')}
        </p>
        <FieldError errors={errors} field="creditCode" />
        <CompanyFields values={values} errors={errors} cities={cities} />
        <button type="submit">{t('company.new.submit')}</button>
      </form>
    </Layout>
  );
}
