import type { SitemapEntry } from '../platform/web/sitemap-xml';

/** A section of the sitemap (`/sitemaps/<name>-<n>.xml`): its pages, read when a crawler asks. */
export interface SitemapSource {
  /** A lower-case word, the file's name: `questions`, `statutes`. */
  name: string;
  entries(): Promise<SitemapEntry[]>;
}
