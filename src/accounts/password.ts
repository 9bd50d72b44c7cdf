import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt. The hash string carries its own parameters and salt
 * ("scrypt$N$r$p$salt$hash", base64url), so the cost can be raised later without breaking stored
 * hashes: verify reads them back, and needsRehash tells sign-in to store a fresh hash.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * 2^15 × 8 × 1: 32 MiB and about 130 ms per hash on our 2-core server; the cost Go's x/crypto and the
 * scrypt author suggest for interactive sign-in. OWASP's 2^17 takes 4-5 times longer, which at two
 * cores makes sign-in itself an easy way to exhaust the server.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// A hash from the database is trusted, but bounds keep a corrupted row from asking for gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  // Node refuses anything above maxmem (default 32 MiB, exactly our cost): leave room of twice the need.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFKC (as NIST SP 800-63B asks): full-width letters and digits from a Chinese input method then
    // match the same password typed on a Latin keyboard.
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const num = (part: string) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN);
  // Exactly six parts, checked above.
  const [N, r, p] = [num(parts[1]!), num(parts[2]!), num(parts[3]!)];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length < 16) return null;
  return { params: { N, r, p }, salt, key };
}

/** True when the password matches; false for a wrong password or a hash we cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  // Constant time, so the time taken does not tell how many leading bytes matched.
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than today's (sign-in then stores a new one). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p;
}
