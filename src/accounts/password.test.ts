import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password';

// A cheap cost keeps the unit tests fast; the format and the checks are the same at any cost.
const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores the parameters, a salt and the key in the documented format', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it('uses the default cost when none is given', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith(`scrypt$${DEFAULT_SCRYPT_PARAMS.N}$8$1$`)).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', cheap), hashPassword('same password', cheap)]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats full-width characters from a Chinese input method like their Latin forms', async () => {
    const hash = await hashPassword('password2026', cheap);
    expect(await verifyPassword('ｐａｓｓｗｏｒｄ２０２６', hash)).toBe(true);
    const chinese = await hashPassword('我的密码是社保卡一二三', cheap);
    expect(await verifyPassword('我的密码是社保卡一二三', chinese)).toBe(true);
  });

  it.each([
    '',
    'plain-text',
    'bcrypt$10$abc',
    'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    `scrypt$${2 ** 24}$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5`,
    'scrypt$1024$8$1$$',
    'scrypt$1024$0$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
  ])('refuses an unreadable hash %j instead of throwing', async (stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('asks for a rehash only when the parameters differ from the current ones', async () => {
    expect(needsRehash(await hashPassword('correct horse battery', cheap))).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery', cheap), cheap)).toBe(false);
  });
});
