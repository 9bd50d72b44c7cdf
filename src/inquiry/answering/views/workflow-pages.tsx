import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { citedPartName, type Named } from '../../content/names';
import type { WorkflowService } from '../service';

type Queue = Awaited<ReturnType<WorkflowService['queue']>>;
type MyAnswers = Awaited<ReturnType<WorkflowService['myAnswers']>>;

/** `lang` for a question's title when it is not in the page's language. */
function useOtherLang(locale: 'en' | 'zh') {
  const page = useI18n().locale;
  return locale === page ? undefined : HTML_LANG[locale];
}

function QueueItem({ question: q }: { question: Queue[number] }) {
  const { t, path, date, locale } = useI18n();
  return (
    <li>
      <a href={path(q.path)} lang={useOtherLang(q.locale)}>
        {q.title}
      </a>
      <p class="meta">
        {q.topic[locale]} · {q.region[locale]} · {t('expert.asked', { date: date(q.createdAt) })}
      </p>
      <a class="button" href={path(`/expert/questions/${q.id}/answer`)}>
        {t('expert.answer')}
      </a>
    </li>
  );
}

export function ExpertQueuePage(props: {
  queue: Queue;
  mine: MyAnswers;
  topics: { slug: string; name: Named }[];
  regions: { code: string; name: Named }[];
  filter: { topic?: string; region?: string };
}) {
  const { queue, mine, topics, regions, filter } = props;
  const { t, path, locale } = useI18n();
  return (
    <Layout
      title={t('expert.queueTitle')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.expertQueue') }]}
    >
      <h1>{t('expert.queueTitle')}</h1>
      <form method="get" action={path('/expert/queue')} class="search-filters">
        <label>
          {t('search.topic')}{' '}
          <select name="topic">
            <option value="">{t('search.anyTopic')}</option>
            {topics.map((tp) => (
              <option value={tp.slug} selected={tp.slug === filter.topic}>
                {tp.name[locale]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.region')}{' '}
          <select name="region">
            <option value="">{t('search.anyRegion')}</option>
            {regions.map((r) => (
              <option value={r.code} selected={r.code === filter.region}>
                {r.name[locale]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('search.filter')}</button>
      </form>
      {queue.length === 0 ? (
        <p>{t('expert.queueEmpty')}</p>
      ) : (
        <ol class="search-results">
          {queue.map((q) => (
            <QueueItem question={q} />
          ))}
        </ol>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('expert.myAnswers')}</h2>
          <ul>
            {mine.map((a) => (
              <li>
                {a.title} —{' '}
                {a.status === 'rejected'
                  ? t('expert.status.rejected', { reason: a.review_note ?? '' })
                  : t('expert.status.submitted')}
                {a.status === 'rejected' && (
                  <>
                    {' '}
                    <a href={path(`/expert/answers/${a.id}/edit`)}>{t('expert.revise')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

type ReviewQueue = Awaited<ReturnType<WorkflowService['reviewQueue']>>;

export function ReviewQueuePage({ answers }: { answers: ReviewQueue }) {
  const { t, path } = useI18n();
  return (
    <Layout
      title={t('review.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.review') }]}
    >
      <h1>{t('review.title')}</h1>
      {answers.length === 0 ? (
        <p>{t('review.empty')}</p>
      ) : (
        <ul>
          {answers.map((a) => (
            <li>
              <a href={path(`/editor/review/${a.id}`)}>{a.title}</a>{' '}
              <span class="meta">{t('review.by', { name: a.author_name ?? '' })}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

type ReviewItem = Awaited<ReturnType<WorkflowService['answerForReview']>>;

export function ReviewAnswerPage({
  item,
  csrfToken,
  error,
}: {
  item: ReviewItem;
  csrfToken: string;
  error: string | null;
}) {
  const { answer, question, steps, citations, region } = item;
  const i18n = useI18n();
  const { t, path, date, locale } = i18n;
  const labelled = (label: string, value: string) => t('answering.labelValue', { label, value });
  const contentLang = useOtherLang(question.locale);
  return (
    <Layout
      title={t('review.answerTo', { title: question.title })}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.review'), href: '/editor/review' },
        { label: question.title },
      ]}
    >
      <h1>{t('review.answerTo', { title: question.title })}</h1>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <section class="answer">
        <h2>{t('answer.analysis')}</h2>
        <div lang={contentLang} dangerouslySetInnerHTML={{ __html: answer.analysis_html }} />
        {steps.length > 0 && (
          <>
            <h2>{t('answer.procedure')}</h2>
            <ol class="steps" lang={contentLang}>
              {steps.map((s) => (
                <li>
                  {[
                    s.action,
                    s.materials && labelled(t('step.materials'), s.materials),
                    s.location && labelled(t('step.where'), s.location),
                    s.duration && labelled(t('step.duration'), s.duration),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ol>
          </>
        )}
        <h2>{t('answer.legalBasis')}</h2>
        <ul class="legal-basis">
          {citations.map((c) => (
            <li>
              <details>
                <summary>{citedPartName(i18n, c.article.statute, c.article, c)}</summary>
                <blockquote lang="zh-CN" class="article-text">
                  {c.article.text}
                </blockquote>
              </details>
            </li>
          ))}
        </ul>
        <p class="answer-meta">
          {[
            labelled(t('answer.region'), region[locale]),
            labelled(t('answer.verifiedOn'), date(answer.verified_on)),
            labelled(t('answer.author'), answer.author_label),
          ].join(' · ')}
        </p>
      </section>
      <div class="button-row">
        <form method="post" action={path(`/editor/review/${answer.id}/approve`)}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit">{t('review.approve')}</button>
        </form>
      </div>
      <form method="post" action={path(`/editor/review/${answer.id}/reject`)} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="reason">{t('review.reason')}</label>
        <textarea id="reason" name="reason" rows={3} required maxLength={2000} />
        <button type="submit">{t('review.reject')}</button>
      </form>
    </Layout>
  );
}
