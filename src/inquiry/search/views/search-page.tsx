import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout, Pagination } from '../../../platform/web/layout';
import type { SearchOutcome as SearchResults } from '../service';
import { SearchBox } from './search-box';

export interface SearchPageProps {
  query: string;
  topic?: string;
  region?: string;
  /** Null when there is no query yet: the page shows the form only. */
  found: SearchResults | null;
  error: string | null;
  /** Named in the reader's language; `path` without language prefix. */
  topics: { slug: string; title: string; path: string }[];
  regions: { code: string; name: string }[];
}

/** The label of a result not in the reader's language. */
const RESULT_LANGUAGE = { en: 'search.resultLanguage.en', zh: 'search.resultLanguage.zh' } as const;

export function SearchPage({ query, topic, region, found, error, topics, regions }: SearchPageProps) {
  const { t, path, locale } = useI18n();
  // Paths without language prefix: Pagination puts the reader's in.
  const params = (page: number) => {
    const p = new URLSearchParams({ q: query });
    if (topic) p.set('topic', topic);
    if (region) p.set('region', region);
    if (page > 1) p.set('page', String(page));
    return `/social-security/search?${p}`;
  };
  const askPath = path(`/social-security/ask?${new URLSearchParams({ title: query })}`);
  const title = found && query ? t('search.resultsFor', { query }) : t('search.title');
  const searched = query !== '' || topic !== undefined || region !== undefined;
  return (
    <Layout
      title={title}
      description={t('search.prompt')}
      // Result pages are endless variations of one page: kept out of search engines; the empty form is not.
      noindex={searched}
      canonical={searched ? undefined : '/social-security/search'}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: t('search.title') },
      ]}
    >
      <h1>{title}</h1>
      <SearchBox query={query} />
      <form class="search-filters" method="get" action={path('/social-security/search')}>
        <input type="hidden" name="q" value={query} />
        <label>
          {t('search.topic')}{' '}
          <select name="topic">
            <option value="">{t('search.anyTopic')}</option>
            {topics.map((tp) => (
              <option value={tp.slug} selected={tp.slug === topic}>
                {tp.title}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('search.region')}{' '}
          <select name="region">
            <option value="">{t('search.anyRegion')}</option>
            {regions.map((r) => (
              <option value={r.code} selected={r.code === region}>
                {r.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('search.filter')}</button>
      </form>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {!found && !error && <p>{t('search.prompt')}</p>}
      {found?.notice === 'no-words' && <p class="notice">{t('search.noWords')}</p>}
      {found && found.results.length > 0 && (
        <>
          <p class="meta">
            {found.totalIsCapped
              ? t('search.countCapped', { total: found.total })
              : t('search.count', { total: found.total })}
          </p>
          <ol class="search-results" start={(found.page - 1) * found.pageSize + 1}>
            {found.results.map((r) => {
              // A question with no version in the reader's language is shown in its own, and says so.
              const other = r.locale !== locale;
              return (
                <li lang={other ? HTML_LANG[r.locale] : undefined}>
                  {/* The whole title, escaped by highlightWhole; only <mark> is added. */}
                  <a href={path(r.path)} dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                  {/* Snippets are escaped by highlightSnippet; only <mark> is added. */}
                  <p class="snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />
                  <p class="meta" lang={other ? HTML_LANG[locale] : undefined}>
                    {other && <>{t(RESULT_LANGUAGE[r.locale])} · </>}
                    {r.topic.title} · {r.region.name}
                  </p>
                </li>
              );
            })}
          </ol>
          <Pagination page={found.page} pageCount={found.pageCount} hrefFor={params} />
        </>
      )}
      {found && found.results.length === 0 && (
        <section class="no-results">
          {!found.notice && <p>{t('search.noResults', { query })}</p>}
          <p>
            <a class="button" href={askPath}>
              {t('search.ask')}
            </a>
          </p>
          <p>{t('search.tryTopics')}</p>
          <ul class="topic-grid">
            {topics.map((tp) => (
              <li>
                <a href={path(tp.path)}>{tp.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {found && found.results.length > 0 && (
        <p class="meta">
          {t('search.askLead')} <a href={askPath}>{t('search.ask')}</a>
        </p>
      )}
    </Layout>
  );
}
