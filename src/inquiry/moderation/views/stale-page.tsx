import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { MessageKey } from '../../../platform/web/messages';
import type { MappingKind } from '../../../statutes';
import { articleName } from '../../content/names';
import { editPublishedAnswerPath } from '../../revisions/service';
import type { StaleAnswerService } from '../stale';

type Stale = Awaited<ReturnType<StaleAnswerService['list']>>;

/** How the article in force relates to the cited one, as the alignment of the two versions found it. */
const CHANGE_NAMES: Record<MappingKind, MessageKey> = {
  unchanged: 'stale.change.unchanged',
  moved: 'stale.change.moved',
  changed: 'stale.change.changed',
  split: 'stale.change.split',
  merged: 'stale.change.merged',
  removed: 'stale.change.removed',
  new: 'stale.change.new',
};

/** `lang` for a question's title when it is not in the page's language. */
function useLangOf() {
  const { locale } = useI18n();
  return (q: { locale: 'en' | 'zh' }) => (q.locale === locale ? undefined : HTML_LANG[q.locale]);
}

export function StaleAnswersPage({
  answers,
  csrfToken,
  error,
}: {
  answers: Stale;
  csrfToken: string;
  /** A refused action: what was refused and, when it names them, why each part was. */
  error: { summary: string; messages: string[] } | null;
}) {
  const i18n = useI18n();
  const { t, path, date, locale } = i18n;
  const langOf = useLangOf();
  const reasons = error && !(error.messages.length === 1 && error.messages[0] === error.summary) ? error.messages : [];
  return (
    <Layout
      title={t('stale.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.review'), href: '/editor/review' },
        { label: t('stale.title') },
      ]}
    >
      <h1>{t('stale.title')}</h1>
      <p class="lead">{t('stale.lead')}</p>
      {error && (
        <div class="notice" role="alert">
          <p>{error.summary}</p>
          {reasons.length > 0 && (
            <ul>
              {reasons.map((reason) => (
                <li>{reason}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {answers.length === 0 && <p>{t('stale.empty')}</p>}
      {answers.map((a) => (
        <section class="answer" aria-labelledby={`stale-${a.answerId}`}>
          <h2 id={`stale-${a.answerId}`}>
            <a href={path(a.path)} lang={langOf(a)}>
              {a.title}
            </a>
          </h2>
          {a.citations.map((c) => (
            <div class="side-by-side">
              <h3>{articleName(i18n, c.statute, c.article)}</h3>
              <div>
                <h4>{t('stale.oldText', { date: date(c.old_date) })}</h4>
                <blockquote lang="zh-CN" class="article-text">
                  {c.old_text}
                </blockquote>
              </div>
              <div>
                <h4>{c.new_date ? t('stale.newText', { date: date(c.new_date) }) : t('stale.removed')}</h4>
                {c.new_article && (
                  <p class="meta stale-successor">
                    {t('stale.nowIn', {
                      article: articleName(i18n, c.statute, c.new_article),
                      change: t(CHANGE_NAMES[c.change]),
                    })}
                    {c.also.length > 0 &&
                      ` ${t('stale.alsoIn', { articles: c.also.map((a) => articleName(i18n, c.statute, a)).join(locale === 'zh' ? '、' : ', ') })}`}
                  </p>
                )}
                <blockquote lang={c.new_text === null ? undefined : 'zh-CN'} class="article-text article-diff">
                  {c.diff
                    ? c.diff.map((part) =>
                        part.kind === 'del' ? (
                          <del>{part.text}</del>
                        ) : part.kind === 'ins' ? (
                          <ins>{part.text}</ins>
                        ) : (
                          part.text
                        ),
                      )
                    : t('stale.removedText')}
                </blockquote>
              </div>
            </div>
          ))}
          <div class="button-row">
            <form method="post" action={path(`/editor/stale/${a.answerId}/reverify`)}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">{t('stale.reverify')}</button>
            </form>
            <a class="button" href={path(editPublishedAnswerPath(a.answerId))}>
              {t('revisions.editLink')}
            </a>
            <form method="post" action={path(`/editor/stale/${a.answerId}/unpublish`)}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">{t('stale.unpublish')}</button>
            </form>
          </div>
        </section>
      ))}
    </Layout>
  );
}

type Imported = Awaited<ReturnType<StaleAnswerService['listImported']>>;

export function ImportedAnswersPage({ answers, csrfToken }: { answers: Imported; csrfToken: string }) {
  const { t, path } = useI18n();
  const langOf = useLangOf();
  return (
    <Layout
      title={t('imported.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.review'), href: '/editor/review' },
        { label: t('imported.title') },
      ]}
    >
      <h1>{t('imported.title')}</h1>
      <p class="lead">{t('imported.lead')}</p>
      {answers.length === 0 && <p>{t('imported.empty')}</p>}
      <ul class="search-results">
        {answers.map((a) => (
          <li>
            <a href={path(a.path)} lang={langOf(a)}>
              {a.title}
            </a>{' '}
            <span class="meta">{a.source}</span>
            <div class="button-row">
              <form method="post" action={path(`/editor/imported/${a.answerId}/reviewed`)}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit">{t('imported.markReviewed')}</button>
              </form>
              <a href={path(editPublishedAnswerPath(a.answerId))}>{t('revisions.editLink')}</a>
              <form method="post" action={path(`/editor/stale/${a.answerId}/unpublish`)}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit">{t('stale.unpublish')}</button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
