/** What tests comparing two ways of answering the same request (a fast path and its route) look at. */
import type { LightMyRequestResponse } from 'fastify';

/** The Accept-Encoding browsers send. */
export const GZIP = { 'accept-encoding': 'gzip, deflate, br' };

// Set by the transport, not the app; content-length stays in (the bodies are compared too).
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** Status, every header the app set, and the bytes sent: what must not differ between the two paths. */
export function observable(res: LightMyRequestResponse) {
  const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)));
  return { status: res.statusCode, headers, body: res.rawPayload };
}
