import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';

export interface ExportPageProps {
  csrfToken: string;
  /** What the archive holds besides the account (each module's part, by name). */
  parts: string[];
}

/** /account/export: what the download holds, and the button that makes it. */
export function ExportPage({ csrfToken, parts }: ExportPageProps) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('privacy.export.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('account.page.title'), href: '/account' },
        { label: t('privacy.export.title') },
      ]}
    >
      <h1>{t('privacy.export.title')}</h1>
      <p class="lead">{t('privacy.export.lead')}</p>
      <p>{t('privacy.export.contents')}</p>
      <ul>
        <li>
          <code>data.json</code> — {t('privacy.export.json', { parts: ['account', ...parts].join(', ') })}
        </li>
        <li>
          <code>files/</code> — {t('privacy.export.files')}
        </li>
      </ul>
      <form method="post" action={path('/account/export')} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit">{t('privacy.export.download')}</button>
      </form>
      <p>
        <a href={path('/account/delete')}>{t('privacy.delete.title')}</a>
      </p>
    </Layout>
  );
}
