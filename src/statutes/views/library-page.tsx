import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { StatuteService } from '../service';
import { levelName, statuteTitle } from './names';

export interface LibraryPageProps {
  statutes: Awaited<ReturnType<StatuteService['listStatutes']>>;
}

export function LibraryPage({ statutes }: LibraryPageProps) {
  const i18n = useI18n();
  const { t, path, date, locale } = i18n;
  return (
    <Layout
      title={t('laws.title')}
      description={t('laws.lead')}
      canonical="/laws"
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('laws.title') }]}
    >
      <h1>{t('laws.title')}</h1>
      <p class="lead">{t('laws.lead')}</p>
      <ul class="topic-grid">
        {statutes.map((s) => (
          <li>
            <a href={path(`/laws/${s.slug}`)}>{statuteTitle(i18n, s)}</a>
            {locale === 'en' && <p lang="zh-CN">{s.titleZh}</p>}
            <p class="meta">
              {levelName(i18n, s.level)} · {t('laws.inForceFrom', { date: date(s.versionDate) })} ·{' '}
              {t('laws.articleCount', { count: s.articleCount })}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
