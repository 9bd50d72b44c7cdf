import type { CompanySummary } from '../../companies';
import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';

export interface BlockedPageProps {
  csrfToken: string;
  blocked: { company: CompanySummary; blockedAt: string }[];
  /** What was searched for, and the companies found (null: no search yet). */
  search: { words: string; found: CompanySummary[] } | null;
  notice: 'blocked' | 'unblocked' | null;
  error: string | null;
}

/**
 * 屏蔽公司: companies the seeker hides their résumé from. A blocked company cannot open their résumé or files, even
 * for an application to it. Found by name (a GET form), blocked and unblocked with POST forms.
 */
export function BlockedPage({ csrfToken, blocked, search, notice, error }: BlockedPageProps) {
  const { t, path, locale, date } = useI18n();
  const name = (c: CompanySummary) => (locale === 'zh' ? c.nameZh : c.nameEn);
  const blockedIds = new Set(blocked.map((b) => b.company.id));
  return (
    <Layout
      title={t('resume.blocked.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('account.page.title'), href: '/account' },
        { label: t('resume.page.title'), href: '/account/resume' },
        { label: t('resume.blocked.title') },
      ]}
    >
      <h1>{t('resume.blocked.title')}</h1>
      <p class="lead">{t('resume.blocked.lead')}</p>
      {notice && (
        <p class="notice" role="status">
          {t(notice === 'blocked' ? 'resume.blocked.done' : 'resume.blocked.undone')}
        </p>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {blocked.length === 0 ? (
        <p>{t('resume.blocked.none')}</p>
      ) : (
        <ul class="question-list">
          {blocked.map(({ company, blockedAt }) => (
            <li>
              <a href={path(company.path)}>{name(company)}</a>{' '}
              <span class="meta">{t('resume.blocked.since', { date: date(blockedAt) })}</span>
              <form method="post" action={path('/account/blocked-companies/remove')}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <input type="hidden" name="companyId" value={String(company.id)} />
                <button type="submit" class="link-button">
                  {t('resume.blocked.unblock', { name: name(company) })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('resume.blocked.add')}</h2>
      <form method="get" action={path('/account/blocked-companies')} class="search-row">
        <label for="block-search">{t('resume.blocked.searchLabel')}</label>
        <input id="block-search" name="q" value={search?.words ?? ''} maxLength={100} type="search" />
        <button type="submit">{t('resume.blocked.search')}</button>
      </form>
      {search &&
        (search.found.length === 0 ? (
          <p>{t('resume.blocked.noMatch', { words: search.words })}</p>
        ) : (
          <ul class="question-list">
            {search.found.map((company) => (
              <li>
                {name(company)}{' '}
                {blockedIds.has(company.id) ? (
                  <span class="meta">{t('resume.blocked.already')}</span>
                ) : (
                  <form method="post" action={path('/account/blocked-companies')}>
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <input type="hidden" name="companyId" value={String(company.id)} />
                    <button type="submit">{t('resume.blocked.block', { name: name(company) })}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        ))}
    </Layout>
  );
}
