/** What tests of any module need to arrange a company: a credit code no other test uses. */
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../companies';

/** A valid unified social credit code no other test uses (random body, its computed check character). */
export function newCreditCode(): string {
  let body = '91440300MA';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
}
