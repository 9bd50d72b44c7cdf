import { useI18n } from '../../../platform/web/i18n';
import { OUTLET_SERVICE_LABEL, type Outlet } from '../model';

/** Outlets as cards: where, when, what they do, and the public page each was taken from with its date. */
export function OutletList({ outlets }: { outlets: Outlet[] }) {
  const { t, date } = useI18n();
  return (
    <ul class="outlet-list">
      {outlets.map((o) => (
        <li>
          <h3>{o.name}</h3>
          <dl>
            <dt>{t('cities.outlets.address')}</dt>
            <dd>{o.address}</dd>
            {o.district && (
              <>
                <dt>{t('cities.outlets.district')}</dt>
                <dd>{o.district}</dd>
              </>
            )}
            {o.phone && (
              <>
                <dt>{t('cities.outlets.phone')}</dt>
                <dd>
                  <a href={`tel:${o.phone.replace(/[^\d+-]/g, '')}`}>{o.phone}</a>
                </dd>
              </>
            )}
            {o.hours && (
              <>
                <dt>{t('cities.outlets.hours')}</dt>
                <dd>{o.hours}</dd>
              </>
            )}
            {o.services.length > 0 && (
              <>
                <dt>{t('cities.outlets.services')}</dt>
                <dd>{o.services.map((s) => t(OUTLET_SERVICE_LABEL[s])).join(' · ')}</dd>
              </>
            )}
            <dt>{t('cities.outlets.source')}</dt>
            <dd>
              <a href={o.sourceUrl} rel="nofollow">
                {hostOf(o.sourceUrl)}
              </a>{' '}
              <span class="meta">{t('cities.outlets.verified', { date: date(o.verifiedOn) })}</span>
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
