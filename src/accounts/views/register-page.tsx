import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import { CsrfField, ErrorSummary, type FormErrors, TextField } from './form-parts';

export interface RegisterPageProps {
  csrfToken: string;
  values: { email: string; displayName: string };
  next: string;
  errors: FormErrors;
}

export function RegisterPage({ csrfToken, values, next, errors }: RegisterPageProps) {
  return (
    <Layout
      title={t('account.register.title')}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('account.register.title') }]}
    >
      <h1>{t('account.register.title')}</h1>
      <p class="lead">{t('account.register.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/account/register" class="stacked-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          type="email"
          label={t('account.field.email')}
          value={values.email}
          errors={errors}
          autocomplete="email"
          maxLength={254}
        />
        <TextField
          name="displayName"
          label={t('account.field.displayName')}
          value={values.displayName}
          hint={t('account.field.displayNameHint')}
          errors={errors}
          autocomplete="nickname"
          maxLength={80}
        />
        <TextField
          name="password"
          type="password"
          label={t('account.field.password')}
          hint={t('account.field.passwordHint')}
          errors={errors}
          autocomplete="new-password"
          maxLength={200}
          minLength={10}
        />
        <button type="submit">{t('account.register.submit')}</button>
      </form>
      <p>
        {t('account.register.haveAccount')} <a href="/account/sign-in">{t('account.signIn.title')}</a>
      </p>
    </Layout>
  );
}
