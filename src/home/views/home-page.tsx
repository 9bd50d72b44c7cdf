import { SearchBox } from '../../inquiry';
import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';

export function HomePage({ baseUrl }: { baseUrl: string }) {
  return (
    <Layout title={t('home.title')} description={t('site.tagline')} canonical={`${baseUrl}/`}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <SearchBox />
      <p>
        <a class="button" href="/social-security">
          {t('home.enterCenter')}
        </a>
      </p>
      <p class="meta">{t('home.jobsSoon')}</p>
    </Layout>
  );
}
