import { useI18n } from '../../platform/web/i18n';
import { Layout, Pagination } from '../../platform/web/layout';
import { REASON_MAX } from '../schemas';
import type { ApplicationService } from '../service';
import type { ApplicationStatus } from '../tables';
import { Notices, STATUS_LABELS, StatusBadge } from './parts';

export type ApplicantsPageProps = Awaited<ReturnType<ApplicationService['applicants']>> & {
  csrfToken: string;
  notice: string | null;
  error: string | null;
  /** The bulk "not a fit" message as sent (re-shown after a refusal), else the template. */
  message: string | null;
};

/** /employer/jobs/:id/applicants: applicants by stage, search, and "not a fit" for a selection. */
export function ApplicantsPage(props: ApplicantsPageProps) {
  const { job, counts, total, filter, page, pageCount, matching, moreThan, applicants, csrfToken, notice, error } =
    props;
  const { t, path, date } = useI18n();
  const base = `/employer/jobs/${job.id}/applicants`;
  const listPath = (stage: ApplicationStatus | null, p = 1) => {
    const query = new URLSearchParams();
    if (stage) query.set('stage', stage);
    if (filter.q) query.set('q', filter.q);
    if (p > 1) query.set('page', String(p));
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const title = t('applications.applicants.title', { title: job.title });
  return (
    <Layout
      title={title}
      noindex
      breadcrumbs={[
        { label: t('nav.employer'), href: '/employer' },
        { label: job.title, href: job.path },
        { label: t('applications.applicants.crumb') },
      ]}
    >
      <h1>{title}</h1>
      <Notices notice={notice} error={error} />
      <nav aria-label={t('applications.applicants.stages')}>
        <ul class="tags stages">
          <li>
            <a href={path(listPath(null))} aria-current={filter.stage === null ? 'page' : undefined}>
              {t('applications.applicants.all', { count: total })}
            </a>
          </li>
          {counts.map((c) => (
            <li>
              <a href={path(listPath(c.status))} aria-current={filter.stage === c.status ? 'page' : undefined}>
                {t('applications.applicants.stage', { stage: t(STATUS_LABELS[c.status]), count: c.count })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={path(base)} class="inline-form">
        {filter.stage && <input type="hidden" name="stage" value={filter.stage} />}
        <label for="applicants-q">{t('applications.applicants.search')}</label>
        <input id="applicants-q" type="search" name="q" value={filter.q} maxLength={100} />
        <button type="submit">{t('applications.applicants.searchButton')}</button>
      </form>
      <p class="meta">
        {moreThan
          ? t('applications.applicants.matchingMore', { count: matching })
          : t('applications.applicants.matching', { count: matching })}
      </p>
      {applicants.length === 0 ? (
        <p>{t('applications.applicants.none')}</p>
      ) : (
        <form method="post" action={path(`${base}/not-a-fit`)}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <table class="applicants">
            <thead>
              <tr>
                <th scope="col">{t('applications.applicants.select')}</th>
                <th scope="col">{t('applications.applicants.name')}</th>
                <th scope="col">{t('applications.applicants.status')}</th>
                <th scope="col">{t('applications.applicants.applied')}</th>
                <th scope="col">{t('applications.applicants.note')}</th>
              </tr>
            </thead>
            <tbody>
              {applicants.map((a) => (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={String(a.id)}
                      id={`select-${a.id}`}
                      aria-label={t('applications.applicants.selectOne', {
                        name: a.name ?? t('applications.deletedAccount'),
                      })}
                    />
                  </td>
                  <td>
                    <a href={path(`/employer/applications/${a.id}`)}>{a.name ?? t('applications.deletedAccount')}</a>
                    {a.fileName && <span class="meta"> · PDF</span>}
                  </td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>{date(a.appliedAt)}</td>
                  <td>{a.noteStart}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => listPath(filter.stage, p)} />
          <fieldset>
            <legend>{t('applications.bulk.legend')}</legend>
            <label for="bulk-message">{t('applications.bulk.message')}</label>
            <textarea id="bulk-message" name="message" rows={4} maxLength={REASON_MAX}>
              {props.message ?? t('applications.bulk.template', { title: job.title })}
            </textarea>
            <button type="submit">{t('applications.bulk.submit')}</button>
          </fieldset>
        </form>
      )}
    </Layout>
  );
}
