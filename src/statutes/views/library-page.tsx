import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import type { StatuteService } from '../service';

export interface LibraryPageProps {
  statutes: Awaited<ReturnType<StatuteService['listStatutes']>>;
  baseUrl: string;
}

export function LibraryPage({ statutes, baseUrl }: LibraryPageProps) {
  return (
    <Layout
      title={t('laws.title')}
      description={t('laws.lead')}
      canonical={`${baseUrl}/laws`}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('laws.title') }]}
    >
      <h1>{t('laws.title')}</h1>
      <p class="lead">{t('laws.lead')}</p>
      <ul class="topic-grid">
        {statutes.map((s) => (
          <li>
            <a href={`/laws/${s.slug}`}>{s.titleEn}</a>
            <p lang="zh-CN">{s.titleZh}</p>
            <p class="meta">
              {s.level} · {t('laws.inForceFrom', { date: s.versionDate })} ·{' '}
              {t('laws.articleCount', { count: s.articleCount })}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
