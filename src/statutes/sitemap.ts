/**
 * What a sitemap needs of the library: every page it serves for the law in force, with the date its content last
 * changed. Dates are version dates (when the text took effect), not import times: they stay the same however
 * often a database is rebuilt, so search engines are not sent back to pages whose law did not change.
 */
import { sameArticleText } from './versions';

/** A page of the library: its path without language prefix (it exists in every language) and when it changed. */
export interface SitemapEntry {
  path: string;
  /** YYYY-MM-DD. */
  lastModified: string;
}

/** One article of one stored version (repository.listArticleTextsOfAllVersions). */
export interface StoredArticleText {
  slug: string;
  version_id: number;
  version_date: string;
  is_current: number;
  number: number;
  text_zh: string;
}

interface StoredVersion {
  date: string;
  current: boolean;
  texts: Map<number, string>;
}

/** The stored versions of each statute, newest first, in the order the rows come (the library's order). */
function versionsBySlug(rows: StoredArticleText[]): Map<string, StoredVersion[]> {
  const bySlug = new Map<string, Map<number, StoredVersion>>();
  for (const row of rows) {
    const versions = bySlug.get(row.slug) ?? new Map<number, StoredVersion>();
    bySlug.set(row.slug, versions);
    const version = versions.get(row.version_id) ?? {
      date: row.version_date,
      current: row.is_current === 1,
      texts: new Map(),
    };
    versions.set(row.version_id, version);
    version.texts.set(row.number, row.text_zh);
  }
  return new Map(
    [...bySlug].map(([slug, versions]) => [slug, [...versions.values()].sort((a, b) => b.date.localeCompare(a.date))]),
  );
}

/**
 * The library page, each statute in force (changed with its version) and each of its articles: an article last
 * changed with the oldest version, going back without a gap from the one in force, that has the same text.
 */
export function sitemapEntriesOf(rows: StoredArticleText[]): SitemapEntry[] {
  const pages: SitemapEntry[] = [];
  let newest = '';
  for (const [slug, versions] of versionsBySlug(rows)) {
    const current = versions.find((v) => v.current);
    if (!current) continue;
    pages.push({ path: `/laws/${slug}`, lastModified: current.date });
    if (current.date > newest) newest = current.date;
    const older = versions.filter((v) => v.date < current.date);
    for (const [number, text] of current.texts) {
      let lastModified = current.date;
      for (const version of older) {
        const before = version.texts.get(number);
        if (before === undefined || !sameArticleText(before, text)) break;
        lastModified = version.date;
      }
      pages.push({ path: `/laws/${slug}/articles/${number}`, lastModified });
    }
  }
  return pages.length === 0 ? [] : [{ path: '/laws', lastModified: newest }, ...pages];
}
