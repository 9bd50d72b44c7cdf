import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { City, Period } from '../../service';

export interface AdminCitiesPageProps {
  rows: { city: City; periods: Period[] }[];
  /** The key of the period just added, to say so. */
  added: string | null;
}

/** GET /admin/cities: each city's periods (shipped or added by an editor) and the way to add the next one. */
export function AdminCitiesPage({ rows, added }: AdminCitiesPageProps) {
  const { t, path, locale, date } = useI18n();
  return (
    <Layout
      title={t('cities.admin.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('cities.admin.title') }]}
    >
      <h1>{t('cities.admin.title')}</h1>
      <p class="lead">{t('cities.admin.lead')}</p>
      {added && (
        <p class="notice" role="status">
          {t('cities.admin.added', { key: added })}
        </p>
      )}
      <p>
        <a href={path('/admin/outlets')}>{t('cities.outlets.adminTitle')}</a>
      </p>
      {rows.map(({ city, periods }) => (
        <section aria-labelledby={`city-${city.slug}`}>
          <h2 id={`city-${city.slug}`}>{locale === 'zh' ? city.nameZh : city.nameEn}</h2>
          <ul>
            {periods.map((p) => (
              <li>
                {p.yearLabel}{' '}
                <span class="meta">
                  {p.from
                    ? t('cities.periodDates', { from: date(p.from), to: p.to ? date(p.to) : '?' })
                    : t('cities.periodUndated')}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <a href={path(`/admin/cities/${city.slug}/periods/new`)}>{t('cities.admin.addPeriod')}</a> ·{' '}
            <a href={path(`/cities/${city.slug}`)}>{t('cities.admin.cityPage')}</a>
          </p>
        </section>
      ))}
    </Layout>
  );
}
