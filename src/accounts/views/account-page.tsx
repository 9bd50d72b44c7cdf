import type { FormErrors } from '../../platform/web/forms';
import { LOCALES, type Locale, useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { MessageKey } from '../../platform/web/messages';
import type { Viewer } from '../auth';
import { CsrfField, ErrorSummary, ROLE_NAMES, SignOutForm } from './form-parts';

export interface AccountPageProps {
  viewer: Viewer;
  csrfToken: string;
  /** Just registered (greet them), or just saved their language. */
  notice: 'welcome' | 'localeSaved' | null;
  /** A refused language form. */
  errors: FormErrors;
}

/** Each language's name, as the reader's language writes it. */
const LANGUAGE_NAMES = { en: 'account.locale.en', zh: 'account.locale.zh' } as const satisfies Record<
  Locale,
  MessageKey
>;

export function AccountPage({ viewer, csrfToken, notice, errors }: AccountPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('account.page.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('account.page.title') }]}
    >
      <h1>{t('account.page.title')}</h1>
      {notice === 'welcome' && (
        <p class="notice" role="status">
          {t('account.page.welcome', { name: viewer.displayName })}
        </p>
      )}
      {notice === 'localeSaved' && (
        <p class="notice" role="status">
          {t('account.locale.saved', { language: t(LANGUAGE_NAMES[viewer.locale]) })}
        </p>
      )}
      <dl class="account-details">
        <dt>{t('account.field.displayName')}</dt>
        <dd>{viewer.displayName}</dd>
        <dt>{t('account.field.email')}</dt>
        <dd>{viewer.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(ROLE_NAMES[viewer.role])}</dd>
      </dl>
      <LocaleForm viewer={viewer} csrfToken={csrfToken} errors={errors} />
      {viewer.role === 'admin' && (
        <p>
          <a href={path('/admin/users')}>{t('account.page.adminLink')}</a>
        </p>
      )}
      {/* The privacy module's pages (PIPL): every account may take its data away or delete itself. */}
      <ul>
        <li>
          <a href={path('/account/export')}>{t('privacy.export.title')}</a>
        </li>
        <li>
          <a href={path('/account/delete')}>{t('privacy.delete.title')}</a>
        </li>
      </ul>
      <SignOutForm csrfToken={csrfToken} />
    </Layout>
  );
}

/** The language of the mail we send them; it changes only their own account (the form names none). */
function LocaleForm({ viewer, csrfToken, errors }: Omit<AccountPageProps, 'notice'>) {
  const { t, path } = useI18n();
  const error = errors.locale;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={path('/account/locale')} class="stacked-form">
        <CsrfField token={csrfToken} />
        <label for="account-locale">{t('account.locale.label')}</label>
        <p class="meta" id="account-locale-hint">
          {t('account.locale.hint')}
        </p>
        <select
          id="account-locale"
          name="locale"
          aria-describedby={error ? 'account-locale-hint account-locale-error' : 'account-locale-hint'}
          aria-invalid={error ? 'true' : undefined}
        >
          {LOCALES.map((locale) => (
            <option value={locale} selected={locale === viewer.locale}>
              {t(LANGUAGE_NAMES[locale])}
            </option>
          ))}
        </select>
        {error && (
          <p class="field-error" id="account-locale-error">
            {error}
          </p>
        )}
        <button type="submit">{t('account.locale.save')}</button>
      </form>
    </>
  );
}
