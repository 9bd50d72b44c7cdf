import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import { splitParagraphs } from '../citations';
import type { StatuteService } from '../service';

export type ArticlePageProps = Awaited<ReturnType<StatuteService['getArticle']>> & { baseUrl: string };

export function ArticlePage({ statute, number, label, text, citedBy, baseUrl }: ArticlePageProps) {
  const title = `${statute.shortTitleEn}, ${t('laws.article', { number })}`;
  return (
    <Layout
      title={title}
      description={`《${statute.titleZh}》${label}`}
      canonical={`${baseUrl}/laws/${statute.slug}/articles/${number}`}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('laws.title'), href: '/laws' },
        { label: statute.titleEn, href: `/laws/${statute.slug}` },
        { label: t('laws.article', { number }) },
      ]}
    >
      <h1>
        {title}
        <br />
        <span lang="zh-CN">
          《{statute.titleZh}》{label}
        </span>
      </h1>
      <p class="meta">{t('laws.inForceFrom', { date: statute.versionDate })}</p>
      <blockquote lang="zh-CN" class="article-text">
        {splitParagraphs(text).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </blockquote>
      <p>
        <a href={`/laws/${statute.slug}#article-${number}`}>{t('laws.wholeStatute')}</a>
      </p>
      <h2>{t('laws.citedBy')}</h2>
      {citedBy.length === 0 ? (
        <p>{t('laws.notCited')}</p>
      ) : (
        <ul class="question-list">
          {citedBy.map((q) => (
            <li lang={q.locale === 'zh' ? 'zh-CN' : undefined}>
              <a href={q.path}>{q.title}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
