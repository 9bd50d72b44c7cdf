import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { NOTE_MAX } from '../schemas';
import type { ApplicationService } from '../service';
import { describedBy, FieldError, StatusBadge } from './parts';

export type ApplyPageProps = Awaited<ReturnType<ApplicationService['applyPage']>> & {
  csrfToken: string;
  values: { resume: string; note: string };
  errors: Record<string, string>;
};

/** GET /jobs/:id/apply: the seeker picks the profile alone or a PDF, adds a note, and applies (no JS needed). */
export function ApplyPage(props: ApplyPageProps) {
  const { job, company, existing, choices, blocked, csrfToken, values, errors } = props;
  const { t, path, date } = useI18n();
  const title = t('applications.apply.title', { title: job.title });
  const canApply = job.open && !existing && !blocked && choices.hasProfile;
  return (
    <Layout
      title={title}
      noindex
      breadcrumbs={[
        { label: t('jobs.search.title'), href: '/jobs' },
        { label: job.title, href: job.path },
        { label: t('applications.apply.crumb') },
      ]}
    >
      <h1>{title}</h1>
      {company && (
        <p class="meta">
          <a href={path(company.path)}>{company.name}</a>
        </p>
      )}
      {errors.form && (
        <p class="notice error" role="alert">
          {errors.form}
        </p>
      )}
      {existing ? (
        <p class="notice" role="status">
          {t('applications.apply.already', { date: date(existing.at) })} <StatusBadge status={existing.status} />{' '}
          <a href={path('/account/applications')}>{t('applications.mine.title')}</a>
        </p>
      ) : !job.open ? (
        <p class="notice" role="status">
          {t('applications.error.jobNotOpen')}
        </p>
      ) : blocked ? (
        <p class="notice" role="status">
          {t('applications.error.blocked')} <a href={path('/account/resume')}>{t('applications.apply.resumeLink')}</a>
        </p>
      ) : !choices.hasProfile ? (
        <p class="notice" role="status">
          {t('applications.error.noProfile')} <a href={path('/account/resume')}>{t('applications.apply.resumeLink')}</a>
        </p>
      ) : null}
      {canApply && (
        <form method="post" action={path(`/jobs/${job.id}/apply`)} class="stacked-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <fieldset aria-describedby={describedBy(errors, 'resume')}>
            <legend>{t('applications.apply.resume')}</legend>
            <label>
              <input type="radio" name="resume" value="profile" checked={values.resume === 'profile'} />{' '}
              {t('applications.apply.profileOnly')}
            </label>
            {choices.files.map((file) => (
              <label>
                <input type="radio" name="resume" value={file.id} checked={values.resume === file.id} />{' '}
                {t('applications.apply.withFile', { name: file.name })}
              </label>
            ))}
            <p class="meta">
              <a href={path('/account/resume')}>{t('applications.apply.resumeLink')}</a>
            </p>
          </fieldset>
          <FieldError errors={errors} field="resume" />
          <label for="apply-note">{t('applications.apply.note')}</label>
          <textarea
            id="apply-note"
            name="note"
            rows={5}
            maxLength={NOTE_MAX}
            aria-describedby={describedBy(errors, 'note')}
          >
            {values.note}
          </textarea>
          <p class="meta">{t('applications.apply.noteHint', { max: NOTE_MAX })}</p>
          <FieldError errors={errors} field="note" />
          <button type="submit">{t('applications.apply.submit')}</button>
        </form>
      )}
    </Layout>
  );
}
