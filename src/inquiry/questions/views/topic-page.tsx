import { useI18n } from '../../../platform/web/i18n';
import { Layout, Pagination } from '../../../platform/web/layout';
import { SearchBox } from '../../search/views/search-box';
import type { QuestionService as InquiryService } from '../service';
import { topicPath } from '../slug';
import { QuestionList } from './question-list';
import { topicIn } from './topic-names';

type TopicList = Awaited<ReturnType<InquiryService['listQuestions']>>;

/** A topic's page: a list of one topic always has its topic. */
export type TopicPageProps = TopicList & { topic: NonNullable<TopicList['topic']> };

export function TopicPage({ topic, questions, page, pageCount }: TopicPageProps) {
  const { t, locale } = useI18n();
  const { title, summary } = topicIn(locale, topic);
  const base = topicPath(topic.slug);
  const hrefFor = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  return (
    <Layout
      title={page > 1 ? `${title} (${t('pagination.status', { page, pageCount })})` : title}
      description={summary}
      canonical={hrefFor(page)}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: title },
      ]}
    >
      <h1>
        {title}
        {locale === 'en' && (
          <>
            {' '}
            <span lang="zh-CN" class="meta">
              {topic.titleZh}
            </span>
          </>
        )}
      </h1>
      <p class="lead">{summary}</p>
      <SearchBox />
      <h2>{t('topic.questions')}</h2>
      {questions.length === 0 ? <p>{t('topic.empty')}</p> : <QuestionList questions={questions} />}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
