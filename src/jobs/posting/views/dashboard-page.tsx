import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { formatSalary } from '../../salary';
import { VALID_DAYS } from '../../schemas';
import type { JobState } from '../expiry';
import type { PostingService } from '../service';
import { STATE_LABELS, titleFor } from './labels';

type Dashboard = Awaited<ReturnType<PostingService['dashboard']>>;
type DashboardJob = Dashboard[number]['jobs'][number];

export interface DashboardPageProps {
  companies: Dashboard;
  csrfToken: string;
  /** What the last action did, in the reader's words. */
  notice: string | null;
  /** Why the last action was refused. */
  error: string | null;
}

/** The actions a job in this state offers its employer (each a small form: they change things). */
const ACTIONS: Record<JobState, ('submit' | 'pause' | 'resume' | 'close' | 'renew')[]> = {
  draft: ['submit', 'close'],
  rejected: ['submit', 'close'],
  pending: ['close'],
  published: ['pause', 'renew', 'close'],
  expired: ['renew', 'close'],
  paused: ['resume', 'close'],
  closed: [],
};

function JobActions({ item, csrfToken }: { item: DashboardJob; csrfToken: string }) {
  const { t, path } = useI18n();
  const id = item.job.id;
  const label = {
    submit: t('employer.action.submit'),
    pause: t('employer.action.pause'),
    resume: t('employer.action.resume'),
    close: t('employer.action.close'),
    renew: t('employer.action.renew'),
  };
  return (
    <div class="button-row">
      {item.state !== 'closed' && <a href={path(`/employer/jobs/${id}/edit`)}>{t('employer.action.edit')}</a>}
      {/* The applications module's list of this job's applicants (a job once approved can have some). */}
      {['published', 'paused', 'closed', 'expired'].includes(item.state) && (
        <a href={path(`/employer/jobs/${id}/applicants`)}>{t('employer.action.applicants')}</a>
      )}
      {ACTIONS[item.state].map((action) => (
        <form method="post" action={path(`/employer/jobs/${id}/${action}`)}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {action === 'renew' && (
            <label>
              {t('employer.action.renewDays')}{' '}
              <input
                type="number"
                name="days"
                min={VALID_DAYS.min}
                max={VALID_DAYS.max}
                value={String(item.job.valid_days)}
                size={3}
              />
            </label>
          )}{' '}
          <button type="submit" class="link-button">
            {label[action]}
          </button>
        </form>
      ))}
    </div>
  );
}

function JobRow({ item, csrfToken }: { item: DashboardJob; csrfToken: string }) {
  const { t, date, locale } = useI18n();
  const { job } = item;
  const title = titleFor(job, locale);
  const salary = { min: job.salary_min, max: job.salary_max, months: job.salary_months };
  return (
    <li>
      <strong lang={title.lang === locale ? undefined : HTML_LANG[title.lang]}>{title.text}</strong>{' '}
      <span class="badge">{t(STATE_LABELS[item.state])}</span>
      <p class="meta">
        {formatSalary(locale, salary)}
        {job.valid_through && (item.state === 'published' || item.state === 'paused') && (
          <> · {t('employer.dashboard.validThrough', { date: date(job.valid_through) })}</>
        )}
        {item.state === 'expired' && job.valid_through && (
          <> · {t('employer.dashboard.expiredOn', { date: date(job.valid_through) })}</>
        )}
      </p>
      {item.pendingEdit && <p class="meta">{t('employer.dashboard.pendingEdit')}</p>}
      {job.decision_reason && (item.state === 'rejected' || !item.pendingEdit) && (
        <p class="notice">
          {item.state === 'rejected'
            ? t('employer.dashboard.rejected', { reason: job.decision_reason })
            : t('employer.dashboard.editRejected', { reason: job.decision_reason })}
        </p>
      )}
      <JobActions item={item} csrfToken={csrfToken} />
    </li>
  );
}

export function DashboardPage({ companies, csrfToken, notice, error }: DashboardPageProps) {
  const { t, path, locale } = useI18n();
  return (
    <Layout
      title={t('employer.dashboard.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('employer.dashboard.title') }]}
    >
      <h1>{t('employer.dashboard.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {companies.length === 0 && <p>{t('employer.dashboard.noCompany')}</p>}
      <p>
        <a class="button" href={path('/employer/companies/new')}>
          {t('employer.dashboard.createCompany')}
        </a>
      </p>
      {companies.map(({ company, jobs }) => (
        <section aria-labelledby={`company-${company.id}`}>
          <h2 id={`company-${company.id}`}>
            {locale === 'zh' ? company.nameZh : company.nameEn}{' '}
            <span class="badge">
              {company.verified ? t('employer.dashboard.verified') : t('employer.dashboard.notVerified')}
            </span>
          </h2>
          {!company.verified && <p class="meta">{t('employer.dashboard.verifyFirst')}</p>}
          <p>
            <a class="button" href={path(`/employer/jobs/new?company=${company.id}`)}>
              {t('employer.dashboard.newJob')}
            </a>
          </p>
          {jobs.length === 0 ? (
            <p>{t('employer.dashboard.noJobs')}</p>
          ) : (
            <ul class="question-list">
              {jobs.map((item) => (
                <JobRow item={item} csrfToken={csrfToken} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>
  );
}
