import { useI18n } from '../../../platform/web/i18n';
import { Layout, Pagination } from '../../../platform/web/layout';
import type { JobCard } from '../cards';
import { JOBS_PAGE_SIZE, type JobSearchFound } from '../search';
import { FilterForm } from './filter-form';
import { JobCardItem } from './job-card';
import { isFiltered, type JobSearchQuery, searchPath } from './query-string';
import { SaveSearchForm } from './save-search-form';

export interface JobSearchPageProps {
  query: JobSearchQuery;
  /** Null when the search was refused (error says why). */
  found: (JobSearchFound & { results: JobCard[] }) | null;
  error: string | null;
  placeNames: Record<string, string>;
  benefits: { key: string; label: string }[];
}

/** GET /jobs: the search form with its facet counts beside the results. */
export function JobSearchPage({ query, found, error, placeNames, benefits }: JobSearchPageProps) {
  const { t } = useI18n();
  const filtered = isFiltered(query);
  const title = query.q ? t('jobs.search.resultsFor', { query: query.q }) : t('jobs.search.title');
  return (
    <Layout
      title={title}
      description={t('jobs.search.lead')}
      // Filtered pages are endless variations of one page: kept out of search engines; the plain list is not.
      noindex={filtered}
      canonical={filtered ? undefined : '/jobs'}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('jobs.search.title') }]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('jobs.search.lead')}</p>
      <div class="job-search">
        <FilterForm query={query} facets={found?.facets ?? null} placeNames={placeNames} benefits={benefits} />
        <section class="job-results" aria-label={t('jobs.search.results')}>
          {error && (
            <p class="notice" role="alert">
              {error}
            </p>
          )}
          {found?.noWords && <p class="notice">{t('jobs.search.noWords')}</p>}
          {found && (
            <p class="meta" role="status">
              {t('jobs.search.count', { total: found.total })}
            </p>
          )}
          {found && <SaveSearchForm query={query} />}
          {found && found.results.length > 0 && (
            <>
              <ol class="job-list" start={(found.page - 1) * JOBS_PAGE_SIZE + 1}>
                {found.results.map((job) => (
                  <JobCardItem job={job} />
                ))}
              </ol>
              <Pagination page={found.page} pageCount={found.pageCount} hrefFor={(page) => searchPath(query, page)} />
            </>
          )}
          {found && found.results.length === 0 && <p>{t('jobs.search.none')}</p>}
        </section>
      </div>
    </Layout>
  );
}
