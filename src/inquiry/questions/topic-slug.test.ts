import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

describe.each(testEngines)('topic pages on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it.each([
    '/social-security/topics/',
    '/zh/social-security/topics/',
    '/social-security/topics/%20',
    '/social-security/topics/constructor',
    '/social-security/topics/__proto__',
  ])('%s is not found, not an error', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
  });
});
