import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues } from './index';

/**
 * The arguments a message takes, from its ICU syntax (throws on a syntax error), each with whether it is written
 * as a number (plural or number format: 1,234 rather than 1234).
 */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.plural || element.type === TYPE.number) names.add(`${element.value}:number`);
      else if ('value' in element && typeof element.value === 'string') names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  // A count is a number in both languages, even where Chinese needs no plural forms (`{count, number}`).
  return [...names].filter((name) => !names.has(`${name}:number`)).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('web', 'messages')) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Keys the code builds from a name rather than writes out: `notifications.<kind>` (src/notifications/service.ts
 * writes a notification's kind), `citation.<problem>` (src/statutes/citation-problem.ts). A key under one of these
 * counts as used when its prefix is; every other key must appear in quotes somewhere in src.
 */
const BUILT_PREFIXES = ['notifications.', 'citation.'];

describe('message catalogues', () => {
  const en = catalogues.en as Record<string, string>;
  const zh = catalogues.zh as Record<string, string>;

  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('take the same arguments in both languages, in valid ICU syntax', () => {
    const differing = Object.keys(en).flatMap((key) => {
      const [english, chinese] = [argumentsOf(en[key] ?? ''), argumentsOf(zh[key] ?? '')];
      return english.join() === chinese.join() ? [] : [`${key}: en {${english}} zh {${chinese}}`];
    });
    expect(differing).toEqual([]);
  });

  it('have a Chinese text for every key that is not a name or a bare argument', () => {
    const untranslated = Object.keys(en).filter(
      (key) => zh[key] === en[key] && /[a-z]{3,}/i.test((en[key] ?? '').replace(/\{[^}]*\}/g, '')),
    );
    // Names stay as they are (the site's name, English words a Chinese reader sees as such).
    expect(untranslated.filter((key) => key !== 'site.name')).toEqual([]);
  });

  it('hold no key the code no longer uses', () => {
    const code = sourceFiles('src')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter((key) => {
      if (BUILT_PREFIXES.some((prefix) => key.startsWith(prefix))) return false;
      return !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`\`${key}\``);
    });
    expect(unused).toEqual([]);
  });
});
