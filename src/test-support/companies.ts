/** What tests of any module need to arrange a company: a credit code no other test uses, a verified company. */
import { randomBytes } from 'node:crypto';
import type { Viewer } from '../accounts';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../companies';
import type { TestApp } from './databases';

/** A valid unified social credit code no other test uses (random body, its computed check character). */
export function newCreditCode(): string {
  let body = '91440300MA';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
}

/**
 * A Shenzhen logistics company created by `owner` and verified by `editor`, through the companies service; its id.
 * Its names are `name` with a code of its own (names are unique on the site).
 */
export async function verifiedCompany(
  t: TestApp,
  owner: Viewer,
  editor: Viewer,
  name: { en: string; zh: string } = { en: 'Bright Logistics', zh: '明光物流' },
): Promise<number> {
  const companies = t.modules.companies.service;
  const code = randomBytes(3).toString('hex');
  const { slug } = await companies.create(owner, {
    ...{ nameZh: `${name.zh}${code}有限公司`, nameEn: `${name.en} ${code}`, creditCode: newCreditCode() },
    ...{ industry: 'logistics', size: '150-499', city: 'CN-GD-SZ', website: '', descriptionEn: '', descriptionZh: '' },
  });
  const id = (await companies.membershipsOf(owner.id)).find((m) => m.company.slug === slug)!.company.id;
  await companies.verify(editor, id);
  return id;
}
