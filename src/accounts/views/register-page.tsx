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
  /** After a request: the same words whether or not the e-mail has an account. */
  sent: boolean;
}

export function RegisterPage({ csrfToken, values, next, errors, sent }: RegisterPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('account.register.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('account.register.title') }]}
    >
      <h1>{t('account.register.title')}</h1>
      {sent && (
        <p class="notice" role="status">
          {t('account.register.sent')}
        </p>
      )}
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

export interface RegisterConfirmPageProps {
  csrfToken: string;
  token: string;
  next: string;
  /** False when the link is unknown, used or expired: the page offers to register again instead. */
  usable: boolean;
}

/** Where the mailed link leads: one button makes the account (a mail scanner opening the link makes none). */
export function RegisterConfirmPage({ csrfToken, token, next, usable }: RegisterConfirmPageProps) {
  const { t, path } = useI18n();
  const title = t('account.register.confirmTitle');
  return (
    <Layout title={title} noindex breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <h1>{title}</h1>
      {usable ? (
        <form method="post" action={path(`/account/register/${encodeURIComponent(token)}`)} class="stacked-form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="next" value={next} />
          <p class="lead">{t('account.register.confirmLead')}</p>
          <button type="submit">{t('account.register.confirmSubmit')}</button>
        </form>
      ) : (
        <>
          <p class="notice" role="alert">
            {t('account.register.linkInvalid')}
          </p>
          <p>
            <a href={path('/account/register')}>{t('account.register.requestAgain')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
