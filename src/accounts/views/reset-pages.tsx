import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { CsrfField, EmailField, ErrorSummary, type FormErrors, NewPasswordField } from './form-parts';

/** Breadcrumbs of the reset pages: paths without language prefix (the layout adds it). */
function useCrumbs(label: string) {
  const { t } = useI18n();
  return [
    { label: t('nav.home'), href: '/' },
    { label: t('account.signIn.title'), href: '/account/sign-in' },
    { label },
  ];
}

export interface ResetRequestPageProps {
  csrfToken: string;
  email: string;
  errors: FormErrors;
  /** After a request: the same words whether or not the email has an account. */
  sent: boolean;
}

export function ResetRequestPage({ csrfToken, email, errors, sent }: ResetRequestPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout title={t('account.reset.title')} noindex breadcrumbs={useCrumbs(t('account.reset.title'))}>
      <h1>{t('account.reset.title')}</h1>
      {sent && (
        <p class="notice" role="status">
          {t('account.reset.sent')}
        </p>
      )}
      <p class="lead">{t('account.reset.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={path('/account/reset')} class="stacked-form" novalidate>
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
  const { t, path } = useI18n();
  return (
    <Layout title={t('account.reset.newTitle')} noindex breadcrumbs={useCrumbs(t('account.reset.newTitle'))}>
      <h1>{t('account.reset.newTitle')}</h1>
      {usable ? (
        <>
          <ErrorSummary errors={errors} />
          <form
            method="post"
            action={path(`/account/reset/${encodeURIComponent(token)}`)}
            class="stacked-form"
            novalidate
          >
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
            <a href={path('/account/reset')}>{t('account.reset.requestAgain')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
