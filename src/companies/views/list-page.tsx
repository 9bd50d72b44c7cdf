import { useI18n } from '../../platform/web/i18n';
import { Layout, Pagination } from '../../platform/web/layout';
import { INDUSTRY_LABELS } from '../labels';
import type { CompanyCard } from '../model';
import { INDUSTRIES, type Industry } from '../tables';
import { CompanyFacts, CompanyName, DemoLabel, VerifiedBadge } from './parts';

export interface CompanyListPageProps {
  companies: CompanyCard[];
  total: number;
  page: number;
  pageCount: number;
  filter: { industry?: Industry; city?: string };
  cities: { code: string; name: { en: string; zh: string } }[];
}

function listHref(filter: CompanyListPageProps['filter'], page: number): string {
  const query = new URLSearchParams();
  if (filter.industry) query.set('industry', filter.industry);
  if (filter.city) query.set('city', filter.city);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/companies?${text}` : '/companies';
}

/** The public list of companies with its filters (a GET form: works without JavaScript, filters in the URL). */
export function CompanyListPage({ companies, total, page, pageCount, filter, cities }: CompanyListPageProps) {
  const { t, path, locale } = useI18n();
  const filtered = filter.industry !== undefined || filter.city !== undefined;
  return (
    <Layout
      title={t('company.list.title')}
      description={t('company.list.lead')}
      canonical={listHref(filter, page)}
      noindex={filtered}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('company.list.title') }]}
    >
      <h1>{t('company.list.title')}</h1>
      <p class="lead">{t('company.list.lead')}</p>
      <form method="get" action={path('/companies')} class="search-filters">
        <label>
          {t('company.field.industry')}{' '}
          <select name="industry">
            <option value="">{t('company.list.anyIndustry')}</option>
            {INDUSTRIES.map((industry) => (
              <option value={industry} selected={industry === filter.industry}>
                {t(INDUSTRY_LABELS[industry])}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('company.field.city')}{' '}
          <select name="city">
            <option value="">{t('company.list.anyCity')}</option>
            {cities.map((city) => (
              <option value={city.code} selected={city.code === filter.city}>
                {city.name[locale]}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('company.list.filter')}</button>
      </form>
      <p class="meta">{t('company.list.count', { count: total })}</p>
      {companies.length === 0 ? (
        <p>{t('company.list.empty')}</p>
      ) : (
        <ul class="question-list">
          {companies.map((company) => (
            <li>
              <a href={path(company.path)}>
                <CompanyName name={company.name} />
              </a>{' '}
              <VerifiedBadge company={company} /> <DemoLabel company={company} />
              <p class="meta">
                <CompanyFacts company={company} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => listHref(filter, n)} />
    </Layout>
  );
}
