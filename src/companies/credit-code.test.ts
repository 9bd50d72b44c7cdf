import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  creditCodeProblem,
  isValidCreditCode,
  normaliseCreditCode,
} from './credit-code';

const alphabet = [...CREDIT_CODE_ALPHABET];
const codeCharacter = fc.constantFrom(...alphabet);
const body = fc.array(codeCharacter, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

describe('the unified social credit code check (GB 32100-2015)', () => {
  it('accepts the example of the standard and codes whose check we computed by hand', () => {
    // The standard's own example.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91440300MA5ERJ5G6P')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    // Sum ≡ 0 (mod 31): the check is 31, written 0.
    expect(isValidCreditCode('92440300MA5F000004')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and characters outside the alphabet', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('format');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('format');
    // I, O, S, V and Z are not used (they read like 1, 0, 5, U and 2).
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      expect(creditCodeProblem(`91350100M000100Y${letter}3`)).toBe('format');
      expect(creditCodeProblem(`91350100M000100Y4${letter}`)).toBe('format');
    }
    expect(creditCodeProblem('')).toBe('format');
  });

  it('reads full-width characters, lower case and surrounding blanks as the same code', () => {
    expect(normaliseCreditCode(' ９１３５０１００ｍ０００１００ｙ４３\u3000')).toBe('91350100M000100Y43');
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it('accepts any 17-character body followed by its computed check character', () => {
    fc.assert(
      fc.property(body, (b) => {
        const check = creditCodeCheckCharacter(b);
        expect(check).not.toBeNull();
        expect(creditCodeProblem(b + check)).toBeNull();
      }),
    );
  });

  it('refuses a valid code with any one character changed', () => {
    fc.assert(
      fc.property(body, fc.nat(17), codeCharacter, (b, position, replacement) => {
        const code = b + creditCodeCheckCharacter(b);
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(creditCodeProblem(changed)).not.toBeNull();
      }),
    );
  });
});
