import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { StatuteService } from '../service';
import { articleName, levelName, publishedTextLang, statuteTitle } from './names';

type Statute = Awaited<ReturnType<StatuteService['getStatute']>>;
type Article = Statute['articles'][number];
export type StatutePageProps = Statute;

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
  const { slug, titleZh, level, versionDate, history, preamble, sourceRef, articles } = props;
  const i18n = useI18n();
  const { t, path, date, locale } = i18n;
  const title = statuteTitle(i18n, props);
  // The chapters, headings and text are the published Chinese in both languages.
  const textLang = publishedTextLang(i18n);
  const version = t('laws.inForceFrom', { date: date(versionDate) });
  return (
    <Layout
      title={title}
      description={t('laws.statuteDescription', {
        title: locale === 'zh' ? titleZh : `${title} (${titleZh})`,
        date: date(versionDate),
        count: articles.length,
      })}
      canonical={`/laws/${slug}`}
      ogType="article"
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('laws.title'), href: '/laws' }, { label: title }]}
    >
      <h1>
        {title}
        {locale === 'en' && (
          <>
            <br />
            <span lang="zh-CN">{titleZh}</span>
          </>
        )}
      </h1>
      <p class="meta">
        {t('laws.level', { level: levelName(i18n, level) })} · {version} ·{' '}
        {t('laws.articleCount', { count: articles.length })}
      </p>
      <p class="meta">{t('laws.textAsPublished')}</p>
      {history.length > 0 && (
        <details>
          <summary>{t('laws.history')}</summary>
          <ul lang={textLang}>
            {history.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <p class="meta">{t('laws.source', { source: sourceRef })}</p>
        </details>
      )}
      {preamble && (
        <p lang={textLang} class="article-text">
          {preamble}
        </p>
      )}
      <div class="statute-articles">
        {outline(articles).map((chapter) => (
          <section>
            {chapter.title && <h2 lang={textLang}>{chapter.title}</h2>}
            {chapter.sections.map((section) => (
              <>
                {section.title && <h3 lang={textLang}>{section.title}</h3>}
                {section.articles.map((article) => (
                  <div class="statute-article" id={`article-${article.number}`}>
                    <a href={path(`/laws/${slug}/articles/${article.number}`)}>
                      <strong>{articleName(i18n, article.number, article.label)}</strong>
                    </a>{' '}
                    <span class="article-text" lang={textLang}>
                      {article.text}
                    </span>
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
