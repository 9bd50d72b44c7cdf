import type { ComponentChildren } from 'preact';
import type { FormErrors } from '../../../platform/web/forms';
import { HTML_LANG, type I18n, useI18n } from '../../../platform/web/i18n';
import { type Crumb, Layout } from '../../../platform/web/layout';
import type { MessageKey } from '../../../platform/web/messages';
import { type LegalBasisSuggestion, suggestionReasonText } from '../../../statutes';
import { articleName, citedPartName, type Named } from '../../content/names';
import { STEP_CHANNELS } from '../../content/schemas';
import type { WorkflowService } from '../service';

export interface StepValues {
  position: string;
  action: string;
  materials: string;
  channel: string;
  where: string;
  duration: string;
}

export interface AnswerEditorValues {
  analysis: string;
  steps: StepValues[];
  region: string;
  verifiedOn: string;
  citations: string;
}

export interface AnswerEditorPageProps {
  csrfToken: string;
  /** Where the form posts, without language prefix. */
  action: string;
  question: {
    title: string;
    details: string;
    path: string;
    locale?: 'en' | 'zh';
    suggestions?: LegalBasisSuggestion[];
  };
  values: AnswerEditorValues;
  errors: string[];
  /** A refused submission's messages by field (formRefusal's `errors`), shown below their fields. */
  fieldErrors?: FormErrors;
  regions: { code: string; name: Named }[];
  preview: Awaited<ReturnType<WorkflowService['preview']>> | null;
}

/** What another form built on this one changes (the editors' form for a published answer: revisions/views). */
export interface AnswerEditorVariant {
  title?: string;
  breadcrumbs?: Crumb[];
  /** Fields added before the buttons. */
  extraFields?: ComponentChildren;
  submitLabel?: string;
}

