import type { ComponentChildren } from 'preact';
import { HTML_LANG, type I18n, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { MessageKey } from '../../../platform/web/messages';
import { articleName, citedPartName } from '../../content/names';
import type { DiffPart } from '../diff';
import { type RevisionCitation, type RevisionStep, systemNoteKey } from '../record';
import type { RevisionHistory } from '../service';

type Revision = RevisionHistory['answers'][number]['revisions'][number];
type Names = RevisionHistory['names'];

/** Text with its line breaks kept (the page's CSP allows no inline styles, so no pre-wrap). Preact escapes it. */
function lines(text: string): ComponentChildren {
  return text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]));
}

function Analysis({ parts }: { parts: DiffPart[] }) {
  const { t } = useI18n();
  if (parts.every((p) => p.kind === 'same')) return <p class="meta">{t('revisions.noChange')}</p>;
  return (
    <p class="diff">
      {parts.map((p) =>
        p.kind === 'same' ? lines(p.text) : p.kind === 'del' ? <del>{lines(p.text)}</del> : <ins>{lines(p.text)}</ins>,
      )}
    </p>
  );
}

function stepText({ t }: I18n, s: RevisionStep) {
  const channel = t(`channel.${s.channel}` as MessageKey);
  const labelled = (label: string, value: string) => t('answering.labelValue', { label, value });
  return [
    s.action,
    s.materials && labelled(t('step.materials'), s.materials),
    s.where ? labelled(channel, s.where) : channel,
    s.duration && labelled(t('step.duration'), s.duration),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** As the expert wrote it → the article it resolved to (by its statute's name, when the library still has it). */
function citationText(i18n: I18n, names: Names, c: RevisionCitation) {
  const statute = names.statutes.get(c.statute) ?? { titleZh: c.statute, shortTitleEn: c.statute };
  const article = { number: c.article };
  const target = c.paragraph || c.item ? citedPartName(i18n, statute, article, c) : articleName(i18n, statute, article);
  return `${c.citation_text} → ${target}`;
}

function Changes<T>({ changes, show }: { changes: { kind: 'del' | 'ins'; item: T }[]; show: (item: T) => string }) {
  const { t } = useI18n();
  if (changes.length === 0) return <p class="meta">{t('revisions.noChange')}</p>;
  return (
    <ul class="diff-lines">
      {changes.map((c) =>
        c.kind === 'del' ? (
          <li>
            {t('revisions.removed')} <del>{show(c.item)}</del>
          </li>
        ) : (
          <li>
            {t('revisions.added')} <ins>{show(c.item)}</ins>
          </li>
        ),
      )}
    </ul>
  );
}

function RevisionEntry(props: { answerId: number; revision: Revision; names: Names; lang: string | undefined }) {
  const { answerId, revision: r, names, lang } = props;
  const i18n = useI18n();
  const { t, date, locale } = i18n;
  const region = (code: string | null) => (code === null ? '—' : (names.regions.get(code)?.[locale] ?? code));
  const day = (value: string | null) => (value === null ? '—' : date(value));
  const systemNote = systemNoteKey(r.note);
  return (
    <li id={`answer-${answerId}-revision-${r.revision}`}>
      <h3>
        {t('revisions.revision', { n: r.revision })}
        {r.revision === 1 && ` — ${t('revisions.first')}`}
      </h3>
      <p class="meta">
        <time dateTime={r.createdAt}>{date(r.createdAt)}</time> ·{' '}
        {t('revisions.by', { name: r.editorName ?? t('revisions.editorialTeam') })}
      </p>
      {r.note && <p>{t('revisions.note', { note: systemNote ? t(systemNote) : r.note })}</p>}
      <h4>{t('answer.analysis')}</h4>
      <div lang={lang}>
        <Analysis parts={r.analysis} />
      </div>
      <h4>{t('answer.procedure')}</h4>
      <Changes changes={r.steps} show={(s) => stepText(i18n, s)} />
      <h4>{t('answer.legalBasis')}</h4>
      <Changes changes={r.citations} show={(c) => citationText(i18n, names, c)} />
      {(r.region || r.verifiedOn) && (
        <ul class="diff-lines">
          {r.region && (
            <li>{t('revisions.region', { before: region(r.region.before), after: region(r.region.after) })}</li>
          )}
          {r.verifiedOn && (
            <li>{t('revisions.verifiedOn', { before: day(r.verifiedOn.before), after: day(r.verifiedOn.after) })}</li>
          )}
        </ul>
      )}
    </li>
  );
}

/** The public history of a question's answers; left out of search engines (the answer itself is the page to find). */
export function RevisionsPage({ history }: { history: RevisionHistory }) {
  const { question, answers, names } = history;
  const { t, path, date, locale } = useI18n();
  // The answer's words in their own language, when it is not the page's.
  const lang = question.locale === locale ? undefined : HTML_LANG[question.locale];
  return (
    <Layout
      title={t('revisions.title', { title: question.title })}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: question.title, href: question.path },
        { label: t('revisions.heading') },
      ]}
    >
      <h1>{t('revisions.heading')}</h1>
      <p>
        <a href={path(question.path)} lang={lang}>
          {question.title}
        </a>
      </p>
      <p class="meta">{t('revisions.lead')}</p>
      {answers.length === 0 && <p>{t('revisions.noAnswers')}</p>}
      {answers.map((a) => (
        <section id={`answer-${a.id}`} aria-labelledby={`answer-${a.id}-heading`}>
          <h2 id={`answer-${a.id}-heading`}>{t('revisions.answerBy', { author: a.author })}</h2>
          {a.revisions.length === 0 ? (
            <p>{t('revisions.none', { date: a.publishedAt ? date(a.publishedAt) : '—' })}</p>
          ) : (
            <ol class="revisions" reversed>
              {a.revisions.map((r) => (
                <RevisionEntry answerId={a.id} revision={r} names={names} lang={lang} />
              ))}
            </ol>
          )}
        </section>
      ))}
      <p>
        <a href={path(question.path)}>{t('revisions.backToQuestion')}</a>
      </p>
    </Layout>
  );
}
