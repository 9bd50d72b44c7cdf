import { useI18n } from '../../../platform/web/i18n';
import { AnswerEditorPage, type AnswerEditorPageProps } from '../../answering/views/answer-editor-page';

/**
 * The expert's answer form (AnswerEditorPage) as the editors' form for a published answer: its own title, a
 * required note that goes into the revision history, and a submit button that says it publishes. Both forms keep
 * one set of fields.
 */
export function RevisionEditorPage(props: AnswerEditorPageProps & { note: string }) {
  const { t } = useI18n();
  const title = t('revisions.editTitle');
  return (
    <AnswerEditorPage
      {...props}
      title={title}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: props.question.title, href: props.question.path },
        { label: title },
      ]}
      extraFields={
        <>
          <label for="note">{t('revisions.noteLabel')}</label>
          <input id="note" name="note" value={props.note} required maxLength={500} />
        </>
      }
      submitLabel={t('revisions.publish')}
    />
  );
}
