import type { Invalidation } from '../db/invalidation';

const NAMED_CACHES = new Map<string, TtlCache<unknown, unknown>>();

/** The named caches of this process, for /metrics. */
export function namedCaches(): ReadonlyMap<string, { hits: number; misses: number; size: number }> {
  return NAMED_CACHES;
}

/**
 * Shared by the site's processes: `delete` and `clear` are published on `topic` (decision 0122) and every
 * process's cache of the topic forgets the same. `keyOf` reads a key back from its text (default: the text).
 */
export interface SharedCacheOptions<K> {
  invalidation: Invalidation;
  topic: string;
  keyOf?: (text: string) => K;
}

/**
 * A small bounded cache with expiry. Entries are dropped when they expire, when the cache is full
 * (oldest first) or when their owner invalidates them after a write (in every process, when shared).
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  /** Lookups answered and not, since start (the /metrics endpoint reports named caches). */
  hits = 0;
  misses = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    /** Named caches are reported at /metrics (the first of a name; tests make many apps). */
    name?: string,
    private readonly shared?: SharedCacheOptions<K>,
  ) {
    if (name && !NAMED_CACHES.has(name)) NAMED_CACHES.set(name, this as TtlCache<unknown, unknown>);
    if (shared) {
      const keyOf = shared.keyOf ?? ((text: string) => text as K);
      shared.invalidation.subscribe(shared.topic, (key) => {
        if (key === null) this.entries.clear();
        else this.entries.delete(keyOf(key));
      });
    }
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.entries.delete(key);
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** Forgets `key` after a write: here and, when shared, in every process (the publish reaches this one too). */
  delete(key: K): void {
    this.entries.delete(key);
    this.shared?.invalidation.publish(this.shared.topic, String(key));
  }

  /** Forgets everything after a write, here and, when shared, in every process. */
  clear(): void {
    this.entries.clear();
    this.shared?.invalidation.publish(this.shared.topic);
  }

  /** Forgets `key` in this process only: a failed load, which nobody else has cached. */
  discard(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets everything in this process only: after a change every process hears of by itself. */
  discardAll(): void {
    this.entries.clear();
  }
}
