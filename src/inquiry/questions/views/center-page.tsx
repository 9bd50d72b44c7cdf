import { Layout } from '../../../platform/web/layout';
import { t } from '../../../platform/web/messages';
import { SearchBox } from '../../search/views/search-box';
import type { QuestionService as InquiryService } from '../service';
import { QuestionList } from './question-list';

export type CenterPageProps = Awaited<ReturnType<InquiryService['loadCenter']>> & { baseUrl: string };

export function CenterPage({ topics, latest, mostViewed, baseUrl }: CenterPageProps) {
  return (
    <Layout
      title={t('center.title')}
      description={t('center.lead')}
      canonical={`${baseUrl}/social-security`}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.socialSecurity') }]}
    >
      <h1>{t('center.title')}</h1>
      <p class="lead">{t('center.lead')}</p>
      <SearchBox />
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('center.topics')}</h2>
        <ul class="topic-grid">
          {topics.map((topic) => (
            <li>
              <a href={topic.path}>{topic.title}</a>{' '}
              <span lang="zh-CN" class="meta">
                {topic.titleZh}
              </span>
              <p>{topic.summary}</p>
              <p class="meta">{t('center.questionCount', { count: topic.questionCount })}</p>
            </li>
          ))}
        </ul>
      </section>
      <div class="columns">
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">{t('center.latest')}</h2>
          <QuestionList questions={latest} />
        </section>
        <section aria-labelledby="viewed-heading">
          <h2 id="viewed-heading">{t('center.mostViewed')}</h2>
          <QuestionList questions={mostViewed} />
        </section>
      </div>
    </Layout>
  );
}
