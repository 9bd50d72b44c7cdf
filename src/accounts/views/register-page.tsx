import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import {
  CsrfField,
  EmailField,
  ErrorSummary,
  type FormErrors,
  NewPasswordField,
  TextField,
  withNext,
} from './form-parts';

export interface RegisterPageProps {
  csrfToken: string;
  values: { email: string; displayName: string };
  next: string;
  errors: FormErrors;
}

export function RegisterPage({ csrfToken, values, next, errors }: RegisterPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('account.register.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('account.register.title') }]}
    >
      <h1>{t('account.register.title')}</h1>
      <p class="lead">{t('account.register.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={path('/account/register')} class="stacked-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <EmailField value={values.email} errors={errors} autocomplete="email" />
        <TextField
          name="displayName"
          label={t('account.field.displayName')}
          value={values.displayName}
          hint={t('account.field.displayNameHint')}
          errors={errors}
          autocomplete="nickname"
          maxLength={80}
        />
        <NewPasswordField label={t('account.field.password')} errors={errors} />
        <button type="submit">{t('account.register.submit')}</button>
      </form>
      <p>
        {t('account.register.haveAccount')}{' '}
        <a href={withNext(path('/account/sign-in'), next)}>{t('account.signIn.title')}</a>
      </p>
    </Layout>
  );
}
