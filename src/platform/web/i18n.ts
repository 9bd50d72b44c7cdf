/**
 * The reader's language (docs/decisions/0111-chinese-and-english.md). Every page exists in English at the
 * path it always had and in Chinese under `/zh`; the language is in the URL, never only in a cookie. Each
 * request gets its own I18n (one @formatjs `intl` for its locale, formatters shared through one cache): its
 * messages, dates, numbers and money, and `path()` for links that stay in the reader's language.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { catalogues, type Message, type MessageKey, type MessageParams } from './messages';

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The prefix of Chinese pages. */
export const ZH_PREFIX = '/zh';

/** BCP 47 tags for `<html lang>` and `hreflang`. */
export const HTML_LANG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** Dates are shown in China's time zone, whatever the server's. */
const TIME_ZONE = 'Asia/Shanghai';

const cache = createIntlCache();

/**
 * A message without its argument, or a key the catalogue lacks, is a bug: outside production it throws, so a
 * test catches it; in production the reader gets the key or the unformatted text and the log says why.
 */
function onIntlError(error: Error): void {
  if (process.env.NODE_ENV === 'production') console.error(error);
  else throw error;
}

/** A path on this site in a locale: `/social-security` → `/zh/social-security` for Chinese, as it is for English. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'en') return path;
  return path === '/' ? ZH_PREFIX : `${ZH_PREFIX}${path}`;
}

/** The locale a request path is in, and the path without its language prefix (what the routes match). */
export function splitLocale(url: string): { locale: Locale; url: string } {
  if (url === ZH_PREFIX || url.startsWith(`${ZH_PREFIX}/`) || url.startsWith(`${ZH_PREFIX}?`)) {
    const rest = url.slice(ZH_PREFIX.length);
    return { locale: 'zh', url: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
  }
  return { locale: 'en', url };
}

export interface I18n {
  locale: Locale;
  /** For `<html lang>` and `hreflang`. */
  htmlLang: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** A message (a key with its parameters: an error, a citation's problem, a notification) in words. */
  text(message: Message): string;
  /** A date (ISO string or Date) the way the locale writes it: 2026年11月25日, November 25, 2026. */
  date(value: string | Date): string;
  number(value: number): string;
  /** An amount in yuan: ¥1,234.50 in both languages. */
  money(yuan: number): string;
  /** A path on this site in this locale (see localePath). */
  path(path: string): string;
}

/**
 * The I18n of one request (or one mail, one prerendered page): its own `intl`; the formatters it makes are shared
 * through the cache, so making one costs little.
 */
export function createI18n(locale: Locale): I18n {
  const intl: IntlShape = createIntl(
    {
      locale: HTML_LANG[locale],
      defaultLocale: 'en',
      messages: catalogues[locale],
      timeZone: TIME_ZONE,
      onError: onIntlError,
    },
    cache,
  );
  return {
    locale,
    htmlLang: HTML_LANG[locale],
    t: (key, params) => intl.formatMessage({ id: key }, params),
    text: (message) => intl.formatMessage({ id: message.key }, message.params),
    date: (value) => intl.formatDate(value, { dateStyle: 'long' }),
    number: (value) => intl.formatNumber(value),
    money: (yuan) => intl.formatNumber(yuan, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }),
    path: (path) => localePath(locale, path),
  };
}

/** English, for what no reader sees in their language: logs, and the message of an Error. */
export const english: I18n = createI18n('en');

/** The page's language, for components (the render puts the request's I18n here). */
export const I18nContext = createContext<I18n>(english);

export function useI18n(): I18n {
  return useContext(I18nContext);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of the page asked for: `zh` under /zh, else `en` (set from the URL before routing). */
    readonly locale: Locale;
    /** The request's messages and formats, made on first use. */
    readonly i18n: I18n;
  }
}

/** The locale the URL rewrite found, kept on the raw request (Fastify's `rewriteUrl` sees only that). */
const LOCALE = Symbol('locale');
type RawWithLocale = { [LOCALE]?: Locale };

/**
 * Fastify's `rewriteUrl`: strips `/zh` so one route serves both languages, remembering the locale. `/zh/api/…` is
 * left alone (the API speaks one language; it is 404 there).
 */
export function rewriteLocaleUrl(raw: { url?: string }): string {
  const { locale, url } = splitLocale(raw.url ?? '/');
  if (locale === 'zh' && (url === '/api' || url.startsWith('/api/'))) return raw.url ?? '/';
  (raw as RawWithLocale)[LOCALE] = locale;
  return url;
}

const I18N = Symbol('i18n');

/**
 * The language of a JSON API answer (its error messages): `?lang=zh|en` when given, else the first of ours the
 * Accept-Language header names, else English.
 */
export function apiLocale(query: unknown, acceptLanguage: string | undefined): Locale {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  if (lang === 'zh' || lang === 'en') return lang;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/** `request.locale` and `request.i18n` for the whole app. */
export function registerI18n(app: FastifyInstance) {
  app.decorateRequest('locale', {
    getter(this: FastifyRequest) {
      if (this.url.startsWith('/api/')) return apiLocale(this.query, this.headers['accept-language']);
      return (this.raw as RawWithLocale)[LOCALE] ?? DEFAULT_LOCALE;
    },
  });
  app.decorateRequest('i18n', {
    getter(this: FastifyRequest & { [I18N]?: I18n }) {
      this[I18N] ??= createI18n(this.locale);
      return this[I18N];
    },
  });
}
