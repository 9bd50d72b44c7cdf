import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiLocale, createI18n, localePath, rewriteLocaleUrl, splitLocale } from './i18n';

describe('createI18n', () => {
  const zh = createI18n('zh');
  const en = createI18n('en');

  it('writes dates the way each language does, in China’s time zone', () => {
    expect(zh.date('2026-11-25T10:00:00Z')).toBe('2026年11月25日');
    expect(en.date('2026-11-25T10:00:00Z')).toBe('November 25, 2026');
    // 20:00 in London on the 24th is already the 25th in Beijing.
    expect(zh.date('2026-11-24T20:00:00Z')).toBe('2026年11月25日');
  });

  it('writes money in yuan and numbers with separators', () => {
    expect(zh.money(1234.5)).toBe('¥1,234.50');
    expect(en.money(1234.5)).toBe('¥1,234.50');
    expect(zh.number(1234567)).toBe('1,234,567');
  });

  it('writes plurals in English and counts in Chinese from ICU messages', () => {
    expect(en.t('search.count', { total: 1 })).toBe('1 question found');
    expect(en.t('search.count', { total: 1234 })).toBe('1,234 questions found');
    expect(zh.t('search.count', { total: 1234 })).toContain('1,234');
    expect(zh.t('nav.socialSecurity')).toBe('社保问答');
  });

  it('refuses a message without its arguments (a bug a test should catch)', () => {
    expect(() => en.t('search.count')).toThrow(/total/);
  });

  it('makes paths in its language', () => {
    expect(zh.path('/laws')).toBe('/zh/laws');
    expect(zh.path('/')).toBe('/zh');
    expect(en.path('/laws')).toBe('/laws');
  });
});

describe('the language in the URL', () => {
  it('splits /zh off, keeping the query', () => {
    expect(splitLocale('/zh')).toEqual({ locale: 'zh', url: '/' });
    expect(splitLocale('/zh?x=1')).toEqual({ locale: 'zh', url: '/?x=1' });
    expect(splitLocale('/zh/laws/a?b=c')).toEqual({ locale: 'zh', url: '/laws/a?b=c' });
    expect(splitLocale('/zhang')).toEqual({ locale: 'en', url: '/zhang' });
    expect(splitLocale('/laws')).toEqual({ locale: 'en', url: '/laws' });
  });

  it('round-trips every path: localePath then splitLocale gives back the path and the language', () => {
    const path = fc
      .array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { maxLength: 4 })
      .map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(path, fc.constantFrom('en' as const, 'zh' as const), (p, locale) => {
        const split = splitLocale(localePath(locale, p));
        // An English path that itself starts with /zh/ would be read as Chinese: no route of ours does.
        fc.pre(!(locale === 'en' && (p === '/zh' || p.startsWith('/zh/'))));
        expect(split).toEqual({ locale, url: p });
      }),
    );
  });

  it('leaves /zh/api alone (the API has one address)', () => {
    expect(rewriteLocaleUrl({ url: '/zh/api/v1/topics' })).toBe('/zh/api/v1/topics');
    expect(rewriteLocaleUrl({ url: '/zh/social-security' })).toBe('/social-security');
  });

  it('gives the API the language it is asked for', () => {
    expect(apiLocale({ lang: 'zh' }, 'en-US')).toBe('zh');
    expect(apiLocale({}, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(apiLocale({}, 'en-GB,zh;q=0.5')).toBe('en');
    expect(apiLocale({ lang: 'fr' }, 'fr-FR')).toBe('en');
    expect(apiLocale(undefined, undefined)).toBe('en');
  });
});
