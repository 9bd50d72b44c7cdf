import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
