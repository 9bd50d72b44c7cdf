import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';

export interface DeletePageProps {
  csrfToken: string;
  errors: Record<string, string>;
}

/** /account/delete: what deleting does, and the password that confirms it. */
export function DeletePage({ csrfToken, errors }: DeletePageProps) {
  const { t, path } = useI18n();
  const error = errors.password ?? errors.form;
  return (
    <Layout
      title={t('privacy.delete.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('account.page.title'), href: '/account' },
        { label: t('privacy.delete.title') },
      ]}
    >
      <h1>{t('privacy.delete.title')}</h1>
      <p class="lead">{t('privacy.delete.lead')}</p>
      <ul>
        <li>{t('privacy.delete.resume')}</li>
        <li>{t('privacy.delete.applications')}</li>
        <li>{t('privacy.delete.contributions')}</li>
      </ul>
      <p>
        {t('privacy.delete.exportFirst')} <a href={path('/account/export')}>{t('privacy.export.title')}</a>
      </p>
      <form method="post" action={path('/account/delete')} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="delete-password">{t('privacy.delete.password')}</label>
        <input
          id="delete-password"
          type="password"
          name="password"
          required
          autocomplete="current-password"
          aria-describedby={error ? 'password-error' : undefined}
          aria-invalid={error ? 'true' : undefined}
        />
        {error && (
          <p class="field-error" id="password-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('privacy.delete.submit')}</button>
      </form>
    </Layout>
  );
}

/** After the deletion: the visitor is signed out, the account gone. */
export function DeletedPage() {
  const { t } = useI18n();
  return (
    <Layout title={t('privacy.deleted.title')} noindex>
      <h1>{t('privacy.deleted.title')}</h1>
      <p>{t('privacy.deleted.body')}</p>
    </Layout>
  );
}
