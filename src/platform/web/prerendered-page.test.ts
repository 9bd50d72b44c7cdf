import { gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, PrerenderedPaths, prerenderPage } from './prerendered-page';

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000, *', false],
    ['*;q=0', false],
    ['deflate, br', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('prerenderPage', () => {
  it('keeps the UTF-8 bytes and a gzip copy that decompresses to them', () => {
    const page = prerenderPage('<p>社保卡丢了怎么办？ Lost card</p>');
    expect(page.html.toString('utf8')).toBe('<p>社保卡丢了怎么办？ Lost card</p>');
    expect(gunzipSync(page.gzip).equals(page.html)).toBe(true);
  });
});

describe('PrerenderedPaths', () => {
  const request = (url: string, method = 'GET', locale: 'en' | 'zh' = 'en') =>
    ({ url, method, locale }) as unknown as FastifyRequest;

  it('finds a GET of exactly a remembered path in its language, and nothing else', () => {
    const paths = new PrerenderedPaths();
    paths.remember('en', '/jobs/7-picker', 7);
    expect(paths.idOf(request('/jobs/7-picker'))).toBe(7);
    expect(paths.idOf(request('/jobs/7-picker', 'HEAD'))).toBeUndefined();
    expect(paths.idOf(request('/jobs/7-picker?x=1'))).toBeUndefined();
    expect(paths.idOf(request('/jobs/7-picker', 'GET', 'zh'))).toBeUndefined();
    paths.forget(request('/jobs/7-picker'));
    expect(paths.idOf(request('/jobs/7-picker'))).toBeUndefined();
  });

  it('forgets the oldest path of a language first once it holds its maximum', () => {
    const paths = new PrerenderedPaths(2);
    paths.remember('en', '/a', 1);
    paths.remember('en', '/b', 2);
    paths.remember('en', '/a', 1); // read again: now the newest
    paths.remember('en', '/c', 3);
    expect([paths.idOf(request('/a')), paths.idOf(request('/b')), paths.idOf(request('/c'))]).toEqual([
      1,
      undefined,
      3,
    ]);
  });
});
