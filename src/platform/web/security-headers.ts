import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers, computed once at start and set on every response. @fastify/helmet runs
 * helmet's middleware (parsing the CSP directives again) on every request; on the Q&A page that was
 * about a tenth of the server's CPU (docs/decisions/0104-security-headers-once.md). Our headers do not
 * vary per request (no CSP nonces), so the result of one run is the result of every run.
 */
export function computeSecurityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

export const SECURITY_HEADER_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
} satisfies HelmetOptions;

/**
 * The options for a site at `publicBaseUrl`: Strict-Transport-Security only when it is served over https. Sent
 * over plain http it is ignored by browsers at best; at worst (a proxy later adding TLS to one name of several)
 * it pins a name to https that does not serve it.
 */
export function securityHeaderOptions(publicBaseUrl: string): Readonly<HelmetOptions> {
  const https = new URL(publicBaseUrl).protocol === 'https:';
  if (https) return SECURITY_HEADER_OPTIONS;
  const { contentSecurityPolicy } = SECURITY_HEADER_OPTIONS as {
    contentSecurityPolicy: HelmetOptions['contentSecurityPolicy'];
  };
  return { contentSecurityPolicy, strictTransportSecurity: false };
}

export function registerSecurityHeaders(
  app: FastifyInstance,
  options: Readonly<HelmetOptions> = SECURITY_HEADER_OPTIONS,
) {
  const headers = computeSecurityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
