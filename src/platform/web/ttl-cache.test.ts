import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('returns a value until it expires', () => {
    let now = 0;
    const cache = new TtlCache<number, string>(1000, 10, () => now);
    cache.set(1, 'a');
    now = 999;
    expect(cache.get(1)).toBe('a');
    now = 1000;
    expect(cache.get(1)).toBeUndefined();
  });

  it('drops the oldest entry when full, and on delete', () => {
    const cache = new TtlCache<number, string>(1000, 2);
    cache.set(1, 'a');
    cache.set(2, 'b');
    cache.set(3, 'c');
    expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, 'b', 'c']);
    cache.delete(2);
    expect(cache.get(2)).toBeUndefined();
    cache.clear();
    expect(cache.get(3)).toBeUndefined();
  });
});
