import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { City } from '../../service';
import { OUTLET_COLUMNS, OUTLET_SERVICES, type Outlet } from '../model';

export interface AdminOutletsPageProps {
  cities: City[];
  outlets: Outlet[];
  /** The CSV sent, shown again when refused. */
  csv: string;
  imported: number | null;
  deleted: boolean;
  /** Every problem of a refused import, by line (0: the file as a whole). */
  problems: { line: number; message: string }[];
  maxLines: number;
  csrfToken: string;
}

/** GET /admin/outlets: the CSV import (all lines or none, problems listed by line) and the outlets listed. */
export function AdminOutletsPage(props: AdminOutletsPageProps) {
  const { cities, outlets, csv, imported, deleted, problems, maxLines, csrfToken } = props;
  const { t, path, locale } = useI18n();
  const cityName = new Map(cities.map((c) => [c.slug, locale === 'zh' ? c.nameZh : c.nameEn]));
  return (
    <Layout
      title={t('cities.outlets.adminTitle')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('cities.admin.title'), href: '/admin/cities' },
        { label: t('cities.outlets.adminTitle') },
      ]}
    >
      <h1>{t('cities.outlets.adminTitle')}</h1>
      <p class="lead">{t('cities.outlets.adminLead')}</p>
      {imported !== null && (
        <p class="notice" role="status">
          {t('cities.outlets.imported', { count: imported })}
        </p>
      )}
      {deleted && (
        <p class="notice" role="status">
          {t('cities.outlets.deleted')}
        </p>
      )}
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('cities.outlets.importHeading')}</h2>
        <p class="meta">
          {t('cities.outlets.importHelp', { columns: OUTLET_COLUMNS.join(','), services: OUTLET_SERVICES.join(', ') })}{' '}
          {t('cities.outlets.importLimit', { max: maxLines })}
        </p>
        {problems.length > 0 && (
          <div class="notice" role="alert" id="csv-error">
            <p>{t('cities.outlets.importRefused')}</p>
            <ul>
              {problems.map((p) => (
                <li>{p.line > 0 ? t('cities.outlets.lineError', { line: p.line, message: p.message }) : p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={path('/admin/outlets/import')} class="stacked-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <label for="outlets-csv">{t('cities.outlets.csv')}</label>
          <textarea
            id="outlets-csv"
            name="csv"
            rows={12}
            required
            aria-describedby={problems.length > 0 ? 'csv-error' : undefined}
          >
            {csv}
          </textarea>
          <button type="submit">{t('cities.outlets.import')}</button>
        </form>
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('cities.outlets.listHeading')}</h2>
        {outlets.length === 0 && <p>{t('cities.outlets.noneListed')}</p>}
        <ul>
          {outlets.map((o) => (
            <li>
              {cityName.get(o.citySlug) ?? o.citySlug} · <strong>{o.name}</strong> · {o.address}{' '}
              <span class="meta">{t('cities.outlets.verified', { date: o.verifiedOn })}</span>
              <form method="post" action={path(`/admin/outlets/${o.id}/delete`)} class="inline-form">
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit">{t('cities.outlets.delete')}</button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
