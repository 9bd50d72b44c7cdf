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
  const { viewerName, csrfToken, menu } = useContext(ChromeContext);
  if (viewerName === null) {
    return (
      <p class="account-menu">
        <a href="/account/sign-in">{t('nav.signIn')}</a> · <a href="/account/register">{t('nav.register')}</a>
      </p>
    );
  }
  return (
    <div class="account-menu">
      {[...menu]
        .sort((a, b) => a.order - b.order)
        .map((link) => (
          <a href={link.href} aria-label={link.ariaLabel}>
            {link.label}
            {link.badge !== undefined && link.badge > 0 && <span class="badge">{link.badge}</span>}
          </a>
        ))}
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
