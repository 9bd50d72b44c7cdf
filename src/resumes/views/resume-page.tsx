import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { ResumeFileSummary } from '../model';
import { FileSize } from './parts';
import { ProfileForm, type ProfileFormProps } from './profile-form';

export type ResumeNotice = 'saved' | 'uploaded' | 'fileDeleted' | null;

export interface ResumePageProps {
  form: ProfileFormProps;
  files: ResumeFileSummary[];
  maxFiles: number;
  /** The upload form's refusal, shown beside its file field. */
  uploadError: string | null;
  notice: ResumeNotice;
}

const NOTICES = {
  saved: 'resume.notice.saved',
  uploaded: 'resume.notice.uploaded',
  fileDeleted: 'resume.notice.fileDeleted',
} as const;

/** The seeker's résumé: the structured profile, their PDF files, and where their data and blocks are. */
export function ResumePage({ form, files, maxFiles, uploadError, notice }: ResumePageProps) {
  const { t, path, date } = useI18n();
  return (
    <Layout
      title={t('resume.page.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('account.page.title'), href: '/account' },
        { label: t('resume.page.title') },
      ]}
    >
      <h1>{t('resume.page.title')}</h1>
      <p class="lead">{t('resume.page.lead')}</p>
      {notice && (
        <p class="notice" role="status">
          {t(NOTICES[notice])}
        </p>
      )}
      <ProfileForm {...form} />

      <h2 id="files">{t('resume.files.title')}</h2>
      <p class="meta">{t('resume.files.rules', { max: maxFiles, size: 5 })}</p>
      {files.length === 0 ? (
        <p>{t('resume.files.none')}</p>
      ) : (
        <ul class="question-list">
          {files.map((file) => (
            <li>
              <a href={path(`/account/resume/files/${file.id}`)}>{file.name}</a>{' '}
              <span class="meta">
                <FileSize bytes={file.size} /> · {date(file.uploadedAt)}
              </span>
              <form method="post" action={path(`/account/resume/files/${file.id}/delete`)}>
                <input type="hidden" name="_csrf" value={form.csrfToken} />
                <button type="submit" class="link-button">
                  {t('resume.files.delete', { name: file.name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {files.length < maxFiles && (
        <form method="post" action={path('/account/resume/files')} enctype="multipart/form-data" class="stacked-form">
          {/* Before the file: the server reads the token before the file's bytes. */}
          <input type="hidden" name="_csrf" value={form.csrfToken} />
          <label for="resume-file">{t('resume.files.choose')}</label>
          <input
            id="resume-file"
            type="file"
            name="file"
            accept="application/pdf,.pdf"
            required
            aria-describedby={uploadError ? 'file-error' : undefined}
            aria-invalid={uploadError ? 'true' : undefined}
          />
          {uploadError && (
            <p class="field-error" id="file-error" role="alert">
              {uploadError}
            </p>
          )}
          <button type="submit">{t('resume.files.upload')}</button>
        </form>
      )}

      <h2>{t('resume.page.privacy')}</h2>
      <ul>
        <li>
          <a href={path('/account/blocked-companies')}>{t('resume.blocked.title')}</a> — {t('resume.page.blockedHint')}
        </li>
        <li>
          <a href={path('/account/export')}>{t('resume.page.exportLink')}</a>
        </li>
        <li>
          <a href={path('/account/delete')}>{t('resume.page.deleteLink')}</a>
        </li>
      </ul>
    </Layout>
  );
}
