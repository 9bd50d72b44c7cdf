import { Layout } from '../../../platform/web/layout';
import { t } from '../../../platform/web/messages';
import { editPublishedAnswerPath } from '../../revisions/service';
import type { StaleAnswerService } from '../stale';

type Stale = Awaited<ReturnType<StaleAnswerService['list']>>;

export function StaleAnswersPage({
  answers,
  csrfToken,
  error,
}: {
  answers: Stale;
  csrfToken: string;
  error: string | null;
}) {
  return (
    <Layout
      title={t('stale.title')}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.review'), href: '/editor/review' },
        { label: t('stale.title') },
      ]}
    >
      <h1>{t('stale.title')}</h1>
      <p class="lead">{t('stale.lead')}</p>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {answers.length === 0 && <p>{t('stale.empty')}</p>}
      {answers.map((a) => (
        <section class="answer" aria-labelledby={`stale-${a.answerId}`}>
          <h2 id={`stale-${a.answerId}`}>
            <a href={a.path}>{a.title}</a>
          </h2>
          {a.citations.map((c) => (
            <div class="side-by-side">
              <h3>
                {c.short_title_en}, {t('laws.article', { number: c.number })}
              </h3>
              <div>
                <h4>{t('stale.oldText', { date: c.old_date })}</h4>
                <blockquote lang="zh-CN" class="article-text">
                  {c.old_text}
                </blockquote>
              </div>
              <div>
                <h4>{c.new_date ? t('stale.newText', { date: c.new_date }) : t('stale.removed')}</h4>
                <blockquote lang="zh-CN" class="article-text">
                  {c.new_text ?? t('stale.removedText')}
                </blockquote>
              </div>
            </div>
          ))}
          <div class="button-row">
            <form method="post" action={`/editor/stale/${a.answerId}/reverify`}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">{t('stale.reverify')}</button>
            </form>
            <a class="button" href={editPublishedAnswerPath(a.answerId)}>
              {t('revisions.editLink')}
            </a>
            <form method="post" action={`/editor/stale/${a.answerId}/unpublish`}>
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
  return (
    <Layout
      title={t('imported.title')}
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
            <a href={a.path}>{a.title}</a> <span class="meta">{a.source}</span>
            <div class="button-row">
              <form method="post" action={`/editor/imported/${a.answerId}/reviewed`}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit">{t('imported.markReviewed')}</button>
              </form>
              <a href={editPublishedAnswerPath(a.answerId)}>{t('revisions.editLink')}</a>
              <form method="post" action={`/editor/stale/${a.answerId}/unpublish`}>
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
