import { describe, expect, it } from 'vitest';
import { chineseNumeralToInt, intToChineseNumeral } from './chinese-numerals';
import { chineseCitationLabel, citationLabel, citationLabelIn } from './citations';

const PARTS = {
  whole: [],
  paragraph: [{ paragraph: 2, item: null }],
  item: [{ paragraph: 2, item: 3 }],
  paragraphs: [
    { paragraph: 4, item: null },
    { paragraph: 1, item: null },
    { paragraph: 2, item: null },
  ],
  items: [
    { paragraph: 2, item: 3 },
    { paragraph: 2, item: 1 },
  ],
  paragraphAndWhole: [
    { paragraph: 1, item: null },
    { paragraph: null, item: null },
  ],
};

describe('citationLabel', () => {
  it.each([
    [PARTS.whole, 'Social Insurance Law, Article 27'],
    [PARTS.paragraph, 'Social Insurance Law, Article 27, paragraph 2'],
    [PARTS.item, 'Social Insurance Law, Article 27, paragraph 2, item 3'],
    [PARTS.paragraphs, 'Social Insurance Law, Article 27, paragraphs 1, 2 and 4'],
    [PARTS.items, 'Social Insurance Law, Article 27, paragraph 2, items 1 and 3'],
    [PARTS.paragraphAndWhole, 'Social Insurance Law, Article 27'],
  ])('labels %j', (parts, label) => {
    expect(citationLabel('Social Insurance Law', 27, parts)).toBe(label);
  });
});

describe('chineseCitationLabel', () => {
  it.each([
    [PARTS.whole, '《中华人民共和国社会保险法》第二十七条'],
    [PARTS.paragraph, '《中华人民共和国社会保险法》第二十七条第二款'],
    [PARTS.item, '《中华人民共和国社会保险法》第二十七条第二款第三项'],
    [PARTS.paragraphs, '《中华人民共和国社会保险法》第二十七条第一款、第二款、第四款'],
    [PARTS.items, '《中华人民共和国社会保险法》第二十七条第二款第一项、第三项'],
    [PARTS.paragraphAndWhole, '《中华人民共和国社会保险法》第二十七条'],
  ])('labels %j', (parts, label) => {
    expect(chineseCitationLabel('中华人民共和国社会保险法', '第二十七条', parts)).toBe(label);
  });

  it('is what citationLabelIn gives a Chinese page, and citationLabel an English one', () => {
    const statute = { titleZh: '中华人民共和国社会保险法', shortTitleEn: 'Social Insurance Law' };
    const article = { number: 72, label: '第七十二条' };
    expect(citationLabelIn('zh', statute, article, PARTS.paragraph)).toBe(
      '《中华人民共和国社会保险法》第七十二条第二款',
    );
    expect(citationLabelIn('en', statute, article, PARTS.paragraph)).toBe(
      'Social Insurance Law, Article 72, paragraph 2',
    );
  });
});

describe('intToChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [72, '七十二'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1010, '一千零一十'],
    [2005, '二千零五'],
  ])('writes %i as %s', (n, numeral) => {
    expect(intToChineseNumeral(n)).toBe(numeral);
  });

  it('is the inverse of chineseNumeralToInt from 1 to 9999', () => {
    for (let n = 1; n <= 9999; n++) expect(chineseNumeralToInt(intToChineseNumeral(n))).toBe(n);
  });

  it.each([0, -1, 1.5, 10_000])('refuses %s', (n) => {
    expect(() => intToChineseNumeral(n)).toThrow(RangeError);
  });
});
