import { useContext } from 'preact/hooks';
import { ChromeContext } from '../../../platform/web/chrome';
import { Layout } from '../../../platform/web/layout';
import { markdownToPlainText } from '../../../platform/web/markdown';
import { type MessageKey, t } from '../../../platform/web/messages';
import { splitParagraphs } from '../../../statutes';
import { editPublishedAnswerPath, revisionsPath } from '../../revisions/service';
import type { QuestionData } from '../page-data';

type Answer = QuestionData['answers'][number];

/** The signed-in reader of a page rendered for them: who they are, and whether they may moderate. */
export interface Reader {
  id: number;
  mayReview: boolean;
}

/** `reader` is null on the anonymous page, which is rendered once and sent to everyone. */
export type QuestionPageProps = QuestionData & { baseUrl: string; reader?: Reader | null };

export function QuestionPage({ question, answers, related, baseUrl, reader = null }: QuestionPageProps) {
  const lang = question.locale === 'zh' ? 'zh-CN' : 'en';
  const canonical = `${baseUrl}${question.path}`;
  const description = answers[0] ? markdownToPlainText(answers[0].analysisMarkdown).slice(0, 160) : question.title;
  return (
    <Layout
      title={question.title}
      description={description}
      canonical={canonical}
      lang={lang}
      jsonLd={qaPageJsonLd(question, answers, canonical)}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: question.topic.title, href: question.topic.path },
        { label: question.title },
      ]}
    >
      <article class="question">
        <h1>{question.title}</h1>
        <p class="meta">
          <a href={question.topic.path}>{question.topic.title}</a> · {question.region.name}
          {question.translation && (
            <>
              {' · '}
              <a href={question.translation.path} hrefLang={question.translation.locale === 'zh' ? 'zh-CN' : 'en'}>
                {t(question.translation.locale === 'zh' ? 'question.translation.zh' : 'question.translation.en')}
              </a>
            </>
          )}
        </p>
        {question.askedBy && (
          <p class="meta">
            {question.askedBy.anonymous
              ? t('question.askedAnonymously')
              : t('question.askedBy', { name: question.askedBy.name })}
          </p>
        )}
        {question.details && (
          <section aria-label={t('question.details')}>
            <p>{question.details}</p>
          </section>
        )}
        {answers.length === 0 && <p>{t('question.awaiting')}</p>}
        {answers.map((answer) => (
          <AnswerView
            answer={answer}
            origin={question.origin}
            askerId={question.askerId}
            questionPath={question.path}
            reader={reader}
          />
        ))}
        <QuestionFooter questionId={question.id} hasAnswers={answers.length > 0} reader={reader} />
      </article>
      {related.length > 0 && (
        <aside aria-labelledby="related-heading">
          <h2 id="related-heading">{t('related.heading')}</h2>
          <ul class="question-list">
            {related.map((r) => (
              <li>
                <a href={r.path}>{r.title}</a>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </Layout>
  );
}

function QuestionFooter(props: { questionId: number; hasAnswers: boolean; reader: Reader | null }) {
  const { questionId, hasAnswers, reader } = props;
  const editor = reader?.mayReview;
  return (
    <p class="meta question-footer">
      {hasAnswers && <a href={revisionsPath(questionId)}>{t('revisions.link')}</a>}
      {editor && <a href={`/editor/questions/${questionId}/duplicate`}>{t('duplicate.link')}</a>}
    </p>
  );
}

function AnswerView({
  answer,
  origin,
  askerId,
  questionPath,
  reader,
}: {
  answer: Answer;
  origin: string;
  askerId: number | null;
  questionPath: string;
  reader: Reader | null;
}) {
  const headingId = `answer-${answer.id}`;
  const { csrfToken } = useContext(ChromeContext);
  return (
    <section class="answer" aria-labelledby={headingId} id={`a${answer.id}`}>
      <h2 id={headingId}>{t('answer.heading')}</h2>
      {answer.reviewFlag === 'law-amended' && (
        <p class="notice" role="note">
          {t('answer.lawAmended')}
        </p>
      )}
      {answer.reviewFlag === 'imported-unreviewed' && (
        <p class="notice" role="note">
          {t('answer.importedUnreviewed')}
        </p>
      )}
      {answer.accepted && <p class="badge">{t('vote.accepted')}</p>}
      {origin === 'demo' && <p class="badge">{t('answer.demo')}</p>}
      {origin === 'seed' && <p class="badge">{t('answer.seed')}</p>}
      <h3>{t('answer.analysis')}</h3>
      {/* Rendered from markdown with raw HTML disabled when the answer was saved. */}
      <div class="analysis" dangerouslySetInnerHTML={{ __html: answer.analysisHtml }} />
      {answer.steps.length > 0 && (
        <>
          <h3>{t('answer.procedure')}</h3>
          <ol class="steps">
            {answer.steps.map((step) => (
              <li>
                {step.action}
                <dl>
                  <dt>{t('step.where')}</dt>
                  <dd>
                    {t(`channel.${step.channel}` as MessageKey)}
                    {step.where && ` — ${step.where}`}
                  </dd>
                  {step.materials && (
                    <>
                      <dt>{t('step.materials')}</dt>
                      <dd>{step.materials}</dd>
                    </>
                  )}
                  {step.duration && (
                    <>
                      <dt>{t('step.duration')}</dt>
                      <dd>{step.duration}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
      {answer.backgroundHtml && (
        <>
          <h3>{t('answer.background')}</h3>
          <div class="background" dangerouslySetInnerHTML={{ __html: answer.backgroundHtml }} />
        </>
      )}
      <h3>{t('answer.legalBasis')}</h3>
      <ul class="legal-basis">
        {answer.citations.map((c) => (
          <li>
            <a href={c.path}>{c.label}</a>{' '}
            <span lang="zh-CN" class="meta">
              《{c.statute.titleZh}》{c.article.label}
            </span>
            <details>
              <summary>{t('answer.showArticle')}</summary>
              <blockquote lang="zh-CN" class="article-text">
                {splitParagraphs(c.article.text).map((paragraph, index) =>
                  c.paragraphs.includes(index + 1) ? (
                    <p>
                      <mark>{paragraph}</mark>
                    </p>
                  ) : (
                    <p>{paragraph}</p>
                  ),
                )}
              </blockquote>
              <p class="meta">{t('answer.articleInForce', { date: c.versionDate })}</p>
            </details>
          </li>
        ))}
      </ul>
      <p class="answer-meta">
        <span>
          {t('answer.region')}: {answer.region.name}
        </span>
        <span>
          {t('answer.verifiedOn')}: <time dateTime={answer.verifiedOn}>{answer.verifiedOn}</time>
        </span>
        <span>
          {t('answer.author')}: {answer.author}
        </span>
      </p>
      <div class="answer-actions">
        <span class="meta">{t('vote.helpfulCount', { count: answer.helpfulCount })}</span>
        {reader ? (
          <form method="post" action={`/social-security/answers/${answer.id}/helpful`}>
            <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
            <button type="submit">{t('vote.helpful')}</button>
          </form>
        ) : (
          <a href={`/account/sign-in?next=${encodeURIComponent(questionPath)}`}>{t('vote.signIn')}</a>
        )}
        {reader?.mayReview && <a href={editPublishedAnswerPath(answer.id)}>{t('revisions.editLink')}</a>}
        {reader && askerId === reader.id && !answer.accepted && (
          <form method="post" action={`/social-security/answers/${answer.id}/accept`}>
            <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
            <button type="submit">{t('vote.accept')}</button>
          </form>
        )}
      </div>
    </section>
  );
}

function qaPageJsonLd(question: QuestionData['question'], answers: Answer[], url: string) {
  const toAnswer = (a: Answer) => ({
    '@type': 'Answer',
    text: markdownToPlainText(a.analysisMarkdown),
    dateCreated: a.publishedAt ?? undefined,
    url: `${url}#a${a.id}`,
    author: { '@type': 'Organization', name: a.author },
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: question.title,
      text: question.details || question.title,
      answerCount: answers.length,
      dateCreated: question.createdAt,
      inLanguage: question.locale === 'zh' ? 'zh-CN' : 'en',
      ...(answers.length > 0 ? { suggestedAnswer: answers.map(toAnswer) } : {}),
    },
  };
}
