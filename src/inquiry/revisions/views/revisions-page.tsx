import type { ComponentChildren } from 'preact';
import { Layout } from '../../../platform/web/layout';
import { type MessageKey, t } from '../../../platform/web/messages';
import type { DiffPart } from '../diff';
import type { RevisionCitation, RevisionStep } from '../record';
import type { RevisionHistory } from '../service';

type Revision = RevisionHistory['answers'][number]['revisions'][number];

/** Text with its line breaks kept (the page's CSP allows no inline styles, so no pre-wrap). Preact escapes it. */
function lines(text: string): ComponentChildren {
  return text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]));
}

function Analysis({ parts }: { parts: DiffPart[] }) {
  if (parts.every((p) => p.kind === 'same')) return <p class="meta">{t('revisions.noChange')}</p>;
  return (
    <p class="diff">
      {parts.map((p) =>
        p.kind === 'same' ? lines(p.text) : p.kind === 'del' ? <del>{lines(p.text)}</del> : <ins>{lines(p.text)}</ins>,
      )}
    </p>
  );
}

function stepText(s: RevisionStep) {
  const channel = t(`channel.${s.channel}` as MessageKey);
  return [
    s.action,
    s.materials && `${t('step.materials')}: ${s.materials}`,
    s.where ? `${channel}: ${s.where}` : channel,
    s.duration && `${t('step.duration')}: ${s.duration}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function citationText(c: RevisionCitation) {
  const part = [c.paragraph && `¶${c.paragraph}`, c.item && `(${c.item})`].filter(Boolean).join(' ');
  return `${c.citation_text} → ${c.statute}, Article ${c.article}${part ? ` ${part}` : ''}`;
}

function Changes<T>({ changes, show }: { changes: { kind: 'del' | 'ins'; item: T }[]; show: (item: T) => string }) {
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

function RevisionEntry({ answerId, revision: r, lang }: { answerId: number; revision: Revision; lang: string }) {
  return (
    <li id={`answer-${answerId}-revision-${r.revision}`}>
      <h3>
        {t('revisions.revision', { n: r.revision })}
        {r.revision === 1 && ` — ${t('revisions.first')}`}
      </h3>
      <p class="meta">
        <time dateTime={r.createdAt}>{r.createdAt.slice(0, 10)}</time> ·{' '}
        {t('revisions.by', { name: r.editorName ?? t('revisions.editorialTeam') })}
      </p>
      {r.note && <p>{t('revisions.note', { note: r.note })}</p>}
      <h4>{t('answer.analysis')}</h4>
      <div lang={lang}>
        <Analysis parts={r.analysis} />
      </div>
      <h4>{t('answer.procedure')}</h4>
      <Changes changes={r.steps} show={stepText} />
      <h4>{t('answer.legalBasis')}</h4>
      <Changes changes={r.citations} show={citationText} />
      {(r.region || r.verifiedOn) && (
        <ul class="diff-lines">
          {r.region && <li>{t('revisions.region', { before: r.region.before ?? '—', after: r.region.after })}</li>}
          {r.verifiedOn && (
            <li>{t('revisions.verifiedOn', { before: r.verifiedOn.before ?? '—', after: r.verifiedOn.after })}</li>
          )}
        </ul>
      )}
    </li>
  );
}

export function RevisionsPage({ history }: { history: RevisionHistory }) {
  const { question, answers } = history;
  const lang = question.locale === 'zh' ? 'zh-CN' : 'en';
  return (
    <Layout
      title={t('revisions.title', { title: question.title })}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: question.title, href: question.path },
        { label: t('revisions.heading') },
      ]}
    >
      <h1>{t('revisions.heading')}</h1>
      <p>
        <a href={question.path} lang={lang}>
          {question.title}
        </a>
      </p>
      <p class="meta">{t('revisions.lead')}</p>
      {answers.length === 0 && <p>{t('revisions.noAnswers')}</p>}
      {answers.map((a) => (
        <section id={`answer-${a.id}`} aria-labelledby={`answer-${a.id}-heading`}>
          <h2 id={`answer-${a.id}-heading`}>{t('revisions.answerBy', { author: a.author })}</h2>
          {a.revisions.length === 0 ? (
            <p>{t('revisions.none', { date: (a.publishedAt ?? '').slice(0, 10) })}</p>
          ) : (
            <ol class="revisions" reversed>
              {a.revisions.map((r) => (
                <RevisionEntry answerId={a.id} revision={r} lang={lang} />
              ))}
            </ol>
          )}
        </section>
      ))}
      <p>
        <a href={question.path}>{t('revisions.backToQuestion')}</a>
      </p>
    </Layout>
  );
}
