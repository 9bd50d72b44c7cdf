/**
 * Sitemaps as search engines read them (sitemaps.org 0.9, with Google's xhtml:link hreflang alternates): a page
 * with versions in several languages is listed once per version, each naming every version and x-default.
 */
import { HTML_LANG, LOCALES, type Locale } from './i18n';
import { absoluteUrl } from './render';

/** One page of the site in its language versions (paths without language prefix), and when it last changed. */
export interface SitemapEntry {
  versions: Partial<Record<Locale, string>>;
  /** ISO date or date-time. */
  lastModified?: string;
}

/** At most 50,000 URLs and 50 MB a sitemap file: with two versions an entry is two URLs. */
export const ENTRIES_PER_FILE = 20_000;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sitemapXml(baseUrl: string, entries: Iterable<SitemapEntry>): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    const versions = LOCALES.flatMap((locale) => {
      const path = entry.versions[locale];
      return path === undefined ? [] : [{ locale, url: absoluteUrl(baseUrl, locale, path) }];
    });
    const alternates = versions.map(({ locale, url }) => {
      return `    <xhtml:link rel="alternate" hreflang="${HTML_LANG[locale]}" href="${escapeXml(url)}"/>`;
    });
    const english = versions.find((v) => v.locale === 'en');
    if (english && versions.length > 1) {
      alternates.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(english.url)}"/>`);
    }
    for (const { url } of versions) {
      lines.push('  <url>', `    <loc>${escapeXml(url)}</loc>`);
      if (entry.lastModified) lines.push(`    <lastmod>${escapeXml(entry.lastModified.slice(0, 10))}</lastmod>`);
      if (versions.length > 1) lines.push(...alternates);
      lines.push('  </url>');
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function sitemapIndexXml(baseUrl: string, sitemapPaths: string[]): string {
  const base = baseUrl.replace(/\/$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemapPaths.map((path) => `  <sitemap><loc>${escapeXml(`${base}${path}`)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}
