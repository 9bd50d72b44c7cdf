import type { FastifyInstance } from 'fastify';
import { h, type VNode } from 'preact';
import type { Locale } from '../platform/web/i18n';
import { sendPage } from '../platform/web/render';
import { HomePage } from './views/home-page';

/**
 * The language the browser puts first among ours (Accept-Language, in its order, `q=0` meaning "not this"), or
 * null when it names neither: only a stated preference suggests the other language.
 */
export function preferredLocale(acceptLanguage: string | undefined): Locale | null {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.split(';');
    if (params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(param))) continue;
    const name = tag.trim().toLowerCase();
    if (name === 'zh' || name.startsWith('zh-')) return 'zh';
    if (name === 'en' || name.startsWith('en-')) return 'en';
  }
  return null;
}

export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    // `/` never redirects by language (docs/decisions/0111-chinese-and-english.md): a reader whose browser prefers
    // the other language gets a one-line notice linking there, so the page differs by Accept-Language.
    reply.header('vary', 'Accept-Language');
    const preferred = preferredLocale(request.headers['accept-language']);
    const suggest = preferred !== null && preferred !== request.locale ? preferred : null;
    // Rendered with h(), not called: the page reads the request's language through useI18n().
    return sendPage(request, reply, h(HomePage, { suggest }) as VNode);
  });
}
