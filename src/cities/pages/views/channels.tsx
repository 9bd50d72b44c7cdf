import { useI18n } from '../../../platform/web/i18n';

/** 12333 and the official sites of the city's notices. */
export function OfficialChannels({ hosts }: { hosts: string[] }) {
  const { t } = useI18n();
  return (
    <ul class="official-channels">
      <li>{t('cities.hotline')}</li>
      {hosts.map((host) => (
        <li>{t('cities.officialSite', { host })}</li>
      ))}
    </ul>
  );
}
