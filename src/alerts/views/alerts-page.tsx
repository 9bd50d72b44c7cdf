import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { AlertService } from '../service';

export type AlertsNotice = 'saved' | 'deleted';

export type AlertsPageProps = Awaited<ReturnType<AlertService['listFor']>> & {
  csrfToken: string;
  notice: AlertsNotice | null;
  /** Why a save was refused, in the reader's words. */
  error: string | null;
};

const NOTICES = { saved: 'alerts.saved', deleted: 'alerts.deleted' } as const;

/** /account/alerts: the viewer's saved searches, each linking back to its search, with its new jobs and delete. */
export function AlertsPage({ items, max, csrfToken, notice, error }: AlertsPageProps) {
  const { t, path, date } = useI18n();
  return (
    <Layout
      title={t('alerts.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('alerts.title') }]}
    >
      <h1>{t('alerts.title')}</h1>
      <p class="lead">{t('alerts.lead')}</p>
      {notice && (
        <p class="notice" role="status">
          {t(NOTICES[notice])}
        </p>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('alerts.empty')}</p>
      ) : (
        <>
          <p class="meta">{t('alerts.count', { count: items.length, max })}</p>
          <ul class="saved-searches">
            {items.map((item) => (
              <li>
                <h2>
                  <a href={path(item.path)}>{item.name}</a>
                </h2>
                {item.summary !== null && item.summary !== item.name && <p>{item.summary}</p>}
                <p class="meta">
                  {item.newCount === null
                    ? t('alerts.broken')
                    : item.moreThanShown
                      ? t('alerts.newCountMore', { count: item.newCount, date: date(item.lastRunAt) })
                      : t('alerts.newCount', { count: item.newCount, date: date(item.lastRunAt) })}
                  {' · '}
                  {t('alerts.savedOn', { date: date(item.savedAt) })}
                </p>
                <form method="post" action={path(`/account/alerts/${item.id}/delete`)}>
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit" aria-label={t('alerts.deleteLabel', { name: item.name })}>
                    {t('alerts.delete')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {t('alerts.howTo')} <a href={path('/jobs')}>{t('alerts.goToJobs')}</a>
      </p>
    </Layout>
  );
}
