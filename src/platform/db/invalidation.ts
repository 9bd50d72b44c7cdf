/**
 * Cross-process cache invalidation (decision 0122). A cache owner publishes `(topic, key)` after a write has
 * committed and subscribes to its topic to forget the same entries: on PostgreSQL every server of the site hears
 * it through LISTEN/NOTIFY (no other service), on SQLite only this process does (one server per SQLite file).
 *
 * Delivery is at most once and not ordered with the write's commit, so a cache must still expire on its own.
 * Handlers must be idempotent (forgetting an entry twice is fine): a message may come twice, e.g. a publish
 * delivered here at once and again after a reconnect's "forget everything".
 */
import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';

/** What a subscriber is told: one key, or null for every entry of the topic. */
export type InvalidationHandler = (key: string | null) => void;

export interface Invalidation {
  /**
   * Tells every process (this one at once, synchronously) that `key` of `topic` changed; no key: all of it.
   * Call it after the write has committed, so no process reloads the old data.
   */
  publish(topic: string, key?: string | number): void;
  /** Runs `handler` for every message of `topic`, this process's own included. */
  subscribe(topic: string, handler: InvalidationHandler): void;
  /**
   * Starts hearing the other processes (PostgreSQL: a dedicated connection LISTENs; SQLite: nothing to hear).
   * The server calls it once before it listens; tools that only write need not.
   */
  listen(options?: { onError?: (error: unknown, what: string) => void }): Promise<void>;
  /** The backend process id of the listening connection (PostgreSQL, while connected), for tests. */
  listenerProcessId(): number | null;
  /** Stops listening and waits for the messages being sent. */
  close(): Promise<void>;
}

/** NOTIFY's payload must be shorter than 8000 bytes (with the sender's id); a longer key is sent as "all of it". */
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** A listening connection that died without a word (a dropped network) is noticed by this ping. */
const PING_MS = 30_000;

/** Payload `topic:key` for one key, `topic` alone for the whole topic (topics never contain ':'). */
export function encodeMessage(topic: string, key?: string | number): string {
  if (topic.length === 0 || topic.includes(':')) throw new Error(`Invalid invalidation topic "${topic}"`);
  if (key === undefined) return topic;
  const payload = `${topic}:${key}`;
  return Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES ? topic : payload;
}

export function decodeMessage(payload: string): { topic: string; key: string | null } {
  const colon = payload.indexOf(':');
  return colon < 0 ? { topic: payload, key: null } : { topic: payload.slice(0, colon), key: payload.slice(colon + 1) };
}

/** The subscribers of this process, by topic. */
class Subscribers {
  private readonly byTopic = new Map<string, InvalidationHandler[]>();
  onError: (error: unknown, what: string) => void = (error) => console.error(error);

  add(topic: string, handler: InvalidationHandler) {
    encodeMessage(topic);
    const list = this.byTopic.get(topic) ?? [];
    list.push(handler);
    this.byTopic.set(topic, list);
  }

  deliver(topic: string, key: string | null) {
    for (const handler of this.byTopic.get(topic) ?? []) {
      try {
        handler(key);
      } catch (error) {
        this.onError(error, `invalidation handler of ${topic}`);
      }
    }
  }

  /** After messages may have been missed: every subscribed cache forgets everything. */
  deliverEverything() {
    for (const topic of this.byTopic.keys()) this.deliver(topic, null);
  }
}

/** One process alone (SQLite, tests below the app): a publish reaches this process's subscribers. */
export function localInvalidation(): Invalidation {
  const subscribers = new Subscribers();
  return {
    publish(topic, key) {
      const { key: sent } = decodeMessage(encodeMessage(topic, key));
      subscribers.deliver(topic, sent);
    },
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    async listen(options = {}) {
      if (options.onError) subscribers.onError = options.onError;
    },
    listenerProcessId: () => null,
    async close() {},
  };
}

/**
 * The channel of the site's schema: several sites (or test runs) may share a PostgreSQL database, one schema
 * each, and must not hear each other. A channel name is an identifier of at most 63 bytes.
 */
