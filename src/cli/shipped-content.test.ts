import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../platform/web/markdown';

/**
 * The shipped Q&As (the seed and the demo) as files: every one in both languages with the same procedure, and
 * every markdown text of them renders without a stray emphasis mark. Chinese answers used to show `**` where
 * CommonMark's emphasis rules fail beside Chinese punctuation (docs/decisions/0111-chinese-and-english.md).
 */
interface Step {
  action: string;
  materials: string;
  where: string;
  duration: string;
}
interface Version {
  title: string;
  details: string;
  analysis: string;
  background?: string | null;
  steps: Step[];
}
interface Shipped {
  key: string;
  en: Version;
  zh?: Version | null;
}

const shipped: Shipped[] = [
  JSON.parse(readFileSync('data/inquiry/seed.json', 'utf8')),
  ...JSON.parse(readFileSync('data/demo/questions.json', 'utf8')),
];
const HAN = /\p{Script=Han}/u;

describe('shipped Q&As', () => {
  it.each(shipped.map((item) => [item.key, item] as const))('%s exists in Chinese with the same steps', (_, item) => {
    expect(item.zh, 'a Chinese version').toBeTruthy();
    const zh = item.zh as Version;
    expect(zh.title).toMatch(HAN);
    expect(zh.analysis).toMatch(HAN);
    expect(zh.steps).toHaveLength(item.en.steps.length);
    for (const [index, step] of zh.steps.entries()) {
      // Where the English step names materials or a duration, so does the Chinese one.
      const en = item.en.steps[index] as Step;
      expect(Boolean(step.materials), `step ${index + 1} materials`).toBe(Boolean(en.materials));
      expect(Boolean(step.duration), `step ${index + 1} duration`).toBe(Boolean(en.duration));
      expect(step.action).toMatch(HAN);
    }
  });

  it.each(
    shipped.flatMap((item) =>
      (['en', 'zh'] as const).map((locale) => [`${item.key} (${locale})`, item[locale] as Version] as const),
    ),
  )('%s renders without a literal ** or __', (_, version) => {
    const texts = [version.analysis, version.background ?? '', version.details];
    for (const text of texts) {
      const html = renderMarkdown(text);
      expect(html).not.toContain('**');
      expect(html).not.toContain('__');
    }
  });
});
