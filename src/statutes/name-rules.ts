/**
 * Names of statutes as people write them, beyond the catalogue's titles: the alias table kept as data
 * (data/statutes/aliases.json, sources in ALIASES.md). The rules expand every Chinese name with the country prefix
 * and the issuing body added or left out; the table adds abbreviations per statute.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIBRARY_DIR } from './library-files';

const aliasTableSchema = z.object({
  prefixes: z.object({ country: z.string().min(1), issuingBodies: z.array(z.string().min(1)) }),
  statutes: z.record(z.string(), z.object({ zh: z.array(z.string()), en: z.array(z.string()) })),
});
export type AliasTable = z.infer<typeof aliasTableSchema>;

export const EMPTY_ALIAS_TABLE: AliasTable = {
  prefixes: { country: '中华人民共和国', issuingBodies: [] },
  statutes: {},
};

/** The shipped alias table, or an empty one where the file is not there (a bare checkout of the code). */
export function readAliasTable(dir = DEFAULT_LIBRARY_DIR): AliasTable {
  const file = join(dir, 'aliases.json');
  if (!existsSync(file)) return EMPTY_ALIAS_TABLE;
  return aliasTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Every form of a Chinese statute name the rules allow: as written, without the country or the issuing body that
 * heads it, with the country added (a regulation cited as 《中华人民共和国工伤保险条例》), and a 关于… title with any
 * issuing body before it (the body is often left out, or named when the title omits it).
 */
export function chineseNameForms(name: string, rules: AliasTable['prefixes']): string[] {
  const { country, issuingBodies } = rules;
  let base = name.startsWith(country) ? name.slice(country.length) : name;
  const body = issuingBodies.find((b) => base.startsWith(b) && base.slice(b.length).startsWith('关于'));
  if (body) base = base.slice(body.length);
  const forms = [name, base];
  if (base.startsWith('关于')) forms.push(...issuingBodies.map((b) => b + base));
  else forms.push(country + base);
  return [...new Set(forms)];
}
