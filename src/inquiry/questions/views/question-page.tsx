import { HTML_LANG, type Locale, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { markdownToPlainText } from '../../../platform/web/markdown';
import { absoluteUrl, useAddress } from '../../../platform/web/render';
import { revisionsPath } from '../../revisions/service';
import { metaDescription } from '../meta-description';
import type { QuestionData } from '../page-data';
import { AnswerView, type Reader } from './answer-view';
import { qaPageJsonLd } from './qa-json-ld';
import { QuestionList } from './question-list';

export type { Reader } from './answer-view';

/** `reader` is null on the anonymous page, which is rendered once per language and sent to everyone. */
export type QuestionPageProps = QuestionData & { reader?: Reader | null };

/** The question's versions by language: itself, and its translation when it has one. */
function alternatesOf(question: QuestionData['question']): Partial<Record<Locale, string>> {
  const versions: Partial<Record<Locale, string>> = { [question.locale]: question.path };
  if (question.translation) versions[question.translation.locale] = question.translation.path;
  return versions;
}

/**
 * The Q&A page in the reader's language. A question is read in its own language, except one that has no
 * translation into the reader's: it is shown as it was written, inside the reader's page, with a notice and
 * `lang` on what it says (the route sends a reader of a question that has a translation to it instead). Such a
 * page is a copy of the question's own: no QAPage markup there, and search engines are pointed at the original.
 */
export function QuestionPage({ question, answers, related, reader = null }: QuestionPageProps) {
  const { t, path, locale } = useI18n();
  const { baseUrl } = useAddress();
  const fallback = question.locale !== locale;
  const contentLang = fallback ? HTML_LANG[question.locale] : undefined;
  const topicTitle = locale === 'zh' ? question.topic.titleZh : question.topic.title;
  const regionName = locale === 'zh' ? question.region.nameZh : question.region.name;
  const first = answers[0];
  const description = metaDescription(
    first ? markdownToPlainText(first.analysisMarkdown) : question.details || question.title,
    question.locale,
  );
  const jsonLd = fallback
    ? undefined
    : qaPageJsonLd(
        { question, answers },
        {
          url: absoluteUrl(baseUrl, question.locale, question.path),
          inLanguage: HTML_LANG[question.locale],
          siteName: t('site.name'),
          anonymous: t('question.anonymousAuthor'),
        },
      );
  return (
    <Layout
      title={question.title}
      description={description}
      // A question shown inside the other language's frame names its own page as canonical.
      canonical={question.path}
      canonicalLocale={question.locale}
      alternates={alternatesOf(question)}
      ogType="article"
      jsonLd={jsonLd}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: topicTitle, href: question.topic.path },
        { label: question.title },
      ]}
    >
      <article class="question">
        {fallback && (
          <p class="notice" role="note">
            {t('question.fallback')}
          </p>
        )}
        <h1 lang={contentLang}>{question.title}</h1>
        <p class="meta">
          <a href={path(question.topic.path)}>{topicTitle}</a> · {regionName} ·{' '}
          {t('question.answerCount', { count: answers.length })}
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
            <p lang={contentLang}>{question.details}</p>
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
            contentLang={contentLang}
          />
        ))}
        <QuestionFooter questionId={question.id} hasAnswers={answers.length > 0} reader={reader} />
      </article>
      {related[locale].length > 0 && (
        <aside aria-labelledby="related-heading">
          <h2 id="related-heading">{t('related.heading')}</h2>
          <QuestionList questions={related[locale]} />
        </aside>
      )}
    </Layout>
  );
}

function QuestionFooter(props: { questionId: number; hasAnswers: boolean; reader: Reader | null }) {
  const { questionId, hasAnswers, reader } = props;
  const { t, path } = useI18n();
  return (
    <p class="meta question-footer">
      {hasAnswers && <a href={path(revisionsPath(questionId))}>{t('revisions.link')}</a>}
      {reader?.mayReview && <a href={path(`/editor/questions/${questionId}/duplicate`)}>{t('duplicate.link')}</a>}
    </p>
  );
}
