import { type ComponentChildren, cloneElement, toChildArray, type VNode } from 'preact';
import type { LayoutProps } from '../../../platform/web/layout';
import { t } from '../../../platform/web/messages';
import { AnswerEditorPage, type AnswerEditorPageProps } from '../../answering/views/answer-editor-page';

type Element = VNode<{ class?: string; value?: string; children?: ComponentChildren }>;
const isElement = (node: unknown, type: string): node is Element =>
  typeof node === 'object' && node !== null && (node as VNode).type === type;

/**
 * The expert's answer form (AnswerEditorPage, used as it is) turned into the editors' form for a
 * published answer: its own title, a required note that goes into the revision history, and a submit
 * button that says it publishes. The form is reshaped as a tree rather than copied so both forms keep
 * one set of fields. If AnswerEditorPage loses the shape this relies on (a form with a .button-row),
 * this throws at once rather than serve a form whose posts would all be refused for a missing note.
 * A better shape, when that file may change: give AnswerEditorPage `title`, `extraFields` and `submitLabel` props.
 */
export function RevisionEditorPage(props: AnswerEditorPageProps & { note: string }): VNode {
  const page = AnswerEditorPage(props) as VNode<LayoutProps>;
  const title = t('revisions.editTitle');
  let noteAdded = false;
  const noteField = (
    <>
      <label for="note">{t('revisions.noteLabel')}</label>
      <input id="note" name="note" value={props.note} required maxLength={500} />
    </>
  );
  const relabel = (row: Element) =>
    cloneElement(
      row,
      {},
      ...toChildArray(row.props.children).map((b) =>
        isElement(b, 'button') && b.props.value === 'submit' ? cloneElement(b, {}, t('revisions.publish')) : b,
      ),
    );

  const children = toChildArray(page.props.children).map((child) => {
    if (isElement(child, 'h1')) return cloneElement(child, {}, title);
    if (!isElement(child, 'form')) return child;
    const fields = toChildArray(child.props.children).flatMap((c) => {
      if (!isElement(c, 'div') || c.props.class !== 'button-row') return [c];
      noteAdded = true;
      return [noteField, relabel(c)];
    });
    return cloneElement(child, {}, ...fields);
  });
  if (!noteAdded) throw new Error('AnswerEditorPage has no form with a .button-row to add the revision note to');
  return cloneElement(
    page as VNode,
    {
      title,
      breadcrumbs: [
        { label: t('nav.home'), href: '/' },
        { label: props.question.title, href: props.question.path },
        { label: title },
      ],
    },
    ...children,
  );
}
