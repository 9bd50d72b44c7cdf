import type { FastifyReply, FastifyRequest } from 'fastify';
import { createContext, h, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { renderToString } from 'preact-render-to-string';
import { ANONYMOUS, type Chrome, ChromeContext, pageChrome } from './chrome';
import { english, type I18n, I18nContext, localePath } from './i18n';

/**
 * Where a page is: the site's public address (PUBLIC_BASE_URL, for canonical links, sitemaps and JSON-LD) and
 * the page's path without its language prefix, query included (for the switch to the other language).
 */
export interface PageAddress {
  baseUrl: string;
  path: string;
}

const DEFAULT_ADDRESS: PageAddress = { baseUrl: 'http://localhost:3000', path: '/' };

export const AddressContext = createContext<PageAddress>(DEFAULT_ADDRESS);

export function useAddress(): PageAddress {
  return useContext(AddressContext);
}

/** The absolute URL of a path on this site in a locale, as search engines and shared links see it. */
export function absoluteUrl(baseUrl: string, locale: I18n['locale'], path: string): string {
  return `${baseUrl.replace(/\/$/, '')}${localePath(locale, path)}`;
}

export interface RenderContext {
  chrome?: Chrome;
  i18n?: I18n;
  address?: PageAddress;
}

/** A page as HTML, in the reader's language, with the frame of the request (anonymous: the same for everyone). */
// biome-ignore lint/suspicious/noExplicitAny: any page element (`h(Page, props)`): VNode<P> is invariant in P.
export function renderPage(page: VNode<any>, context: RenderContext = {}): string {
  const { chrome = ANONYMOUS, i18n = english, address } = context;
  const framed = h(I18nContext.Provider, { value: i18n }, h(ChromeContext.Provider, { value: chrome }, page));
  const tree = h(AddressContext.Provider, { value: address ?? DEFAULT_ADDRESS }, framed);
  return `<!doctype html>${renderToString(tree)}`;
}

/**
 * JSON for a <script type="application/ld+json"> block: "<" is escaped so no text inside
 * can close the script element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_BASE_URL (decorated by the app: src/app.ts). */
    publicBaseUrl?: string;
  }
}

/** Where this request's page is (its URL is already without the language prefix: see rewriteLocaleUrl). */
export function requestAddress(request: FastifyRequest): PageAddress {
  return { baseUrl: request.server.publicBaseUrl ?? 'http://localhost:3000', path: request.url };
}

/**
 * Renders a page element (`h(Page, props)`, not `Page(props)`: a page reads the request's language and frame from
 * context, which exists only inside the render) for this request (header for the signed-in viewer, if any, in the request's language) and
 * sends it as HTML. A page rendered for a signed-in viewer is theirs alone: no shared cache may keep it and hand
 * it to someone else.
 */
// biome-ignore lint/suspicious/noExplicitAny: any page element (`h(Page, props)`): VNode<P> is invariant in P.
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: VNode<any>) {
  const chrome = pageChrome(request, reply);
  if (chrome.viewerName !== null && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'private, no-store');
  const html = renderPage(page, { chrome, i18n: request.i18n, address: requestAddress(request) });
  return reply.type('text/html; charset=utf-8').send(html);
}
