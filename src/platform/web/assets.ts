/**
 * The site's own static files (src/platform/web/assets/): CSS and the islands' scripts. Each is read once at
 * start and served under a name with its content's hash (`site.3f2a9c1e0b.css`), cached by browsers for a year:
 * a changed file gets a new name, so no one keeps a stale one. The plain name still works (five minutes'
 * cache) for links from before a deploy. Bytes and their gzip are kept in memory: there are a handful of small
 * files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip } from './prerendered-page';

interface Asset {
  hashedName: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const directory = new URL('./assets/', import.meta.url);

function loadAssets() {
  const byName = new Map<string, Asset>();
  const byHashedName = new Map<string, Asset>();
  for (const name of readdirSync(directory)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(new URL(name, directory));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const extension = extname(name);
    const asset = {
      hashedName: `${name.slice(0, -extension.length)}.${hash}${extension}`,
      type,
      body,
      gzip: gzipSync(body),
    };
    byName.set(name, asset);
    byHashedName.set(asset.hashedName, asset);
  }
  return { byName, byHashedName };
}

const assets = loadAssets();

/** The URL of an asset by its file name, with its content hash: `assetPath('site.css')`. */
export function assetPath(name: string): string {
  const asset = assets.byName.get(name);
  if (!asset) throw new Error(`no asset named ${name} in src/platform/web/assets`);
  return `/assets/${asset.hashedName}`;
}

const YEAR = 365 * 24 * 3600;

/** GET /assets/:file (hashed: immutable for a year; plain: five minutes) and /favicon.ico. */
export function registerAssets(app: FastifyInstance) {
  function send(asset: Asset, cacheControl: string, request: FastifyRequest, reply: FastifyReply) {
    reply.type(asset.type).header('cache-control', cacheControl).header('vary', 'Accept-Encoding');
    if (acceptsGzip(request.headers['accept-encoding']))
      return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  }
  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
    const hashed = assets.byHashedName.get(request.params.file);
    if (hashed) return send(hashed, `public, max-age=${YEAR}, immutable`, request, reply);
    const plain = assets.byName.get(request.params.file);
    if (plain) return send(plain, 'public, max-age=300', request, reply);
    return reply.callNotFound();
  });
  app.get('/favicon.ico', { schema: { hide: true } }, async (request, reply) => {
    const icon = assets.byName.get('favicon.ico');
    if (!icon) return reply.callNotFound();
    return send(icon, 'public, max-age=86400', request, reply);
  });
}
