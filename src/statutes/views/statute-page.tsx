import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { StatuteService } from '../service';
import { articleName, levelName, publishedTextLang, statuteTitle } from './names';

type Statute = Awaited<ReturnType<StatuteService['getStatute']>>;
type Article = Statute['articles'][number];
export type StatutePageProps = Statute;

const LEVELS = ['part', 'subpart', 'chapter', 'section'] as const;

/** A heading of the statute (编, 分编, 章, 节) where it starts, with the anchor its table of contents links to. */
interface Heading {
  level: number;
  title: string;
  id: string;
  children: Heading[];
}

/**
 * The headings above each article, as the statute is printed: a heading starts where its title differs from the
 * previous article's or a higher level changed. Levels no article has are left out, so a law of chapters only
 * has its chapters at the top.
 */
function outline(articles: Article[]) {
  const present = LEVELS.filter((level) => articles.some((a) => a[level]));
  const startsAt = new Map<number, Heading[]>();
  const top: Heading[] = [];
  const open: Heading[] = [];
  let previous: Article | undefined;
  for (const article of articles) {
    let changed = false;
    present.forEach((level, depth) => {
      const title = article[level];
      changed ||= !previous || previous[level] !== title;
      if (!changed) return;
      open.length = depth;
      if (!title) return;
      const heading: Heading = { level: depth, title, id: `toc-${article.number}-${depth}`, children: [] };
      (open.findLast(Boolean)?.children ?? top).push(heading);
      open[depth] = heading;
      startsAt.set(article.number, [...(startsAt.get(article.number) ?? []), heading]);
    });
    previous = article;
  }
  return { top, startsAt };
}

function TableOfContents({ headings, lang }: { headings: Heading[]; lang: string | undefined }) {
  return (
    <ol>
      {headings.map((h) => (
        <li>
          <a href={`#${h.id}`} lang={lang}>
            {h.title}
          </a>
          {h.children.length > 0 && <TableOfContents headings={h.children} lang={lang} />}
        </li>
      ))}
    </ol>
  );
}

function HeadingOf({ heading, lang }: { heading: Heading; lang: string | undefined }) {
  const Tag = (['h2', 'h3', 'h4', 'h5'] as const)[heading.level] ?? 'h5';
  return (
    <Tag id={heading.id} lang={lang}>
      {heading.title}
    </Tag>
  );
}

export function StatutePage(props: StatutePageProps) {
  const { slug, titleZh, level, versionDate, history, preamble, sourceRef, articles, inForce, versions } = props;
  const i18n = useI18n();
  const { t, path, date, locale } = i18n;
  const title = statuteTitle(i18n, props);
  // The chapters, headings and text are the published Chinese in both languages.
  const textLang = publishedTextLang(i18n);
  const version = t('laws.inForceFrom', { date: date(versionDate) });
  const contents = outline(articles);
  return (
    <Layout
      title={title}
      description={t('laws.statuteDescription', {
        title: locale === 'zh' ? titleZh : `${title} (${titleZh})`,
        date: date(versionDate),
        count: articles.length,
      })}
      canonical={inForce ? `/laws/${slug}` : `/laws/${slug}/versions/${versionDate}`}
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
      {!inForce && (
        <p class="notice">
          {t('laws.notInForce', { date: date(versions.find((v) => v.inForce)?.date ?? versionDate) })}
        </p>
      )}
      {versions.length > 1 && (
        <p class="meta statute-versions">
          {t('laws.versions')}{' '}
          {versions.map((v, i) => (
            <>
              {i > 0 && ' · '}
              {v.date === versionDate ? (
                <strong>{date(v.date)}</strong>
              ) : (
                <a href={path(v.inForce ? `/laws/${slug}` : `/laws/${slug}/versions/${v.date}`)}>{date(v.date)}</a>
              )}
            </>
          ))}
        </p>
      )}
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
      {contents.top.length > 0 && (
        <nav class="statute-contents" aria-labelledby="statute-contents">
          <h2 id="statute-contents">{t('laws.contents')}</h2>
          <TableOfContents headings={contents.top} lang={textLang} />
        </nav>
      )}
      <div class="statute-articles">
        {articles.map((article) => (
          <>
            {(contents.startsAt.get(article.number) ?? []).map((heading) => (
              <HeadingOf heading={heading} lang={textLang} />
            ))}
            <div class="statute-article" id={`article-${article.number}`}>
              <a href={inForce ? path(`/laws/${slug}/articles/${article.number}`) : `#article-${article.number}`}>
                <strong>{articleName(i18n, article.number, article.label)}</strong>
              </a>{' '}
              <span class="article-text" lang={textLang}>
                {article.text}
              </span>
            </div>
          </>
        ))}
      </div>
    </Layout>
  );
}
