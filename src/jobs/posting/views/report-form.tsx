/**
 * "Report this job": the form the job page includes (board/), and the pages of its own route — the form again
 * when the input is refused, and the thanks.
 */
import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { REPORT_DETAILS_MAX } from '../../schemas';
import { REPORT_REASONS } from '../../tables';
import { REPORT_REASON_LABELS } from './labels';

export interface ReportFormProps {
  jobId: number;
  csrfToken: string;
  values?: { reason: string; details: string };
  errors?: Record<string, string>;
}

/** The report form, for the job page (it posts to /jobs/:id/report; works without JavaScript). */
export function ReportForm({ jobId, csrfToken, values = { reason: '', details: '' }, errors = {} }: ReportFormProps) {
  const { t, path } = useI18n();
  const error = (name: string) =>
    errors[name] ? (
      <p class="field-error" id={`report-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <form method="post" action={path(`/jobs/${jobId}/report`)} class="stacked-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <fieldset aria-describedby={errors.reason ? 'report-reason-error' : undefined}>
        <legend>{t('employer.report.why')}</legend>
        {REPORT_REASONS.map((reason) => (
          <label class="checkbox">
            <input type="radio" name="reason" value={reason} checked={values.reason === reason} required />{' '}
            {t(REPORT_REASON_LABELS[reason])}
          </label>
        ))}
        {error('reason')}
      </fieldset>
      <label for={`report-details-${jobId}`}>{t('employer.report.details')}</label>
      <textarea
        id={`report-details-${jobId}`}
        name="details"
        rows={4}
        maxLength={REPORT_DETAILS_MAX}
        aria-describedby={errors.details ? 'report-details-error' : undefined}
      >
        {values.details}
      </textarea>
      {error('details')}
      <button type="submit">{t('employer.report.send')}</button>
    </form>
  );
}

export function ReportPage(props: ReportFormProps & { title: string }) {
  const { t } = useI18n();
  const errors = props.errors ?? {};
  return (
    <Layout
      title={t('employer.report.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('employer.report.title') }]}
    >
      <h1>{t('employer.report.title')}</h1>
      <p class="lead">{props.title}</p>
      {Object.keys(errors).length > 0 && (
        <p class="notice" role="alert">
          {errors.form ?? t('employer.error.fix')}
        </p>
      )}
      <ReportForm {...props} />
    </Layout>
  );
}

export function ReportThanksPage({ jobPath }: { jobPath: string }) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('employer.report.thanksTitle')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('employer.report.thanksTitle') }]}
    >
      <h1>{t('employer.report.thanksTitle')}</h1>
      <p>{t('employer.report.thanks')}</p>
      <p>
        <a href={path(jobPath)}>{t('employer.report.back')}</a>
      </p>
    </Layout>
  );
}