function channelFor(schema: string): string {
  const channel = `jobsite_caches_${schema}`;
  return Buffer.byteLength(channel) <= 63
    ? channel
    : `jobsite_caches_${createHash('sha1').update(schema).digest('hex')}`;
}

/**
 * PostgreSQL: messages go out with pg_notify on the pool (`db`) and come in on one dedicated connection to
 * `url` that LISTENs. When that connection is lost it reconnects (with a growing wait) and, since messages may
 * have been missed meanwhile, every subscribed cache forgets everything.
 */
export function postgresInvalidation(url: string, db: Kysely<object>): Invalidation {
  const subscribers = new Subscribers();
  // Sent before each payload (`sender/topic:key`): this process has already delivered its own messages at once,
  // and hearing them again later would drop an entry it has loaded anew since (a second load for nothing).
  const sender = randomBytes(6).toString('hex');
  const sending = new Set<Promise<unknown>>();
  let channel: Promise<string> | null = null;
  let listener: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let reconnectWait = RECONNECT_FIRST_MS;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;

  function channelName(): Promise<string> {
    channel ??= sql<{ schema: string }>`select current_schema() as schema`
      .execute(db)
      .then(({ rows }) => channelFor(rows[0]!.schema));
    channel.catch(() => {
      channel = null;
    });
    return channel;
  }

  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on('notification', (message) => {
      const slash = message.payload?.indexOf('/') ?? -1;
      if (slash < 0 || message.payload!.slice(0, slash) === sender) return;
      const { topic, key } = decodeMessage(message.payload!.slice(slash + 1));
      subscribers.deliver(topic, key);
    });
    // A lost connection emits 'error' (then 'end'), or 'end' alone; either way, start again.
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, new Error('the listening connection ended')));
    const endQuietly = async () => {
      client.removeAllListeners('end');
      client.on('error', () => {});
      await client.end().catch(() => {});
    };
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(await channelName())}`);
    } catch (error) {
      await endQuietly();
      throw error;
    }
    // Closed while connecting (a reconnect under way at shutdown): nobody would end this connection, and it
    // would keep the process alive.
    if (closed) return endQuietly();
    listener = client;
  }

  function lost(client: pg.Client, error: unknown) {
    if (listener !== client || closed) return;
    listener = null;
    client.removeAllListeners('end');
    client.on('error', () => {});
    client.end().catch(() => {});
    subscribers.onError(error, 'cache invalidation: lost the listening connection; reconnecting');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = null;
      try {
        await connectListener();
        reconnectWait = RECONNECT_FIRST_MS;
        // Whatever was published while we were away is unknown: forget everything.
        subscribers.deliverEverything();
      } catch (error) {
        reconnectWait = Math.min(reconnectWait * 2, RECONNECT_MAX_MS);
        subscribers.onError(error, 'cache invalidation: could not reconnect');
        scheduleReconnect();
      }
    }, reconnectWait);
    reconnectTimer.unref();
  }

  return {
    publish(topic, key) {
      const payload = encodeMessage(topic, key);
      subscribers.deliver(topic, decodeMessage(payload).key);
      const sent = channelName()
        .then((name) => sql`select pg_notify(${name}, ${`${sender}/${payload}`})`.execute(db))
        .catch((error) => subscribers.onError(error, `cache invalidation: could not publish ${payload}`))
        .finally(() => sending.delete(sent));
      sending.add(sent);
    },
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    async listen(options = {}) {
      if (options.onError) subscribers.onError = options.onError;
      if (listening || closed) return;
      listening = true;
      await connectListener();
      pingTimer = setInterval(() => {
        const client = listener;
        client?.query('select 1').catch((error) => lost(client, error));
      }, PING_MS);
      pingTimer.unref();
    },
    listenerProcessId: () => (listener as (pg.Client & { processID?: number }) | null)?.processID ?? null,
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (pingTimer) clearInterval(pingTimer);
      await Promise.allSettled([...sending]);
      const client = listener;
      listener = null;
      if (client) {
        client.removeAllListeners('end');
        client.on('error', () => {});
        await client.end().catch(() => {});
      }
    },
  };
}
