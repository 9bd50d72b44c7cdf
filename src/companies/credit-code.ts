/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * (the digits and the capital letters without I, O, S, V and Z, which read like 1, 0, 5, U and 2), the last
 * being a check character over the first 17. The check catches any one mistyped character: the weights are the
 * powers of 3 modulo 31, never 0, and 31 is prime, so changing one character always changes the sum modulo 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALUES = new Map([...CREDIT_CODE_ALPHABET].map((character, value) => [character, value]));

/**
 * The code as typed, made comparable: without surrounding blanks, full-width characters as their half-width
 * forms (an IME often types ９１４４０３００…), in upper case.
 */
export function normaliseCreditCode(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

/** The check character of a 17-character body, or null when the body has a character outside the alphabet. */
export function creditCodeCheckCharacter(body: string): string | null {
  if (body.length !== WEIGHTS.length) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = VALUES.get(body[i]!);
    if (value === undefined) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check]!;
}

export type CreditCodeProblem = 'format' | 'check';

/** What is wrong with a normalised code: `format` (length or characters), `check` (the last character), or null. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== CREDIT_CODE_LENGTH) return 'format';
  const expected = creditCodeCheckCharacter(code.slice(0, -1));
  if (expected === null || !VALUES.has(code.at(-1)!)) return 'format';
  return expected === code.at(-1) ? null : 'check';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(normaliseCreditCode(code)) === null;
}
