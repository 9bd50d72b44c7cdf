import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import type { StatuteService } from '../service';

type Statute = Awaited<ReturnType<StatuteService['getStatute']>>;
type Article = Statute['articles'][number];
export type StatutePageProps = Statute & { baseUrl: string };

interface Chapter {
  title: string | null;
  sections: { title: string | null; articles: Article[] }[];
}

/** Groups consecutive articles by chapter and section, as the statute is printed. */
function outline(articles: Article[]): Chapter[] {
  const chapters: Chapter[] = [];
  for (const article of articles) {
    let chapter = chapters.at(-1);
    if (!chapter || chapter.title !== article.chapter) {
      chapter = { title: article.chapter, sections: [] };
      chapters.push(chapter);
    }
    let section = chapter.sections.at(-1);
    if (!section || section.title !== article.section) {
      section = { title: article.section, articles: [] };
      chapter.sections.push(section);
    }
    section.articles.push(article);
  }
  return chapters;
}

export function StatutePage(props: StatutePageProps) {
  const { slug, titleEn, titleZh, level, versionDate, history, preamble, sourceRef, articles, baseUrl } = props;
  return (
    <Layout
      title={titleEn}
      description={`${titleZh} — ${t('laws.inForceFrom', { date: versionDate })}`}
      canonical={`${baseUrl}/laws/${slug}`}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('laws.title'), href: '/laws' }, { label: titleEn }]}
    >
      <h1>
        {titleEn}
        <br />
        <span lang="zh-CN">{titleZh}</span>
      </h1>
      <p class="meta">
        {t('laws.level')}: <span lang="zh-CN">{level}</span> · {t('laws.inForceFrom', { date: versionDate })} ·{' '}
        {t('laws.articleCount', { count: articles.length })}
      </p>
      {history.length > 0 && (
        <details>
          <summary>{t('laws.history')}</summary>
          <ul lang="zh-CN">
            {history.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <p class="meta">
            {t('laws.source')}: {sourceRef}
          </p>
        </details>
      )}
      {preamble && (
        <p lang="zh-CN" class="article-text">
          {preamble}
        </p>
      )}
      <div class="statute-articles" lang="zh-CN">
        {outline(articles).map((chapter) => (
          <section>
            {chapter.title && <h2>{chapter.title}</h2>}
            {chapter.sections.map((section) => (
              <>
                {section.title && <h3>{section.title}</h3>}
                {section.articles.map((article) => (
                  <div class="statute-article" id={`article-${article.number}`}>
                    <a href={`/laws/${slug}/articles/${article.number}`}>
                      <strong>{article.label}</strong>
                    </a>{' '}
                    <span class="article-text">{article.text}</span>
                  </div>
                ))}
              </>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  );
}
