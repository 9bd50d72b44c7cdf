import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderPage(page: VNode): string {
  return '<!doctype html>' + renderToString(page);
}

/**
 * JSON for a <script type="application/ld+json"> block: "<" is escaped so no text inside
 * can close the script element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
