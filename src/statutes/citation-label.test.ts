import { describe, expect, it } from 'vitest';
import { citationLabel } from './citations';

describe('citationLabel', () => {
  it.each([
    [[], 'Social Insurance Law, Article 27'],
    [[{ paragraph: 2, item: null }], 'Social Insurance Law, Article 27, paragraph 2'],
    [[{ paragraph: 2, item: 3 }], 'Social Insurance Law, Article 27, paragraph 2, item 3'],
    [
      [
        { paragraph: 4, item: null },
        { paragraph: 1, item: null },
        { paragraph: 2, item: null },
      ],
      'Social Insurance Law, Article 27, paragraphs 1, 2 and 4',
    ],
    [
      [
        { paragraph: 1, item: null },
        { paragraph: null, item: null },
      ],
      'Social Insurance Law, Article 27',
    ],
  ])('labels %j', (parts, label) => {
    expect(citationLabel('Social Insurance Law', 27, parts)).toBe(label);
  });
});
