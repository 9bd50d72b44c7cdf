/**
 * The sitemap and robots.txt: what search engines may read and where every page is, in both languages. Owns no
 * tables: each module that has public pages lends a source (its pages as SitemapEntry lists), wired in
 * src/modules.ts. See CONTEXT.md.
 */
import type { FastifyInstance } from 'fastify';
import { sitemapRoutes } from './routes';
import type { SitemapSource } from './sources';

export type { SitemapSource } from './sources';

export function createSitemapModule(deps: { sources: SitemapSource[] }) {
  return {
    routes: (app: FastifyInstance) => sitemapRoutes(app, deps),
  };
}
