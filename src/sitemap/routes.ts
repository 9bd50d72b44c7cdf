import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../platform/web/errors';
import { ENTRIES_PER_FILE, sitemapIndexXml, sitemapXml } from '../platform/web/sitemap-xml';
import { TtlCache } from '../platform/web/ttl-cache';
import type { SitemapSource } from './sources';

/** Crawlers come back daily; an hour's old list costs nothing and saves reading every question per request. */
const CACHE_MS = 60 * 60 * 1000;

/**
 * Only the JSON API is closed to crawlers. Search results, account and staff pages say `noindex` themselves: a
 * page robots.txt closes is never read, so its noindex is never seen and its URL may still be listed.
 */
export const DISALLOWED = ['/api/'];

function baseUrlOf(request: FastifyRequest): string {
  return request.server.publicBaseUrl ?? 'http://localhost:3000';
}

export async function sitemapRoutes(app: FastifyInstance, opts: { sources: SitemapSource[] }) {
  const cache = new TtlCache<string, Awaited<ReturnType<SitemapSource['entries']>>>(CACHE_MS, opts.sources.length);
  async function entriesOf(source: SitemapSource) {
    const cached = cache.get(source.name);
    if (cached) return cached;
    const entries = await source.entries();
    cache.set(source.name, entries);
    return entries;
  }

  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) => {
    const rules = DISALLOWED.map((path) => `Disallow: ${path}`);
    const body = ['User-agent: *', ...rules, '', `Sitemap: ${baseUrlOf(request)}/sitemap.xml`, ''].join('\n');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  });

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const paths: string[] = [];
    for (const source of opts.sources) {
      const files = Math.max(1, Math.ceil((await entriesOf(source)).length / ENTRIES_PER_FILE));
      for (let n = 1; n <= files; n += 1) paths.push(`/sitemaps/${source.name}-${n}.xml`);
    }
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(sitemapIndexXml(baseUrlOf(request), paths));
  });

  const fileParams = z.object({ file: z.string().regex(/^[a-z]+-[1-9]\d{0,5}\.xml$/) });
  app.get<{ Params: { file: string } }>('/sitemaps/:file', { schema: { hide: true } }, async (request, reply) => {
    const parsed = fileParams.safeParse(request.params);
    const match = parsed.success ? /^([a-z]+)-(\d+)\.xml$/.exec(parsed.data.file) : null;
    const source = match && opts.sources.find((s) => s.name === match[1]);
    if (!match || !source) throw new NotFound('error.request.notFound', { method: 'GET', path: request.url });
    const n = Number(match[2]);
    const entries = (await entriesOf(source)).slice((n - 1) * ENTRIES_PER_FILE, n * ENTRIES_PER_FILE);
    if (entries.length === 0 && n > 1)
      throw new NotFound('error.request.notFound', { method: 'GET', path: request.url });
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(sitemapXml(baseUrlOf(request), entries));
  });
}
