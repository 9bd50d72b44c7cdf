import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import { CsrfField, EmailField, ErrorSummary, type FormErrors, NewPasswordField } from './form-parts';

const crumbs = (label: string) => [
  { label: t('nav.home'), href: '/' },
  { label: t('account.signIn.title'), href: '/account/sign-in' },
  { label },
];

export interface ResetRequestPageProps {
  csrfToken: string;
  email: string;
  errors: FormErrors;
  /** After a request: the same words whether or not the email has an account. */
  sent: boolean;
}

export function ResetRequestPage({ csrfToken, email, errors, sent }: ResetRequestPageProps) {
  return (
    <Layout title={t('account.reset.title')} breadcrumbs={crumbs(t('account.reset.title'))}>
      <h1>{t('account.reset.title')}</h1>
      {sent && (
        <p class="notice" role="status">
          {t('account.reset.sent')}
        </p>
      )}
      <p class="lead">{t('account.reset.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/account/reset" class="stacked-form" novalidate>
        <CsrfField token={csrfToken} />
        <EmailField value={email} errors={errors} autocomplete="email" />
        <button type="submit">{t('account.reset.submit')}</button>
      </form>
    </Layout>
  );
}

export interface ResetPasswordPageProps {
  csrfToken: string;
  token: string;
  /** False when the link is unknown, used or expired: the page offers a new one instead of the form. */
  usable: boolean;
  errors: FormErrors;
}

export function ResetPasswordPage({ csrfToken, token, usable, errors }: ResetPasswordPageProps) {
  return (
    <Layout title={t('account.reset.newTitle')} breadcrumbs={crumbs(t('account.reset.newTitle'))}>
      <h1>{t('account.reset.newTitle')}</h1>
      {usable ? (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/account/reset/${encodeURIComponent(token)}`} class="stacked-form" novalidate>
            <CsrfField token={csrfToken} />
            <NewPasswordField label={t('account.field.newPassword')} errors={errors} />
            <button type="submit">{t('account.reset.newSubmit')}</button>
          </form>
        </>
      ) : (
        <>
          <p class="notice" role="alert">
            {t('account.reset.invalid')}
          </p>
          <p>
            <a href="/account/reset">{t('account.reset.requestAgain')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
