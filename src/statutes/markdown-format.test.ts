import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatuteJson, parseStatuteMarkdown, parseStatuteParts } from './markdown-format';

const VERSIONS = '../shared/data/statutes/versions';

/** Laws of chapters only: no 编 or 分编 above them. */
const noPart = { part: null, subpart: null };

describe('parseStatuteMarkdown', () => {
  it('reads title, history, chapters, sections and multi-paragraph articles', () => {
    const parsed = parseStatuteMarkdown(
      [
        '# 中华人民共和国测试法',
        '',
        '2020年1月2日 通过',
        '<!-- INFO END -->',
        '## 第一章 总则',
        '\u200b',
        '第一条　为了测试。',
        '',
        '第二条 第一款。',
        '第二款。',
        '## 第二章 细则',
        '### 第一节 一般规定',
        '第三条 细则。',
      ].join('\n'),
      '测试法(2020-01-02).md',
    );
    expect(parsed).toMatchObject({
      titleZh: '中华人民共和国测试法',
      versionDate: '2020-01-02',
      history: ['2020年1月2日 通过'],
    });
    expect(parsed.articles).toEqual([
      { number: 1, label: '第一条', ...noPart, chapter: '第一章 总则', section: null, text: '为了测试。' },
      { number: 2, label: '第二条', ...noPart, chapter: '第一章 总则', section: null, text: '第一款。\n第二款。' },
      { number: 3, label: '第三条', ...noPart, chapter: '第二章 细则', section: '第一节 一般规定', text: '细则。' },
    ]);
  });

  it('takes the date from the header when the file name has none', () => {
    expect(parseStatuteMarkdown('# 某法\n2019年3月4日 修正\n<!-- INFO END -->\n第一条 内容。').versionDate).toBe(
      '2019-03-04',
    );
  });

  it.each([
    ['no title', '第一条 内容。'],
    ['no articles', '# 某法\n<!-- INFO END -->\n只有序言。'],
    ['a repeated article', '# 某法(2020-01-01)\n<!-- INFO END -->\n第一条 a\n第一条 b'],
  ])('refuses a file with %s', (_, source) => {
    expect(() => parseStatuteMarkdown(source, 'x(2020-01-01).md')).toThrow();
  });

  it.skipIf(!existsSync(VERSIONS))('reads both real versions of the Administrative Reconsideration Law', () => {
    const v2017 = parseStatuteMarkdown(
      readFileSync(`${VERSIONS}/行政复议法(2017-09-01).md`, 'utf8'),
      '行政复议法(2017-09-01).md',
    );
    const v2023 = parseStatuteMarkdown(
      readFileSync(`${VERSIONS}/行政复议法(2023-09-01).md`, 'utf8'),
      '行政复议法(2023-09-01).md',
    );
    expect(v2017).toMatchObject({ titleZh: '中华人民共和国行政复议法', versionDate: '2017-09-01' });
    expect(v2017.articles).toHaveLength(43);
    expect(v2023.articles).toHaveLength(90);
    expect(v2023.articles[0]?.text).toMatch(/^为了防止和纠正违法的或者不当的行政行为/);
    expect(v2023.articles.find((a) => a.number === 11)?.section).toBe('第一节 行政复议范围');
  });
});

describe('parseStatuteJson', () => {
  it('maps the shared JSON form', () => {
    const parsed = parseStatuteJson({
      title_zh: '某法',
      version_date: '2020-01-01',
      articles: [{ number: 1, label_zh: '第一条', chapter_zh: null, section_zh: null, text_zh: 'x' }],
    });
    expect(parsed.articles[0]).toEqual({
      number: 1,
      label: '第一条',
      ...noPart,
      chapter: null,
      section: null,
      text: 'x',
    });
  });
  it('refuses an entry without articles', () => expect(() => parseStatuteJson({ title_zh: 'x' })).toThrow());
});

describe('parseStatuteParts', () => {
  const file = (part: string, body: string) => ({
    name: `${part}.md`,
    text: `# 中华人民共和国测试法典\n\n# ${part}\n\n2020年5月28日 通过\n\n<!-- INFO END -->\n\n${body}`,
  });

  it('puts part files in order by their first article, names the parts and reads headings by what they say', () => {
    const parsed = parseStatuteParts(
      [
        file('合同编', '## 第一分编  通则\n\n### 第一章  一般规定\n\n#### 第一节  订立\n\n第三条 合同。'),
        file('附则', '##\n\n第四条 施行。'),
        file('总则', '## 第一章  基本规定\n\n第一条 目的。\n\n### 第一节  自然人\n\n第二条 能力。'),
      ],
      '测试法典(2020-05-28)',
    );
    expect(parsed).toMatchObject({ titleZh: '中华人民共和国测试法典', versionDate: '2020-05-28' });
    expect(parsed.history).toEqual(['2020年5月28日 通过']);
    expect(parsed.articles.map((a) => [a.number, a.part, a.subpart, a.chapter, a.section])).toEqual([
      [1, '第一编 总则', null, '第一章 基本规定', null],
      [2, '第一编 总则', null, '第一章 基本规定', '第一节 自然人'],
      [3, '第二编 合同', '第一分编 通则', '第一章 一般规定', '第一节 订立'],
      [4, '附则', null, null, null],
    ]);
  });

  it('refuses an article number that two parts share', () => {
    expect(() =>
      parseStatuteParts([file('总则', '第一条 甲。'), file('物权编', '第一条 乙。')], 'x(2020-05-28)'),
    ).toThrow(/article 1 appears twice/);
  });
});
