const NAMED_CACHES = new Map<string, TtlCache<unknown, unknown>>();

/** The named caches of this process, for /metrics. */
export function namedCaches(): ReadonlyMap<string, { hits: number; misses: number; size: number }> {
  return NAMED_CACHES;
}

/**
 * A small bounded cache with expiry. Entries are dropped when they expire, when the cache is full
 * (oldest first) or when their owner invalidates them after a write.
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
  ) {
    if (name && !NAMED_CACHES.has(name)) NAMED_CACHES.set(name, this as TtlCache<unknown, unknown>);
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

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
