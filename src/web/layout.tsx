import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { ChromeContext } from './chrome';
import { t } from './messages';
import { jsonForScript } from './render';

export interface Crumb {
  label: string;
  href?: string;
}

export interface LayoutProps {
  title: string;
  description?: string;
  /** Absolute URL of the canonical form of this page. */
  canonical?: string;
  jsonLd?: unknown;
  lang?: string;
  breadcrumbs?: Crumb[];
  children: ComponentChildren;
}

export function Layout({ title, description, canonical, jsonLd, lang = 'en', breadcrumbs, children }: LayoutProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        {description && <meta name="description" content={description} />}
        {canonical && <link rel="canonical" href={canonical} />}
        <link rel="stylesheet" href="/assets/site.css" />
        {jsonLd !== undefined && (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('site.name')}
          </a>
          <nav aria-label="Main">
            <ul>
              <li>
                <a href="/social-security">{t('nav.socialSecurity')}</a>
              </li>
              <li>
                <a href="/laws">{t('nav.laws')}</a>
              </li>
              <li>
                <a href="/social-security/ask">{t('nav.ask')}</a>
              </li>
            </ul>
          </nav>
          <AccountMenu />
        </header>
        {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>{t('footer.disclaimer')}</p>
          <p>{t('footer.lawSource')}</p>
        </footer>
      </body>
    </html>
  );
}

function AccountMenu() {
  const { viewer, csrfToken, unreadNotifications } = useContext(ChromeContext);
  if (!viewer) {
    return (
      <p class="account-menu">
        <a href="/account/sign-in">{t('nav.signIn')}</a> · <a href="/account/register">{t('nav.register')}</a>
      </p>
    );
  }
  const staff = viewer.role === 'expert' || viewer.role === 'editor' || viewer.role === 'admin';
  return (
    <div class="account-menu">
      <a href="/account">{viewer.displayName}</a>
      <a href="/account/notifications" aria-label={t('nav.notificationsCount', { count: unreadNotifications })}>
        {t('nav.notifications')}
        {unreadNotifications > 0 && <span class="badge">{unreadNotifications}</span>}
      </a>
      {staff && <a href="/expert/queue">{t('nav.expertQueue')}</a>}
      {(viewer.role === 'editor' || viewer.role === 'admin') && <a href="/editor/review">{t('nav.review')}</a>}
      {(viewer.role === 'editor' || viewer.role === 'admin') && <a href="/editor/stale">{t('nav.stale')}</a>}
      {(viewer.role === 'editor' || viewer.role === 'admin') && <a href="/editor/imported">{t('nav.imported')}</a>}
      {viewer.role === 'admin' && <a href="/admin/users">{t('nav.users')}</a>}
      <form method="post" action="/account/sign-out">
        <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
        <button type="submit" class="link-button">
          {t('nav.signOut')}
        </button>
      </form>
    </div>
  );
}

function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumbs">
      <ol>
        {items.map((item, index) =>
          item.href && index < items.length - 1 ? (
            <li>
              <a href={item.href}>{item.label}</a>
            </li>
          ) : (
            <li aria-current="page">{item.label}</li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** The inquiry search box. A plain GET form, so it works without JavaScript. */
export function SearchBox({ query = '' }: { query?: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role=search is the landmark readers know; <search> is new.
    <form
      class="search-box"
      role="search"
      method="get"
      action="/social-security/search"
      data-suggest-label={t('search.suggestions')}
    >
      <label for="search-q">{t('search.label')}</label>
      <div class="search-row">
        <div class="search-input">
          <input
            id="search-q"
            type="search"
            name="q"
            value={query}
            placeholder={t('search.placeholder')}
            maxLength={200}
          />
        </div>
        <button type="submit">{t('search.button')}</button>
      </div>
      {/* Island: suggestions while typing (progressive enhancement). */}
      <script type="module" src="/assets/search-suggest.js" />
    </form>
  );
}

export interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} class="pagination">
      {page > 1 && (
        <a rel="prev" href={hrefFor(page - 1)}>
          {t('pagination.previous')}
        </a>
      )}
      <span>{t('pagination.status', { page, pageCount })}</span>
      {page < pageCount && (
        <a rel="next" href={hrefFor(page + 1)}>
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}
