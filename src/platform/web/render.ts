import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ANONYMOUS, type Chrome, ChromeContext, pageChrome } from './chrome';

export function renderPage(page: VNode, chrome: Chrome = ANONYMOUS): string {
  return `<!doctype html>${renderToString(h(ChromeContext.Provider, { value: chrome }, page))}`;
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

/**
 * Renders a page for this request (header for the signed-in viewer, if any) and sends it as HTML. A page
 * rendered for a signed-in viewer is theirs alone: no shared cache may keep it and hand it to someone else.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: VNode) {
  const chrome = pageChrome(request, reply);
  if (chrome.viewerName !== null && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'private, no-store');
  return reply.type('text/html; charset=utf-8').send(renderPage(page, chrome));
}
