import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { SearchBox } from '../../search/views/search-box';
import type { QuestionService as InquiryService } from '../service';
import { QuestionList } from './question-list';
import { topicIn } from './topic-names';

export type CenterPageProps = Awaited<ReturnType<InquiryService['loadCenter']>>;

export function CenterPage({ topics, latest, mostViewed }: CenterPageProps) {
  const { t, path, locale } = useI18n();
  return (
    <Layout
      title={t('center.title')}
      description={t('center.lead')}
      canonical="/social-security"
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.socialSecurity') }]}
    >
      <h1>{t('center.title')}</h1>
      <p class="lead">{t('center.lead')}</p>
      <SearchBox />
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('center.topics')}</h2>
        <ul class="topic-grid">
          {topics.map((topic) => {
            const { title, summary } = topicIn(locale, topic);
            return (
              <li>
                <a href={path(topic.path)}>{title}</a>
                {/* English readers meet the Chinese name at the bureau's counter: it is shown beside theirs. */}
                {locale === 'en' && (
                  <>
                    {' '}
                    <span lang="zh-CN" class="meta">
                      {topic.titleZh}
                    </span>
                  </>
                )}
                <p>{summary}</p>
                <p class="meta">{t('center.questionCount', { count: topic.questionCount })}</p>
              </li>
            );
          })}
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
