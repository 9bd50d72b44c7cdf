import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { renderMarkdown } from '../../../platform/web/markdown';
import type { BenefitTag } from '../../benefits';
import type { ReportReason } from '../../tables';
import type { PostingService } from '../service';
import { FACT_ROWS, factText, OtherFacts } from './facts';
import { EVENT_LABELS, REPORT_REASON_LABELS, STATE_LABELS, titleFor } from './labels';

type Queue = Awaited<ReturnType<PostingService['queue']>>;
type ModeratedJob = Awaited<ReturnType<PostingService['jobForModeration']>>;

function JobLink({ id, jobs }: { id: number; jobs: Queue['jobs'] }) {
  const { path, locale } = useI18n();
  const job = jobs.get(id);
  const title = job ? titleFor(job, locale) : { text: `#${id}`, lang: locale };
  return (
    <a href={path(`/moderation/jobs/${id}`)} lang={title.lang === locale ? undefined : HTML_LANG[title.lang]}>
      {title.text}
    </a>
  );
}

export function ModerationQueuePage({ queue, notice }: { queue: Queue; notice: string | null }) {
  const { t, date, locale } = useI18n();
  const companyName = (jobId: number) => {
    const company = queue.companies.get(queue.jobs.get(jobId)?.company_id ?? -1);
    return company ? (locale === 'zh' ? company.nameZh : company.nameEn) : '';
  };
  return (
    <Layout
      title={t('jobModeration.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('jobModeration.title') }]}
    >
      <h1>{t('jobModeration.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t('jobModeration.pending', { count: queue.pending.length })}</h2>
        {queue.pending.length === 0 ? (
          <p>{t('jobModeration.nothing')}</p>
        ) : (
          <ul>
            {queue.pending.map((job) => (
              <li>
                <JobLink id={job.id} jobs={queue.jobs} />{' '}
                <span class="meta">
                  {companyName(job.id)} · {t('jobModeration.submittedOn', { date: date(job.updated_at) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="edits-heading">
        <h2 id="edits-heading">{t('jobModeration.edits', { count: queue.edits.length })}</h2>
        {queue.edits.length === 0 ? (
          <p>{t('jobModeration.nothing')}</p>
        ) : (
          <ul>
            {queue.edits.map((edit) => (
              <li>
                <JobLink id={edit.job_id} jobs={queue.jobs} />{' '}
                <span class="meta">
                  {companyName(edit.job_id)} · {t('jobModeration.submittedOn', { date: date(edit.submitted_at) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('jobModeration.reports', { count: queue.reports.length })}</h2>
        {queue.reports.length === 0 ? (
          <p>{t('jobModeration.nothing')}</p>
        ) : (
          <ul>
            {queue.reports.map((report) => (
              <li>
                <JobLink id={report.job_id} jobs={queue.jobs} />{' '}
                <span class="meta">
                  {t(REPORT_REASON_LABELS[report.reason])} · {date(report.created_at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

function ReasonForm({
  action,
  label,
  csrfToken,
  error,
}: {
  action: string;
  label: string;
  csrfToken: string;
  error?: string;
}) {
  const { t, path } = useI18n();
  const id = `reason-${action.replace(/\W+/g, '-')}`;
  return (
    <form method="post" action={path(action)} class="stacked-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <label for={id}>{t('jobModeration.reason')}</label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={1000}
        required
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <button type="submit">{label}</button>
    </form>
  );
}

/** A description as readers will see it (sanitised markdown); other facts as text. */
function FactCell({ text, markdown }: { text: string; markdown?: boolean }) {
  return markdown ? <td dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} /> : <td>{text}</td>;
}

function PostButton({ action, label, csrfToken }: { action: string; label: string; csrfToken: string }) {
  const { path } = useI18n();
  return (
    <form method="post" action={path(action)}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit">{label}</button>
    </form>
  );
}

export interface ModerationJobPageProps {
  item: ModeratedJob;
  benefits: BenefitTag[];
  csrfToken: string;
  /** A refusal to show: on the form it came from (`reject`, `editReject`) or above all. */
  errors: Record<string, string>;
}

export function ModerationJobPage({ item, benefits, csrfToken, errors }: ModerationJobPageProps) {
  const i18n = useI18n();
  const { t, date, locale } = i18n;
  const { job, live, edit, events, reports, company } = item;
  const title = titleFor(job, locale);
  const facts = { regions: item.regions, benefits };
  const base = `/moderation/jobs/${job.id}`;
  // A report's events keep the report's reason (a key of REPORT_REASONS); other events the moderator's words.
  const eventReason = (action: string, reason: string) =>
    action.startsWith('report-') && reason in REPORT_REASON_LABELS
      ? t(REPORT_REASON_LABELS[reason as ReportReason])
      : reason;
  return (
    <Layout
      title={title.text}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('jobModeration.title'), href: '/moderation/jobs' },
        { label: title.text },
      ]}
    >
      <h1 lang={title.lang === locale ? undefined : HTML_LANG[title.lang]}>{title.text}</h1>
      <p class="meta">
        <span class="badge">{t(STATE_LABELS[item.state])}</span>{' '}
        {company && (locale === 'zh' ? company.nameZh : company.nameEn)}{' '}
        {company && !company.verified && t('employer.dashboard.notVerified')}
      </p>
      {errors.form && (
        <p class="notice" role="alert">
          {errors.form}
        </p>
      )}
      <OtherFacts job={live} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('jobModeration.field')}</th>
            <th scope="col">{edit ? t('jobModeration.before') : t('jobModeration.value')}</th>
            {edit && <th scope="col">{t('jobModeration.after')}</th>}
          </tr>
        </thead>
        <tbody>
          {FACT_ROWS.map((row) => {
            const changed = edit !== null && row.fields.some((name) => edit.changed.includes(name));
            return (
              <tr class={changed ? 'changed' : undefined}>
                <th scope="row">
                  {t(row.label)}
                  {changed && ` (${t('jobModeration.changed')})`}
                </th>
                <FactCell text={factText(i18n, row, live, facts)} markdown={row.markdown} />
                {edit && <FactCell text={factText(i18n, row, edit.fields, facts)} markdown={row.markdown} />}
              </tr>
            );
          })}
        </tbody>
      </table>

      {job.status === 'pending' && (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t('jobModeration.decide')}</h2>
          <PostButton action={`${base}/approve`} label={t('jobModeration.approve')} csrfToken={csrfToken} />
          <ReasonForm
            action={`${base}/reject`}
            label={t('jobModeration.reject')}
            csrfToken={csrfToken}
            error={errors.reject}
          />
        </section>
      )}
      {edit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('jobModeration.decideEdit', { date: date(edit.submittedAt) })}</h2>
          <PostButton action={`${base}/edits/approve`} label={t('jobModeration.approveEdit')} csrfToken={csrfToken} />
          <ReasonForm
            action={`${base}/edits/reject`}
            label={t('jobModeration.rejectEdit')}
            csrfToken={csrfToken}
            error={errors.editReject}
          />
        </section>
      )}
      {reports.length > 0 && (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t('jobModeration.reports', { count: reports.length })}</h2>
          <ul>
            {reports.map((report) => (
              <li>
                {t(REPORT_REASON_LABELS[report.reason])} · {date(report.created_at)}
                {report.details && (
                  <blockquote>
                    {report.details.split('\n').map((line) => (
                      <>
                        {line}
                        <br />
                      </>
                    ))}
                  </blockquote>
                )}
                {report.status === 'open' ? (
                  <div class="button-row">
                    <PostButton
                      action={`/moderation/jobs/reports/${report.id}/uphold`}
                      label={t('jobModeration.uphold')}
                      csrfToken={csrfToken}
                    />
                    <PostButton
                      action={`/moderation/jobs/reports/${report.id}/dismiss`}
                      label={t('jobModeration.dismiss')}
                      csrfToken={csrfToken}
                    />
                  </div>
                ) : (
                  <p class="meta">
                    {report.status === 'upheld' ? t('jobModeration.upheld') : t('jobModeration.dismissed')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('jobModeration.history')}</h2>
        <ol>
          {events.map((event) => (
            <li>
              {t('jobModeration.eventLine', {
                what: EVENT_LABELS[event.action] ? t(EVENT_LABELS[event.action]!) : event.action,
                who: event.actor ?? t('jobModeration.nobody'),
                when: date(event.at),
              })}
              {event.reason && <> — {eventReason(event.action, event.reason)}</>}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
