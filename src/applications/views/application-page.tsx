import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { PRIVATE_NOTE_MAX, REASON_MAX } from '../schemas';
import type { ApplicationService } from '../service';
import type { ApplicationStatus } from '../tables';
import { describedBy, FieldError, MOVE_LABELS, Notices, STATUS_LABELS, StatusBadge, useDateTime } from './parts';
import { ResumeView } from './resume-view';

export type ApplicationPageProps = Awaited<ReturnType<ApplicationService['open']>> & {
  csrfToken: string;
  notice: string | null;
  /** A refused move or note, by field (`form` above them). */
  errors: Record<string, string>;
  values: { reason: string; interviewAt: string; interviewPlace: string; body: string };
};

/** The form of one move: an interview asks when and where, not a fit an optional reason; others a button. */
function MoveForm(props: {
  id: number;
  to: ApplicationStatus;
  csrfToken: string;
  errors: Record<string, string>;
  values: ApplicationPageProps['values'];
  undo: boolean;
}) {
  const { id, to, csrfToken, errors, values, undo } = props;
  const { t, path } = useI18n();
  return (
    <form method="post" action={path(`/employer/applications/${id}/move`)} class="stacked-form move">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="to" value={to} />
      {to === 'interview' && !undo && (
        <>
          <label for="interview-at">{t('applications.move.interviewAt')}</label>
          <input
            id="interview-at"
            type="datetime-local"
            name="interviewAt"
            value={values.interviewAt}
            required
            aria-describedby={describedBy(errors, 'interviewAt')}
          />
          <FieldError errors={errors} field="interviewAt" />
          <label for="interview-place">{t('applications.move.interviewPlace')}</label>
          <input
            id="interview-place"
            name="interviewPlace"
            value={values.interviewPlace}
            maxLength={300}
            required
            aria-describedby={describedBy(errors, 'interviewPlace')}
          />
          <FieldError errors={errors} field="interviewPlace" />
        </>
      )}
      {to === 'rejected' && (
        <>
          <label for="reject-reason">{t('applications.move.reason')}</label>
          <textarea
            id="reject-reason"
            name="reason"
            rows={3}
            maxLength={REASON_MAX}
            aria-describedby={describedBy(errors, 'reason')}
          >
            {values.reason}
          </textarea>
          <FieldError errors={errors} field="reason" />
        </>
      )}
      <button type="submit">
        {undo || !MOVE_LABELS[to] ? t('applications.move.undo', { stage: t(STATUS_LABELS[to]) }) : t(MOVE_LABELS[to])}
      </button>
    </form>
  );
}

/** /employer/applications/:id: the résumé as sent, the note, moves, private notes and the history. */
export function ApplicationPage(props: ApplicationPageProps) {
  const {
    id,
    job,
    name,
    forgotten,
    blocked,
    status,
    appliedAt,
    profile,
    file,
    note,
    interview,
    reason,
    moves,
    undoUntil,
  } = props;
  const { events, notes, csrfToken, notice, errors, values } = props;
  const { t, path, date } = useI18n();
  const dateTime = useDateTime();
  const who = name ?? t('applications.deletedAccount');
  return (
    <Layout
      title={t('applications.detail.title', { name: who })}
      noindex
      breadcrumbs={[
        { label: t('nav.employer'), href: '/employer' },
        { label: job.title, href: `/employer/jobs/${job.id}/applicants` },
        { label: who },
      ]}
    >
      <h1>{t('applications.detail.title', { name: who })}</h1>
      <Notices notice={notice} error={errors.form ?? null} />
      <p>
        <StatusBadge status={status} /> · {t('applications.mine.applied', { date: date(appliedAt) })} ·{' '}
        {job.path ? <a href={path(job.path)}>{job.title}</a> : job.title}
      </p>
      {interview && status === 'interview' && (
        <p class="interview">{t('applications.mine.interview', { time: interview.at, place: interview.place })}</p>
      )}
      {status === 'rejected' && reason && <p>{t('applications.mine.reason', { reason })}</p>}
      {forgotten && <p class="notice">{t('applications.detail.forgotten')}</p>}
      {blocked && <p class="notice">{t('applications.detail.blocked')}</p>}
      {note && (
        <section>
          <h2>{t('applications.detail.note')}</h2>
          <p class="pre-line">{note}</p>
        </section>
      )}
      {file && (
        <p>
          <a href={path(`/employer/applications/${id}/file`)} download>
            {t('applications.detail.file', { name: file.name })}
          </a>
        </p>
      )}
      {profile && <ResumeView profile={profile} places={props.places} />}
      {moves.length > 0 && (
        <section>
          <h2>{t('applications.detail.moves')}</h2>
          {undoUntil && <p class="meta">{t('applications.detail.undoUntil', { time: dateTime(undoUntil) })}</p>}
          {moves.map((to) => (
            <MoveForm
              id={id}
              to={to}
              csrfToken={csrfToken}
              errors={errors}
              values={values}
              undo={status === 'rejected'}
            />
          ))}
        </section>
      )}
      <section>
        <h2>{t('applications.detail.notes')}</h2>
        <p class="meta">{t('applications.detail.notesPrivate')}</p>
        <ul>
          {notes.map((n) => (
            <li>
              <p class="pre-line">{n.body}</p>
              <p class="meta">
                {n.author} · {dateTime(n.at)}
              </p>
            </li>
          ))}
        </ul>
        <form method="post" action={path(`/employer/applications/${id}/notes`)} class="stacked-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <label for="private-note">{t('applications.detail.addNote')}</label>
          <textarea
            id="private-note"
            name="body"
            rows={3}
            maxLength={PRIVATE_NOTE_MAX}
            required
            aria-describedby={describedBy(errors, 'body')}
          >
            {values.body}
          </textarea>
          <FieldError errors={errors} field="body" />
          <button type="submit">{t('applications.detail.saveNote')}</button>
        </form>
      </section>
      <section>
        <h2>{t('applications.history')}</h2>
        <ol class="history">
          {events.map((e) => (
            <li>
              {dateTime(e.at)} · {e.from ? `${t(STATUS_LABELS[e.from])} → ` : ''}
              {t(STATUS_LABELS[e.to])} ·{' '}
              {e.side === 'seeker' ? t('applications.detail.bySeeker') : e.by || t('applications.deletedAccount')}
              {e.reason && <> · {e.reason}</>}
              {e.interviewAt && (
                <> · {t('applications.mine.interview', { time: e.interviewAt, place: e.interviewPlace ?? '' })}</>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
