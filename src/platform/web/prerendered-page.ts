import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from './i18n';

/**
 * A page rendered once and sent many times: its bytes, and the same bytes gzipped for the browsers that
 * accept it (all of them do). Encoding and compressing happen once, not per request, which on the Q&A page
 * was the difference between meeting its latency target and not (docs/decisions/0106-prerendered-pages.md).
 */
export interface PrerenderedPage {
  readonly html: Buffer;
  readonly gzip: Buffer;
}

export function prerenderPage(html: string): PrerenderedPage {
  const bytes = Buffer.from(html, 'utf8');
  return { html: bytes, gzip: gzipSync(bytes) };
}

/** True when an Accept-Encoding header allows gzip (by name or by `*`), honouring `q=0`. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzip: boolean | undefined;
  let wildcard = false;
  for (const part of acceptEncoding.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    const refused = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(param));
    if (name === 'gzip' || name === 'x-gzip') gzip = !refused;
    else if (name === '*') wildcard = !refused;
  }
  return gzip ?? wildcard;
}

export function sendPrerenderedPage(request: FastifyRequest, reply: FastifyReply, page: PrerenderedPage) {
  reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
  if (acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}

/**
 * The canonical paths (without the /zh prefix, as request.url has them) of pages prerendered for anonymous readers,
 * by language, each with the id of what it shows: the lookup of an onRequest fast path (decision 0106). Only a key:
 * whether to serve is decided by the page's owner from its cache on every request. Past `max` paths a language,
 * the oldest remembered is forgotten first.
 */
export class PrerenderedPaths {
  private readonly byLocale: Record<Locale, Map<string, number>> = { en: new Map(), zh: new Map() };

  constructor(private readonly max = 5_000) {}

  remember(locale: Locale, path: string, id: number): void {
    const ids = this.byLocale[locale];
    ids.delete(path);
    if (ids.size >= this.max) ids.delete(ids.keys().next().value!);
    ids.set(path, id);
  }

  /**
   * The id remembered for a GET of exactly this URL in the request's language. request.url includes the query
   * string, and no remembered path has one: a query string, another slug or no slug misses. HEAD is left to routes.
   */
  idOf(request: FastifyRequest): number | undefined {
    return request.method === 'GET' ? this.byLocale[request.locale].get(request.url) : undefined;
  }

  /** The request's URL no longer serves the page it named (dropped, expired, moved): the route answers it. */
  forget(request: FastifyRequest): void {
    this.byLocale[request.locale].delete(request.url);
  }
}
