import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { Viewer } from '../auth';
import { CsrfField, EmailField, ErrorSummary, type FormErrors, SignOutForm, TextField, withNext } from './form-parts';

export interface SignInPageProps {
  csrfToken: string;
  email: string;
  /** Where to go after signing in, as the browser asked for it ('' for the account page); checked to be local. */
  next: string;
  errors: FormErrors;
  /** Set when someone is signed in already: the page says so and offers to sign out. */
  viewer: Viewer | null;
  notice: 'passwordChanged' | 'signedOut' | null;
}

export function SignInPage({ csrfToken, email, next, errors, viewer, notice }: SignInPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('account.signIn.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('account.signIn.title') }]}
    >
      <h1>{t('account.signIn.title')}</h1>
      {notice === 'passwordChanged' && <p class="notice">{t('account.signIn.passwordChanged')}</p>}
      {notice === 'signedOut' && <p class="notice">{t('account.signOut.done')}</p>}
      {viewer && (
        <div class="notice">
          <p>{t('account.signIn.already', { name: viewer.displayName })}</p>
          <SignOutForm csrfToken={csrfToken} />
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={path('/account/sign-in')} class="stacked-form" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <EmailField value={email} errors={errors} autocomplete="username" />
        <TextField
          name="password"
          type="password"
          label={t('account.field.password')}
          errors={errors}
          autocomplete="current-password"
          maxLength={200}
        />
        <button type="submit">{t('account.signIn.submit')}</button>
      </form>
      <p>
        <a href={path('/account/reset')}>{t('account.signIn.forgot')}</a>
      </p>
      <p>
        {t('account.signIn.noAccount')}{' '}
        <a href={withNext(path('/account/register'), next)}>{t('account.signIn.register')}</a>
      </p>
    </Layout>
  );
}
