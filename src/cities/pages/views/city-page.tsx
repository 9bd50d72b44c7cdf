import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { Outlet } from '../../outlets/model';
import { OUTLETS_PATH } from '../../outlets/paths';
import { OutletList } from '../../outlets/views/outlet-list';
import { CONFIDENCE_LABEL, INSURANCE_LABEL } from '../../salary/views/labels';
import type { City, Period } from '../../service';
import type { ShippedSource } from '../../shipped';
import { officialHosts } from '../channels';
import { OfficialChannels } from './channels';

const cityName = (city: City, locale: string) => (locale === 'zh' ? city.nameZh : city.nameEn);

export function CitiesPage({ cities }: { cities: City[] }) {
  const { t, path, locale } = useI18n();
  return (
    <Layout
      title={t('cities.listTitle')}
      description={t('cities.listLead')}
      canonical="/cities"
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('cities.listTitle') }]}
    >
      <h1>{t('cities.listTitle')}</h1>
      <p class="lead">{t('cities.listLead')}</p>
      <ul class="topic-grid">
        {cities.map((c) => (
          <li>
            <a href={path(`/cities/${c.slug}`)}>{cityName(c, locale)}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={path('/tools/salary')}>{t('cities.salaryTitle')}</a>
      </p>
    </Layout>
  );
}

/** A figure, or "unknown" (never 0) where the data lacks it. */
function Known({ value, unit = '' }: { value: number | null; unit?: string }) {
  const { t, number } = useI18n();
  return value === null ? <em class="unknown">{t('cities.unknown')}</em> : `${number(value)}${unit}`;
}

function PeriodSection({ period, sources }: { period: Period; sources: Map<string, ShippedSource> }) {
  const { t, date } = useI18n();
  const rate = (r: Period['rates'][number], side: 'employee' | 'employer') => {
    if (r.insurance === 'work_injury' && side === 'employee') return t('cities.rule.employerOnly');
    if (r.insurance === 'maternity' && side === 'employer' && r.mergedIntoMedical)
      return t('cities.rule.mergedIntoMedical');
    const value = side === 'employee' ? r.employeeRate : r.employerRate;
    if (value !== null || (r.rateMin === null && r.rateMax === null)) return <Known value={value} unit=" %" />;
    return (
      <>
        <Known value={r.rateMin} unit=" %" /> – <Known value={r.rateMax} unit=" %" />
      </>
    );
  };
  return (
    <section aria-labelledby={`period-${period.key}`}>
      <h2 id={`period-${period.key}`}>{period.yearLabel}</h2>
      <p class="meta">
        {period.from
          ? t('cities.periodDates', { from: date(period.from), to: period.to ? date(period.to) : '?' })
          : t('cities.periodUndated')}{' '}
        · {t('cities.confidenceIs', { level: t(CONFIDENCE_LABEL[period.confidence]) })}
      </p>
      <table class="salary-table">
        <thead>
          <tr>
            <th scope="col">{t('cities.col.insurance')}</th>
            <th scope="col">{t('cities.col.baseRange')}</th>
            <th scope="col">{t('cities.col.employeeRate')}</th>
            <th scope="col">{t('cities.col.employerRate')}</th>
            <th scope="col">{t('cities.col.confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {period.rates.map((r) => (
            <tr>
              <th scope="row">{t(INSURANCE_LABEL[r.insurance])}</th>
              <td>
                <Known value={r.baseFloor} /> – <Known value={r.baseCeiling} />
              </td>
              <td>{rate(r, 'employee')}</td>
              <td>{rate(r, 'employer')}</td>
              <td>
                {t(CONFIDENCE_LABEL[r.baseConfidence])} / {t(CONFIDENCE_LABEL[r.rateConfidence])}
                {r.note && (
                  <span class="meta" lang="en">
                    {' '}
                    {r.note}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The data's own notes are in English as compiled. */}
      <p class="meta" lang="en">
        {period.notes}
      </p>
      <ul class="salary-sources">
        {period.sources.map((id) => {
          const s = sources.get(id);
          if (!s) return <li>{id}</li>;
          return (
            <li>
              <code>{id}</code> {s.url && /^https?:\/\//.test(s.url) ? <a href={s.url}>{s.title}</a> : s.title}
              <span class="meta">
                {' · '}
                <span lang="en">{s.kind}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export interface CityPageProps {
  city: City;
  periods: Period[];
  sources: ShippedSource[];
  outlets: Outlet[];
}

export function CityPage({ city, periods, sources, outlets }: CityPageProps) {
  const { t, path, locale } = useI18n();
  const name = cityName(city, locale);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const outletsPath = path(`${OUTLETS_PATH}?city=${city.slug}`);
  return (
    <Layout
      title={t('cities.cityTitle', { city: name })}
      description={t('cities.cityLead', { city: name })}
      canonical={`/cities/${city.slug}`}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('cities.listTitle'), href: '/cities' },
        { label: name },
      ]}
    >
      <h1>{t('cities.cityTitle', { city: name })}</h1>
      <p class="lead">{t('cities.cityLead', { city: name })}</p>
      <p>
        <a class="button" href={path(`/tools/salary?city=${city.slug}`)}>
          {t('cities.calculateIn', { city: name })}
        </a>
      </p>
      <section aria-labelledby="channels">
        <h2 id="channels">{t('cities.channelsHeading')}</h2>
        <OfficialChannels hosts={officialHosts(sources)} />
      </section>
      <section aria-labelledby="outlets">
        <h2 id="outlets">{t('cities.outlets.heading')}</h2>
        {outlets.length === 0 ? <p>{t('cities.outlets.none', { city: name })}</p> : <OutletList outlets={outlets} />}
        <p>
          <a href={outletsPath}>{t('cities.outlets.seeAll', { city: name })}</a>
        </p>
      </section>
      {periods.length === 0 && <p class="notice">{t('cities.noPeriods')}</p>}
      {periods.map((p) => (
        <PeriodSection period={p} sources={byId} />
      ))}
    </Layout>
  );
}
