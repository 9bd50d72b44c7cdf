import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, prerenderPage } from './prerendered-page';

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
