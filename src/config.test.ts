import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('refuses production without PUBLIC_BASE_URL or SESSION_SECRET, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET })).toThrow(/PUBLIC_BASE_URL: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://jobs.example.cn' })).toThrow(
      /SESSION_SECRET: required/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('starts production with both, the address without its trailing slash', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: SECRET,
      PUBLIC_BASE_URL: 'https://jobs.example.cn/',
    });
    expect(config.PUBLIC_BASE_URL).toBe('https://jobs.example.cn');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://jobs.example.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'jobs.example.cn' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('outside production defaults the address to this machine and its port', () => {
    expect(loadConfig({ PORT: '3100' }).PUBLIC_BASE_URL).toBe('http://localhost:3100');
  });

  it('takes a mail server and a metrics token, or neither (an empty value is unset)', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://user:pw@smtp.example.com:465', METRICS_TOKEN: 'x'.repeat(16) });
    expect(config).toMatchObject({ SMTP_URL: 'smtps://user:pw@smtp.example.com:465', METRICS_TOKEN: 'x'.repeat(16) });
    expect(loadConfig({ SMTP_URL: '', METRICS_TOKEN: '' })).toMatchObject({
      SMTP_URL: undefined,
      METRICS_TOKEN: undefined,
    });
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL: must be smtp/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16/);
  });
});
