import { describe, expect, it } from 'vitest';
import { computeSecurityHeaders, SECURITY_HEADER_OPTIONS, securityHeaderOptions } from './security-headers';

describe('security headers', () => {
  const headers = computeSecurityHeaders(SECURITY_HEADER_OPTIONS);

  it('forbids inline and foreign scripts, framing and foreign form targets', () => {
    const csp = headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it("sets helmet's other defaults", () => {
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
  });

  it('asks browsers for https only when the site is served over https', () => {
    const https = computeSecurityHeaders(securityHeaderOptions('https://jobsite.example'));
    expect(https['strict-transport-security']).toContain('max-age=');
    for (const base of ['http://localhost:3000', 'http://jobsite.example']) {
      const plain = computeSecurityHeaders(securityHeaderOptions(base));
      expect(plain['strict-transport-security']).toBeUndefined();
      expect(plain['content-security-policy']).toBe(https['content-security-policy']);
    }
  });
});
