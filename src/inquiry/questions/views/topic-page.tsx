import { Layout, Pagination } from '../../../platform/web/layout';
import { t } from '../../../platform/web/messages';
import { SearchBox } from '../../search/views/search-box';
import type { QuestionService as InquiryService } from '../service';
import { QuestionList } from './question-list';

export type TopicPageProps = Awaited<ReturnType<InquiryService['listQuestions']>> & { baseUrl: string };

export function TopicPage({ topic, questions, page, pageCount, baseUrl }: TopicPageProps) {
  const title = topic!.title;
  const path = `/social-security/topics/${topic!.slug}`;
  const hrefFor = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  return (
    <Layout
      title={page > 1 ? `${title} (${t('pagination.status', { page, pageCount })})` : title}
      description={topic!.summary}
      canonical={`${baseUrl}${hrefFor(page)}`}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: title },
      ]}
    >
      <h1>
        {title}{' '}
        <span lang="zh-CN" class="meta">
          {topic!.titleZh}
        </span>
      </h1>
      <p class="lead">{topic!.summary}</p>
      <SearchBox />
      <h2>{t('topic.questions')}</h2>
      {questions.length === 0 ? <p>{t('topic.empty')}</p> : <QuestionList questions={questions} />}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
