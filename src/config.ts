import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * All configuration comes from the environment and is checked once at start:
 * a bad value stops the process with a message naming the variable.
 */
/** `NAME=` as .env.example writes it means unset. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('file:./data/jobsite.sqlite')
    .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\//.test(url), {
      message: 'must be file:PATH or postgres://…',
    }),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_CONTENT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s):// URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Uploaded files (résumé PDFs): a directory the web server never serves, kept with the database's backups. */
  FILES_DIR: z.string().min(1).default('./data/files'),
  // The mail server: smtp://user:password@host:587 (STARTTLS) or smtps://…:465. Without it mail stays in the outbox.
  SMTP_URL: unsetIfEmpty(
    z
      .string()
      .refine((url) => /^smtps?:\/\/[^/\s]+/.test(url), { message: 'must be smtp://… or smtps://…' })
      .optional(),
  ),
  /** The From of mail; defaults to jobsite <no-reply@the host of PUBLIC_BASE_URL>. */
  SMTP_FROM: unsetIfEmpty(z.string().min(3).optional()),
  // The bearer token /metrics asks for; without it /metrics is off (404).
  METRICS_TOKEN: unsetIfEmpty(z.string().min(16, 'must be at least 16 characters').optional()),
});

export type AppConfig = Omit<z.output<typeof configSchema>, 'SESSION_SECRET' | 'PUBLIC_BASE_URL'> & {
  SESSION_SECRET: string;
  /** The site's address as readers see it, without a trailing slash. */
  PUBLIC_BASE_URL: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const missing: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (!config.SESSION_SECRET) missing.push('  SESSION_SECRET: required in production (32+ characters)');
    // Canonical links, sitemaps, JSON-LD and mailed links name the site: a guess would point them elsewhere.
    if (!config.PUBLIC_BASE_URL) missing.push('  PUBLIC_BASE_URL: required in production (https://your.domain)');
  }
  if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.join('\n')}`);
  // Outside production a random secret is fine: sessions simply do not survive a restart.
  return {
    ...config,
    SESSION_SECRET: config.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`,
  };
}

export function testConfig(overrides: Partial<Record<keyof AppConfig, string>> = {}): AppConfig {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides } as NodeJS.ProcessEnv);
}
