import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { ApplicationService } from '../service';
import { Notices, STATUS_LABELS, StatusBadge } from './parts';

export interface MyApplicationsPageProps {
  applications: Awaited<ReturnType<ApplicationService['myApplications']>>;
  csrfToken: string;
  notice: string | null;
  error: string | null;
}

/** /account/applications: every application, where it stands in words people know, with dates and details. */
export function MyApplicationsPage({ applications, csrfToken, notice, error }: MyApplicationsPageProps) {
  const { t, path, date } = useI18n();
  return (
    <Layout
      title={t('applications.mine.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('applications.mine.title') }]}
    >
      <h1>{t('applications.mine.title')}</h1>
      <Notices notice={notice} error={error} />
      {applications.length === 0 ? (
        <p>
          {t('applications.mine.empty')} <a href={path('/jobs')}>{t('jobs.search.title')}</a>
        </p>
      ) : (
        <ul class="question-list applications">
          {applications.map((a) => (
            <li id={`application-${a.id}`}>
              <h2>{a.job.path ? <a href={path(a.job.path)}>{a.job.title}</a> : a.job.title}</h2>
              <p class="meta">
                {a.company && <a href={path(a.company.path)}>{a.company.name}</a>}
                {a.company && ' · '}
                {t('applications.mine.applied', { date: date(a.appliedAt) })}
              </p>
              <p>
                <StatusBadge status={a.status} />{' '}
                {a.status !== 'submitted' && t('applications.mine.since', { date: date(a.changedAt) })}
              </p>
              {a.interview && (
                <p class="interview">
                  {t('applications.mine.interview', { time: a.interview.at, place: a.interview.place })}
                </p>
              )}
              {a.status === 'rejected' && (
                <p>
                  {a.reason ? t('applications.mine.reason', { reason: a.reason }) : t('applications.mine.noReason')}
                </p>
              )}
              <details>
                <summary>{t('applications.history')}</summary>
                <ol>
                  {a.history.map((e) => (
                    <li>
                      {date(e.at)}: {t(STATUS_LABELS[e.to])}
                    </li>
                  ))}
                </ol>
              </details>
              {a.mayWithdraw && (
                <form method="post" action={path(`/account/applications/${a.id}/withdraw`)}>
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit" class="secondary">
                    {t('applications.withdraw')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
