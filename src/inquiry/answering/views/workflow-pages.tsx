import { Layout } from '../../../platform/web/layout';
import { t } from '../../../platform/web/messages';
import type { WorkflowService } from '../service';

type Queue = Awaited<ReturnType<WorkflowService['queue']>>;
type MyAnswers = Awaited<ReturnType<WorkflowService['myAnswers']>>;

export function ExpertQueuePage(props: {
  queue: Queue;
  mine: MyAnswers;
  topics: { slug: string; title: string }[];
  regions: { code: string; name: string }[];
  filter: { topic?: string; region?: string };
}) {
  const { queue, mine, topics, regions, filter } = props;
  return (
    <Layout
      title={t('expert.queueTitle')}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.expertQueue') }]}
    >
      <h1>{t('expert.queueTitle')}</h1>
      <form method="get" action="/expert/queue" class="search-filters">
        <label>
          {t('search.topic')}{' '}
          <select name="topic">
            <option value="">{t('search.anyTopic')}</option>
            {topics.map((tp) => (
              <option value={tp.slug} selected={tp.slug === filter.topic}>
                {tp.title}
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
                {r.name}
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
            <li>
              <a href={q.path}>{q.title}</a>
              <p class="meta">
                {q.topic_title} · {q.region_name} · {t('expert.asked', { date: q.created_at.slice(0, 10) })}
              </p>
              <a class="button" href={`/expert/questions/${q.id}/answer`}>
                {t('expert.answer')}
              </a>
            </li>
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
                    <a href={`/expert/answers/${a.id}/edit`}>{t('expert.revise')}</a>
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
  return (
    <Layout title={t('review.title')} breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.review') }]}>
      <h1>{t('review.title')}</h1>
      {answers.length === 0 ? (
        <p>{t('review.empty')}</p>
      ) : (
        <ul>
          {answers.map((a) => (
            <li>
              <a href={`/editor/review/${a.id}`}>{a.title}</a>{' '}
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
  const { answer, question, steps, citations } = item;
  return (
    <Layout
      title={t('review.answerTo', { title: question.title })}
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
        <div dangerouslySetInnerHTML={{ __html: answer.analysis_html }} />
        {steps.length > 0 && (
          <>
            <h2>{t('answer.procedure')}</h2>
            <ol class="steps">
              {steps.map((s) => (
                <li>
                  {s.action} {s.materials && `(${t('step.materials')}: ${s.materials})`}{' '}
                  {s.location && `— ${s.location}`} {s.duration && `· ${s.duration}`}
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
                <summary>
                  {c.article.statute.shortTitleEn}, Article {c.article.number}
                </summary>
                <blockquote lang="zh-CN" class="article-text">
                  {c.article.text}
                </blockquote>
              </details>
            </li>
          ))}
        </ul>
        <p class="answer-meta">
          {t('answer.region')}: {answer.region_code} · {t('answer.verifiedOn')}: {answer.verified_on} ·{' '}
          {t('answer.author')}: {answer.author_label}
        </p>
      </section>
      <div class="button-row">
        <form method="post" action={`/editor/review/${answer.id}/approve`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit">{t('review.approve')}</button>
        </form>
      </div>
      <form method="post" action={`/editor/review/${answer.id}/reject`} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="reason">{t('review.reason')}</label>
        <textarea id="reason" name="reason" rows={3} required maxLength={2000} />
        <button type="submit">{t('review.reject')}</button>
      </form>
    </Layout>
  );
}