export function AnswerEditorPage(props: AnswerEditorPageProps & AnswerEditorVariant) {
  const { csrfToken, action, question, values, errors, regions, preview } = props;
  const byField = props.fieldErrors ?? {};
  const i18n = useI18n();
  const { t, path, locale } = i18n;
  const title = props.title ?? t('editor.title');
  // The question in its own language, when it is not the page's (an English question on the Chinese editor).
  const questionLang = question.locale && question.locale !== locale ? HTML_LANG[question.locale] : undefined;
  return (
    <Layout
      title={title}
      noindex
      breadcrumbs={
        props.breadcrumbs ?? [
          { label: t('nav.home'), href: '/' },
          { label: t('nav.expertQueue'), href: '/expert/queue' },
          { label: title },
        ]
      }
      scripts={['answer-editor.js']}
    >
      <h1>{title}</h1>
      <h2 lang={questionLang}>
        <a href={path(question.path)}>{question.title}</a>
      </h2>
      {question.details && <p lang={questionLang}>{question.details}</p>}
      {errors.length > 0 && (
        <ul class="notice" role="alert">
          {errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      {question.suggestions && question.suggestions.length > 0 && (
        <section aria-labelledby="suggested-heading" class="suggested-basis">
          <h2 id="suggested-heading">{t('editor.suggestedTitle')}</h2>
          <p class="meta">{t('editor.suggestedLead')}</p>
          <ul>
            {question.suggestions.map((s, i) => (
              <li>
                <a id={`suggested-${i}`} href={path(`/laws/${s.slug}/articles/${s.number}`)}>
                  {articleName(i18n, s, s)}
                </a>{' '}
                <code lang="zh-CN">{s.citation}</code>{' '}
                {/* Named with its article: six buttons all called "Add to the legal basis" cannot be told apart. */}
                {/* Hidden without JavaScript (it could do nothing); the answer-editor island shows it. */}
                <button
                  type="button"
                  hidden
                  class="link-button"
                  id={`suggested-${i}-add`}
                  aria-labelledby={`suggested-${i}-add suggested-${i}`}
                  data-add-citation={s.citation}
                >
                  {t('editor.addCitation')}
                </button>
                <p class="meta" lang="zh-CN">
                  {s.excerpt}
                </p>
                <ul class="meta suggestion-reasons">
                  {s.reasons.map((reason) => (
                    <li>{suggestionReasonText(i18n, reason)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview && (
        <section class="answer" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('editor.previewHeading')}</h2>
          <div dangerouslySetInnerHTML={{ __html: preview.analysisHtml }} />
          <ul class="legal-basis">
            {preview.citations.map((c) => (
              <li>
                {c.resolutions.length === 0 && (
                  <span class="field-error">
                    {t('editor.citationFailed', { reason: t('error.citation.noneFound', { text: c.text }) })}
                  </span>
                )}
                {c.resolutions.map((r) =>
                  r.ok ? (
                    <details>
                      <summary>{citedPartName(i18n, r.statute, r.article, r)}</summary>
                      <blockquote lang="zh-CN" class="article-text">
                        {r.article.text}
                      </blockquote>
                    </details>
                  ) : (
                    <span class="field-error">
                      {t('editor.citationFailed', {
                        reason: r.problems.map(i18n.text).join(t('editor.reasonSeparator')),
                      })}
                    </span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form method="post" action={path(action)} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="analysis">{t('editor.analysis')}</label>
        <textarea
          id="analysis"
          name="analysis"
          rows={10}
          required
          maxLength={20000}
          aria-describedby={describedBy(byField, 'analysis')}
        >
          {values.analysis}
        </textarea>
        <FieldError errors={byField} field="analysis" />
        <h3>{t('editor.steps')}</h3>
        <p class="meta">{t('editor.stepsHelp')}</p>
        {values.steps.map((step, i) => (
          <fieldset class="step">
            <legend>{t('editor.step', { n: i + 1 })}</legend>
            <label for={`step-position-${i}`}>{t('editor.stepPosition')}</label>
            <input
              id={`step-position-${i}`}
              name={`step_position_${i}`}
              type="number"
              min={1}
              max={50}
              value={step.position}
            />
            <label for={`step-action-${i}`}>{t('editor.stepAction')}</label>
            <input id={`step-action-${i}`} name={`step_action_${i}`} value={step.action} maxLength={1000} />
            <label for={`step-materials-${i}`}>{t('editor.stepMaterials')}</label>
            <input id={`step-materials-${i}`} name={`step_materials_${i}`} value={step.materials} maxLength={1000} />
            <label for={`step-channel-${i}`}>{t('editor.stepChannel')}</label>
            <select id={`step-channel-${i}`} name={`step_channel_${i}`}>
              {STEP_CHANNELS.map((channel) => (
                <option value={channel} selected={channel === step.channel}>
                  {t(`channel.${channel}` as MessageKey)}
                </option>
              ))}
            </select>
            <label for={`step-where-${i}`}>{t('editor.stepWhere')}</label>
            <input id={`step-where-${i}`} name={`step_where_${i}`} value={step.where} maxLength={500} />
            <label for={`step-duration-${i}`}>{t('editor.stepDuration')}</label>
            <input id={`step-duration-${i}`} name={`step_duration_${i}`} value={step.duration} maxLength={200} />
          </fieldset>
        ))}
        <input type="hidden" name="step_count" value={String(values.steps.length)} />
        <label for="region">{t('editor.region')}</label>
        <select id="region" name="region" aria-describedby={describedBy(byField, 'region')}>
          {regions.map((r) => (
            <option value={r.code} selected={r.code === values.region}>
              {r.name[locale]}
            </option>
          ))}
        </select>
        <FieldError errors={byField} field="region" />
        <label for="verified-on">{t('editor.verifiedOn')}</label>
        <input
          id="verified-on"
          name="verifiedOn"
          type="date"
          value={values.verifiedOn}
          required
          aria-describedby={describedBy(byField, 'verifiedOn')}
        />
        <FieldError errors={byField} field="verifiedOn" />
        <label for="citations">{t('editor.citations')}</label>
        <textarea
          id="citations"
          name="citations"
          rows={4}
          maxLength={5000}
          data-citation-check={citationCheckMessages(i18n)}
          data-citation-api={`/api/v1/citations/resolve?lang=${locale}`}
          aria-describedby={describedBy(byField, 'citations')}
        >
          {values.citations}
        </textarea>
        <FieldError errors={byField} field="citations" />
        {props.extraFields}
        <div class="button-row">
          <button type="submit" name="intent" value="more">
            {t('editor.moreSteps')}
          </button>
          <button type="submit" name="intent" value="preview">
            {t('editor.preview')}
          </button>
          <button type="submit" name="intent" value="submit">
            {props.submitLabel ?? t('editor.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/**
 * The message for a field of the form: a problem with one of its parts (`citations.2`, `steps.0.action`) is shown
 * by the field it was typed in.
 */
function messageFor(errors: FormErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const part = Object.keys(errors).find((key) => key.startsWith(`${field}.`));
  return part === undefined ? undefined : errors[part];
}

const describedBy = (errors: FormErrors, field: string) => (messageFor(errors, field) ? `${field}-error` : undefined);

/** A field's message below it, tied to the field by aria-describedby. */
function FieldError({ errors, field }: { errors: FormErrors; field: string }) {
  const message = messageFor(errors, field);
  return message ? (
    <p class="field-error" id={`${field}-error`}>
      {message}
    </p>
  ) : null;
}

/** The island's own placeholders, written into the messages as they are: it fills them in as the expert types. */
const slots = (...names: string[]) => Object.fromEntries(names.map((name) => [name, `{${name}}`]));

/**
 * What the answer-editor island (the legal basis checked while typing; Preview works without it) says, in the
 * page's language, with `{line}`, `{text}` and `{reason}` left for it to fill in. The island asks the API for its
 * reasons in the page's language too (data-citation-api).
 */
function citationCheckMessages({ t }: I18n): string {
  return JSON.stringify({
    heading: t('editor.liveCheck'),
    noCitation: t('editor.lineNoCitation', slots('line', 'text')),
    failed: t('editor.lineFailed', slots('line', 'reason')),
    unavailable: t('editor.checkUnavailable'),
    rateLimited: t('editor.checkRateLimited'),
    tooLong: t('editor.checkTooLong'),
  });
}
