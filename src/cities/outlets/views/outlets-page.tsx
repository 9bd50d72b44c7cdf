import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { OfficialChannels } from '../../pages/views/channels';
import type { City } from '../../service';
import { OUTLET_SERVICE_LABEL, OUTLET_SERVICES, type Outlet, type OutletService } from '../model';
import { OutletList } from './outlet-list';

export interface OutletsPageProps {
  cities: City[];
  city: City | null;
  service: OutletService | null;
  /** The city's outlets offering the service (all of them without one). */
  outlets: Outlet[];
  /** How many outlets the city has in all. */
  listed: number;
  /** The official sites of the city's notices. */
  hosts: string[];
}

/**
 * GET /social-security/outlets?city=&service=: a GET form (the city chosen once is kept in the URL), the
 * outlets, and where a city has none, the official channels instead.
 */
export function OutletsPage({ cities, city, service, outlets, listed, hosts }: OutletsPageProps) {
  const { t, path, locale } = useI18n();
  const name = city ? (locale === 'zh' ? city.nameZh : city.nameEn) : null;
  const title = name ? t('cities.outlets.titleIn', { city: name }) : t('cities.outlets.title');
  const canonical = city ? `/social-security/outlets?city=${city.slug}` : '/social-security/outlets';
  return (
    <Layout
      title={title}
      description={t('cities.outlets.lead')}
      canonical={service ? undefined : canonical}
      noindex={service !== null}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: t('cities.outlets.title') },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('cities.outlets.lead')}</p>
      <form method="get" action={path('/social-security/outlets')} class="filter-form">
        <label for="outlets-city">{t('cities.outlets.city')}</label>
        <select id="outlets-city" name="city">
          <option value="">{t('cities.outlets.chooseCity')}</option>
          {cities.map((c) => (
            <option value={c.slug} selected={c.slug === city?.slug}>
              {locale === 'zh' ? c.nameZh : c.nameEn}
            </option>
          ))}
        </select>
        <label for="outlets-service">{t('cities.outlets.service')}</label>
        <select id="outlets-service" name="service">
          <option value="">{t('cities.outlets.anyService')}</option>
          {OUTLET_SERVICES.map((s) => (
            <option value={s} selected={s === service}>
              {t(OUTLET_SERVICE_LABEL[s])}
            </option>
          ))}
        </select>
        <button type="submit">{t('cities.outlets.show')}</button>
      </form>
      {!city && <p>{t('cities.outlets.chooseFirst')}</p>}
      {city && name && listed === 0 && (
        <section aria-labelledby="channels">
          <p class="notice" id="channels">
            {t('cities.outlets.none', { city: name })}
          </p>
          <OfficialChannels hosts={hosts} />
        </section>
      )}
      {city && name && listed > 0 && outlets.length === 0 && (
        <p class="notice">{t('cities.outlets.noneForService', { city: name })}</p>
      )}
      {outlets.length > 0 && (
        <>
          <p class="meta">{t('cities.outlets.count', { count: outlets.length })}</p>
          <OutletList outlets={outlets} />
        </>
      )}
      {city && listed > 0 && (
        <>
          <h2>{t('cities.channelsHeading')}</h2>
          <OfficialChannels hosts={hosts} />
        </>
      )}
    </Layout>
  );
}
