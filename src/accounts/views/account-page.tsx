import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import type { Viewer } from '../auth';
import { SignOutForm } from './form-parts';

export interface AccountPageProps {
  viewer: Viewer;
  csrfToken: string;
  /** Just registered: greet them. */
  welcome: boolean;
}

export function AccountPage({ viewer, csrfToken, welcome }: AccountPageProps) {
  return (
    <Layout
      title={t('account.page.title')}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('account.page.title') }]}
    >
      <h1>{t('account.page.title')}</h1>
      {welcome && (
        <p class="notice" role="status">
          {t('account.page.welcome', { name: viewer.displayName })}
        </p>
      )}
      <dl class="account-details">
        <dt>{t('account.field.displayName')}</dt>
        <dd>{viewer.displayName}</dd>
        <dt>{t('account.field.email')}</dt>
        <dd>{viewer.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`account.role.${viewer.role}`)}</dd>
      </dl>
      {viewer.role === 'admin' && (
        <p>
          <a href="/admin/users">{t('account.page.adminLink')}</a>
        </p>
      )}
      <SignOutForm csrfToken={csrfToken} />
    </Layout>
  );
}
