import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { assetPath } from './assets';
import { ChromeContext } from './chrome';
import { HTML_LANG, LOCALES, type Locale, localePath, useI18n } from './i18n';
import { absoluteUrl, jsonForScript, useAddress } from './render';

export interface Crumb {
  label: string;
  /** A path on this site without its language prefix; the layout puts the reader's language in. */
  href?: string;
}

export interface LayoutProps {
  title: string;
  description?: string;
  /** The path of this page's canonical form, without language prefix: made absolute and localized here. */
  canonical?: string;
  /**
   * The language of the canonical page when it is not this page's: a question shown in its own language inside the
   * other language's frame (it has no version of its own here) names the page in its language as canonical.
   */
  canonicalLocale?: Locale;
  /**
   * The page's versions by language, as paths without prefix, when they differ (a question and its
   * translation). Without it the page exists at the same path in both languages; a language missing here has no
   * version (the switch then goes to the other language's home of the section: `fallback`).
   */
  alternates?: Partial<Record<Locale, string>>;
  /** Pages search engines should leave out (search results, forms, account pages). */
  noindex?: boolean;
  /** Open Graph type: `article` for a Q&A or a statute, else `website`. */
  ogType?: 'website' | 'article';
  jsonLd?: unknown;
  breadcrumbs?: Crumb[];
  /** Scripts for islands (module scripts by asset name). */
  scripts?: string[];
  children: ComponentChildren;
}

/** The name of each language in itself, for the switch. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };
const OG_LOCALES: Record<Locale, string> = { en: 'en_US', zh: 'zh_CN' };

/** The frame of every page: head (title, canonical, hreflang, Open Graph, JSON-LD), header, footer. */
export function Layout(props: LayoutProps) {
  const { title, description, canonical, canonicalLocale, alternates, noindex, ogType = 'website', jsonLd } = props;
  const { t, locale, htmlLang, path } = useI18n();
  const address = useAddress();
  const versions = versionsOf(canonical, alternates);
  const canonicalUrl =
    canonical === undefined ? undefined : absoluteUrl(address.baseUrl, canonicalLocale ?? locale, canonical);
  const siteName = t('site.name');
  return (
    <html lang={htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${siteName}`}</title>
        {description && <meta name="description" content={description} />}
        {noindex && <meta name="robots" content="noindex" />}
        {canonicalUrl && <link rel="canonical" href={canonicalUrl} />}
        {versions.map(([lang, versionPath]) => (
          <link rel="alternate" hreflang={HTML_LANG[lang]} href={absoluteUrl(address.baseUrl, lang, versionPath)} />
        ))}
        {versions.some(([lang]) => lang === 'en') && (
          <link
            rel="alternate"
            hreflang="x-default"
            href={absoluteUrl(address.baseUrl, 'en', versions.find(([lang]) => lang === 'en')?.[1] ?? '/')}
          />
        )}
        <meta property="og:site_name" content={siteName} />
        <meta property="og:title" content={title} />
        <meta property="og:type" content={ogType} />
        <meta property="og:locale" content={OG_LOCALES[locale]} />
        {canonicalUrl && <meta property="og:url" content={canonicalUrl} />}
        {description && <meta property="og:description" content={description} />}
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="stylesheet" href={assetPath('site.css')} />
        {jsonLd !== undefined && (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href={path('/')}>
            {siteName}
          </a>
          <LanguageSwitch alternates={alternates} />
          {/* Without JS the menu button is a link to the menu (#site-menu, shown by :target on small screens). */}
          <a class="menu-open" href="#site-menu">
            {t('nav.menu')}
          </a>
          <div class="site-menu" id="site-menu">
            <nav aria-label={t('nav.main')}>
              <ul>
                <li>
                  <a href={path('/jobs')}>{t('nav.jobs')}</a>
                </li>
                <li>
                  <a href={path('/social-security')}>{t('nav.socialSecurity')}</a>
                </li>
                <li>
                  <a href={path('/tools/salary')}>{t('nav.salaryTool')}</a>
                </li>
                <li>
                  <a href={path('/laws')}>{t('nav.laws')}</a>
                </li>
                <li>
                  <a href={path('/social-security/ask')}>{t('nav.ask')}</a>
                </li>
              </ul>
            </nav>
            <AccountMenu />
            <a class="menu-close" href="#main">
              {t('nav.menuClose')}
            </a>
          </div>
        </header>
        {props.breadcrumbs && props.breadcrumbs.length > 0 && <Breadcrumbs items={props.breadcrumbs} />}
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>{t('footer.disclaimer')}</p>
          <p>{t('footer.lawSource')}</p>
        </footer>
        {props.scripts?.map((name) => (
          <script type="module" src={assetPath(name)} />
        ))}
      </body>
    </html>
  );
}

/** [locale, path] of each language version of the page: from `alternates`, else the canonical path in each. */
function versionsOf(canonical: string | undefined, alternates: LayoutProps['alternates']): [Locale, string][] {
  if (alternates)
    return LOCALES.flatMap((lang) => (alternates[lang] ? [[lang, alternates[lang]] as [Locale, string]] : []));
  if (canonical === undefined) return [];
  return LOCALES.map((lang) => [lang, canonical]);
}

/**
 * The same page in the other language: its translation when it has one of its own (alternates), else the same
 * path (query included) under the other prefix.
 */
function LanguageSwitch({ alternates }: { alternates: LayoutProps['alternates'] }) {
  const { t, locale } = useI18n();
  const address = useAddress();
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  const target = alternates ? (alternates[other] ?? alternates[locale] ?? address.path) : address.path;
  return (
    <a
      class="language-switch"
      href={localePath(other, target)}
      hreflang={HTML_LANG[other]}
      lang={HTML_LANG[other]}
      title={t('nav.languageSwitch')}
    >
      {LANGUAGE_NAMES[other]}
    </a>
  );
}

function AccountMenu() {
  const { viewerName, csrfToken, menu } = useContext(ChromeContext);
  const { t, text, path } = useI18n();
  if (viewerName === null) {
    return (
      <p class="account-menu">
        <a href={path('/account/sign-in')}>{t('nav.signIn')}</a>
        <a href={path('/account/register')}>{t('nav.register')}</a>
      </p>
    );
  }
  return (
    <div class="account-menu">
      {[...menu]
        .sort((a, b) => a.order - b.order)
        .map((link) => (
          <a href={path(link.href)} aria-label={link.ariaLabel && text(link.ariaLabel)}>
            {text(link.label)}
            {link.badge !== undefined && link.badge > 0 && <span class="badge">{link.badge}</span>}
          </a>
        ))}
      <form method="post" action={path('/account/sign-out')}>
        <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
        <button type="submit" class="link-button">
          {t('nav.signOut')}
        </button>
      </form>
    </div>
  );
}

function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t, path } = useI18n();
  return (
    <nav aria-label={t('nav.breadcrumb')} class="breadcrumbs">
      <ol>
        {items.map((item, index) =>
          item.href && index < items.length - 1 ? (
            <li>
              <a href={path(item.href)}>{item.label}</a>
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
  /** The path of a page, without language prefix. */
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  const { t, path } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} class="pagination">
      {page > 1 && (
        <a rel="prev" href={path(hrefFor(page - 1))}>
          {t('pagination.previous')}
        </a>
      )}
      <span>{t('pagination.status', { page, pageCount })}</span>
      {page < pageCount && (
        <a rel="next" href={path(hrefFor(page + 1))}>
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}
