/**
 * How to reach a city's social security agency without an outlet: 12333 everywhere, and the official sites our
 * sources name (only addresses of documents graded official: none is guessed).
 */
import type { ShippedSource } from '../shipped';

export function officialHosts(sources: Pick<ShippedSource, 'kind' | 'url'>[]): string[] {
  const hosts = sources
    .filter((s) => s.kind.startsWith('official') && s.url && /^https?:\/\//.test(s.url))
    .map((s) => new URL(s.url ?? '').host);
  return [...new Set(hosts)];
}
