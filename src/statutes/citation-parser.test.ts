import { describe, expect, it } from 'vitest';
import catalogue from '../../data/statutes/catalogue.json';
import { createI18n, english } from '../platform/web/i18n';
import { chineseNumeralToInt, type ParsedCitation, parseCitations, statuteNamesFromCatalogue } from './citation-parser';

const statutes = statuteNamesFromCatalogue(catalogue);

/** The problems as the English catalogue renders them, joined as the parser once did; null when there are none. */
const errorText = (c: ParsedCitation) => (c.problems.length ? c.problems.map((p) => english.text(p)).join('; ') : null);

const SIL = 'social-insurance-law';
const LL = 'labour-law';
const LCL = 'labour-contract-law';
const LCL_REGS = 'labour-contract-law-implementing-regulations';
const LDMA = 'labour-dispute-mediation-arbitration-law';
const WII = 'work-related-injury-insurance-regulations';
const SPC1 = 'spc-labour-dispute-interpretation-1';

interface Expected {
  raw: string;
  slug: string | null;
  article: number | null;
  paragraph?: number | null;
  item?: number | null;
  /** Substring the error must contain; omitted means the citation must be error-free. */
  error?: string;
}

/** Spans are checked against the first occurrence of `raw` at or after the previous citation. */
function check(text: string, actual: ParsedCitation[], expected: Expected[]) {
  expect(actual.map((c) => c.raw)).toEqual(expected.map((e) => e.raw));
  let from = 0;
  expected.forEach((e, i) => {
    // Same length: the raws were compared above.
    const c = actual[i]!;
    const start = text.indexOf(e.raw, from);
    from = start;
    expect(c.span).toEqual([start, start + e.raw.length]);
    expect(text.slice(c.span[0], c.span[1])).toBe(c.raw);
    expect({ slug: c.statuteSlug, article: c.article, paragraph: c.paragraph, item: c.item }).toEqual({
      slug: e.slug,
      article: e.article,
      paragraph: e.paragraph ?? null,
      item: e.item ?? null,
    });
    if (e.error === undefined) expect(errorText(c)).toBeNull();
    else expect(errorText(c)).toContain(e.error);
  });
}

// Single citations: [text, expected]. Texts are taken from statute articles, court interpretations,
// English translations and user questions.
const single: [string, Expected][] = [
  // English, statute after the article
  [
    "Article 72 of the Social Insurance Law of the People's Republic of China",
    { raw: "Article 72 of the Social Insurance Law of the People's Republic of China", slug: SIL, article: 72 },
  ],
  [
    "Article 72 of the Social Insurance Law of People's Republic of China (PRC)",
    { raw: "Article 72 of the Social Insurance Law of People's Republic of China (PRC)", slug: SIL, article: 72 },
  ],
  [
    'According to Article 58 of the Social Insurance Law, employers must register.',
    { raw: 'Article 58 of the Social Insurance Law', slug: SIL, article: 58 },
  ],
  [
    'Article 82 of the Labor Contract Law requires double wages.',
    { raw: 'Article 82 of the Labor Contract Law', slug: LCL, article: 82 },
  ],
  [
    'See article 47 of the labour contract law.',
    { raw: 'article 47 of the labour contract law', slug: LCL, article: 47 },
  ],
  ['ARTICLE 5 OF THE LABOUR LAW', { raw: 'ARTICLE 5 OF THE LABOUR LAW', slug: LL, article: 5 }],
  [
    'Article 44 of the Labour Law of the PRC sets overtime pay.',
    { raw: 'Article 44 of the Labour Law of the PRC', slug: LL, article: 44 },
  ],
  [
    'Article 10 of the PRC Labor Contract Law',
    { raw: 'Article 10 of the PRC Labor Contract Law', slug: LCL, article: 10 },
  ],
  [
    'Article 19 of the Regulations for the Implementation of the Labor Contract Law',
    {
      raw: 'Article 19 of the Regulations for the Implementation of the Labor Contract Law',
      slug: LCL_REGS,
      article: 19,
    },
  ],
  [
    'Article 4 of the Labour Contract Law Implementing Regulations',
    { raw: 'Article 4 of the Labour Contract Law Implementing Regulations', slug: LCL_REGS, article: 4 },
  ],
  [
    "Article 27 of the Law of the People's Republic of China on Labour Dispute Mediation and Arbitration",
    {
      raw: "Article 27 of the Law of the People's Republic of China on Labour Dispute Mediation and Arbitration",
      slug: LDMA,
      article: 27,
    },
  ],
  [
    'Under Article 14 of the Regulations on Work-Related Injury Insurance, injuries at work qualify.',
    { raw: 'Article 14 of the Regulations on Work-Related Injury Insurance', slug: WII, article: 14 },
  ],
  [
    'Article 15 of the Work Related Injury Insurance Regulations',
    { raw: 'Article 15 of the Work Related Injury Insurance Regulations', slug: WII, article: 15 },
  ],
  ['Article 999 of the Labour Law', { raw: 'Article 999 of the Labour Law', slug: LL, article: 999 }],
  // English, statute before the article
  ['Social Insurance Law, Art. 72', { raw: 'Social Insurance Law, Art. 72', slug: SIL, article: 72 }],
  ['Social Insurance Law, Article 72', { raw: 'Social Insurance Law, Article 72', slug: SIL, article: 72 }],
  [
    'Under the Labour Contract Law Article 39, dismissal is allowed.',
    { raw: 'Labour Contract Law Article 39', slug: LCL, article: 39 },
  ],
  ['Labor Law art 36 limits hours.', { raw: 'Labor Law art 36', slug: LL, article: 36 }],
  [
    'Art. 23(2)(3) Labour Contract Law',
    { raw: 'Art. 23(2)(3) Labour Contract Law', slug: LCL, article: 23, paragraph: 2, item: 3 },
  ],
  // English paragraphs and items
  [
    'Article 23(2) of the Labour Contract Law',
    { raw: 'Article 23(2) of the Labour Contract Law', slug: LCL, article: 23, paragraph: 2 },
  ],
  [
    'Article 14(2)(3) of the Labour Contract Law',
    { raw: 'Article 14(2)(3) of the Labour Contract Law', slug: LCL, article: 14, paragraph: 2, item: 3 },
  ],
  [
    'Article 23, paragraph 2 of the Labour Contract Law',
    { raw: 'Article 23, paragraph 2 of the Labour Contract Law', slug: LCL, article: 23, paragraph: 2 },
  ],
  [
    'Article 40, paragraph 1, item 3 of the Labor Contract Law',
    { raw: 'Article 40, paragraph 1, item 3 of the Labor Contract Law', slug: LCL, article: 40, paragraph: 1, item: 3 },
  ],
  [
    'Article 40, item (3) of the Labor Contract Law',
    { raw: 'Article 40, item (3) of the Labor Contract Law', slug: LCL, article: 40, item: 3 },
  ],
  [
    'paragraph 2 of Article 23 of the Labour Contract Law',
    { raw: 'paragraph 2 of Article 23 of the Labour Contract Law', slug: LCL, article: 23, paragraph: 2 },
  ],
  [
    'item 3 of paragraph 2 of Article 14 of the Labour Contract Law',
    {
      raw: 'item 3 of paragraph 2 of Article 14 of the Labour Contract Law',
      slug: LCL,
      article: 14,
      paragraph: 2,
      item: 3,
    },
  ],
  [
    'the second paragraph of Article 14 of the Labor Law',
    { raw: 'second paragraph of Article 14 of the Labor Law', slug: LL, article: 14, paragraph: 2 },
  ],
  // Chinese
  ['《中华人民共和国社会保险法》第七十二条', { raw: '《中华人民共和国社会保险法》第七十二条', slug: SIL, article: 72 }],
  [
    '根据《社会保险法》第五十八条规定，用人单位应当自用工之日起三十日内为其职工申请办理社会保险登记。',
    { raw: '《社会保险法》第五十八条', slug: SIL, article: 58 },
  ],
  ['《社保法》第八十六条', { raw: '《社保法》第八十六条', slug: SIL, article: 86 }],
  [
    '《劳动合同法》第二十三条第二款第三项',
    { raw: '《劳动合同法》第二十三条第二款第三项', slug: LCL, article: 23, paragraph: 2, item: 3 },
  ],
  [
    '劳动合同法第十四条第二款规定的连续工作满10年的起始时间',
    { raw: '劳动合同法第十四条第二款', slug: LCL, article: 14, paragraph: 2 },
  ],
  ['依照劳动合同法第八十二条的规定向劳动者每月支付两倍的工资', { raw: '劳动合同法第八十二条', slug: LCL, article: 82 }],
  ['依照劳动合同法实施条例第十条', { raw: '劳动合同法实施条例第十条', slug: LCL_REGS, article: 10 }],
  [
    '《中华人民共和国劳动合同法实施条例》第三条',
    { raw: '《中华人民共和国劳动合同法实施条例》第三条', slug: LCL_REGS, article: 3 },
  ],
  ['中华人民共和国劳动法第四十四条', { raw: '中华人民共和国劳动法第四十四条', slug: LL, article: 44 }],
  [
    '在认定是否存在《工伤保险条例》第十四条第（六）项“本人主要责任”',
    { raw: '《工伤保险条例》第十四条第（六）项', slug: WII, article: 14, item: 6 },
  ],
  ['《劳动争议调解仲裁法》第二十七条', { raw: '《劳动争议调解仲裁法》第二十七条', slug: LDMA, article: 27 }],
  [
    '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条',
    { raw: '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条', slug: SPC1, article: 32 },
  ],
  ['劳动争议司法解释(一)第三十二条', { raw: '劳动争议司法解释(一)第三十二条', slug: SPC1, article: 32 }],
  ['《劳动合同法（2012修正）》第十条', { raw: '《劳动合同法（2012修正）》第十条', slug: LCL, article: 10 }],
  ['《社会保险法》第72条', { raw: '《社会保险法》第72条', slug: SIL, article: 72 }],
  ['《社会保险法》第７２条', { raw: '《社会保险法》第７２条', slug: SIL, article: 72 }],
  ['《劳动法》 第 一百零五 条', { raw: '《劳动法》 第 一百零五 条', slug: LL, article: 105 }],
  // Errors
  [
    '《中华人民共和国不存在法》第一条',
    { raw: '《中华人民共和国不存在法》第一条', slug: null, article: 1, error: '中华人民共和国不存在法' },
  ],
  [
    'Article 5 of the Imaginary Law',
    { raw: 'Article 5 of the Imaginary Law', slug: null, article: 5, error: 'Unknown statute "Imaginary Law"' },
  ],
  [
    'Article 5 of the Labour Law Enforcement Rules',
    {
      raw: 'Article 5 of the Labour Law Enforcement Rules',
      slug: null,
      article: 5,
      error: 'Labour Law Enforcement Rules',
    },
  ],
  [
    '劳动者依据民事诉讼法第二百三十七条申请',
    { raw: '民事诉讼法第二百三十七条', slug: null, article: 237, error: 'Unknown statute "民事诉讼法"' },
  ],
  [
    '《劳动法》第七七十条',
    { raw: '《劳动法》第七七十条', slug: LL, article: null, error: 'Malformed article number "七七十"' },
  ],
  [
    '《劳动法》第十十条',
    { raw: '《劳动法》第十十条', slug: LL, article: null, error: 'Malformed article number "十十"' },
  ],
  ['《劳动法》第零条', { raw: '《劳动法》第零条', slug: LL, article: null, error: 'at least 1' }],
  ['Article 0 of the Labour Law', { raw: 'Article 0 of the Labour Law', slug: LL, article: null, error: 'at least 1' }],
  [
    'Article 23(0) of the Labour Law',
    { raw: 'Article 23(0) of the Labour Law', slug: LL, article: 23, error: 'Paragraph number must be at least 1' },
  ],
  ['Article 23(2)', { raw: 'Article 23(2)', slug: null, article: 23, paragraph: 2, error: 'No statute named' }],
  ['第二十三条第二款', { raw: '第二十三条第二款', slug: null, article: 23, paragraph: 2, error: 'No statute named' }],
  ['Art 58', { raw: 'Art 58', slug: null, article: 58, error: 'No statute named' }],
  ['依照本条例第十条的规定征缴', { raw: '本条例第十条', slug: null, article: 10, error: 'enclosing statute' }],
];

describe('parseCitations: single citations', () => {
  it.each(single)('%s', (text, expected) => {
    check(text, parseCitations(text, statutes), [expected]);
  });
});

const multi: [string, Expected[]][] = [
  [
    'Articles 10 and 12 of the Labour Contract Law',
    [
      { raw: 'Articles 10', slug: LCL, article: 10 },
      { raw: '12 of the Labour Contract Law', slug: LCL, article: 12 },
    ],
  ],
  [
    'Articles 10, 12 and 14 of the Labor Contract Law',
    [
      { raw: 'Articles 10', slug: LCL, article: 10 },
      { raw: '12', slug: LCL, article: 12 },
      { raw: '14 of the Labor Contract Law', slug: LCL, article: 14 },
    ],
  ],
  [
    'Article 39 and Article 40 of the Labour Contract Law',
    [
      { raw: 'Article 39', slug: LCL, article: 39 },
      { raw: 'Article 40 of the Labour Contract Law', slug: LCL, article: 40 },
    ],
  ],
  [
    'Article 7 and 12 of the Labour Law',
    [
      { raw: 'Article 7', slug: LL, article: 7 },
      { raw: '12 of the Labour Law', slug: LL, article: 12 },
    ],
  ],
  [
    'Articles 36–38 of the Labour Contract Law',
    [36, 37, 38].map((article) => ({ raw: 'Articles 36–38 of the Labour Contract Law', slug: LCL, article })),
  ],
  [
    '《劳动合同法》第三十六条至第三十八条',
    [36, 37, 38].map((article) => ({ raw: '《劳动合同法》第三十六条至第三十八条', slug: LCL, article })),
  ],
  [
    'Article 5 of the Labour Law, Article 10 of the Social Insurance Law',
    [
      { raw: 'Article 5 of the Labour Law', slug: LL, article: 5 },
      { raw: 'Article 10 of the Social Insurance Law', slug: SIL, article: 10 },
    ],
  ],
  [
    'Article 5 of the Labour Law and Social Insurance Law, Article 10',
    [
      { raw: 'Article 5 of the Labour Law', slug: LL, article: 5 },
      { raw: 'Social Insurance Law, Article 10', slug: SIL, article: 10 },
    ],
  ],
  [
    '《社会保险法》第十条、第十二条',
    [
      { raw: '《社会保险法》第十条', slug: SIL, article: 10 },
      { raw: '第十二条', slug: SIL, article: 12 },
    ],
  ],
  [
    '《社会保险法》第十条和第十二条',
    [
      { raw: '《社会保险法》第十条', slug: SIL, article: 10 },
      { raw: '第十二条', slug: SIL, article: 12 },
    ],
  ],
  [
    '用人单位应当按照劳动合同法第二十八条、第四十六条、第四十七条的规定向劳动者支付劳动报酬和经济补偿',
    [
      { raw: '劳动合同法第二十八条', slug: LCL, article: 28 },
      { raw: '第四十六条', slug: LCL, article: 46 },
      { raw: '第四十七条', slug: LCL, article: 47 },
    ],
  ],
  [
    '《劳动合同法》第三十九条和第四十条第一项、第二项规定的情形',
    [
      { raw: '《劳动合同法》第三十九条', slug: LCL, article: 39 },
      { raw: '第四十条第一项', slug: LCL, article: 40, item: 1 },
      { raw: '第二项', slug: LCL, article: 40, item: 2 },
    ],
  ],
  [
    '用人单位违反《女职工劳动保护特别规定》第六条第二款、第七条、第九条第一款规定的',
    [
      {
        raw: '《女职工劳动保护特别规定》第六条第二款',
        slug: 'female-employees-labour-protection-provisions',
        article: 6,
        paragraph: 2,
      },
      { raw: '第七条', slug: 'female-employees-labour-protection-provisions', article: 7 },
      { raw: '第九条第一款', slug: 'female-employees-labour-protection-provisions', article: 9, paragraph: 1 },
    ],
  ],
  // An unbracketed unknown short title must not silently inherit the earlier statute.
  [
    '劳动者依据劳动合同法第三十条第二款和调解仲裁法第十六条规定向人民法院申请支付令',
    [
      { raw: '劳动合同法第三十条第二款', slug: LCL, article: 30, paragraph: 2 },
      { raw: '调解仲裁法第十六条', slug: null, article: 16, error: 'Unknown statute "调解仲裁法"' },
    ],
  ],
  [
    'Under the PRC Labour Contract Law, Article 39 allows dismissal; Article 40(1) and (2) require notice.',
    [
      { raw: 'PRC Labour Contract Law, Article 39', slug: LCL, article: 39 },
      { raw: 'Article 40(1)', slug: LCL, article: 40, paragraph: 1 },
      { raw: '(2)', slug: LCL, article: 40, paragraph: 2 },
    ],
  ],
  [
    '《工伤保险条例》第十四条第（六）项“本人主要责任”、第十六条第（二）项“醉酒或者吸毒”',
    [
      { raw: '《工伤保险条例》第十四条第（六）项', slug: WII, article: 14, item: 6 },
      { raw: '第十六条第（二）项', slug: WII, article: 16, item: 2 },
    ],
  ],
  [
    '依照《劳动法》第五条。根据该法第十条',
    [
      { raw: '《劳动法》第五条', slug: LL, article: 5 },
      { raw: '第十条', slug: LL, article: 10 },
    ],
  ],
  [
    '《中华人民共和国不存在法》第一条。第二十三条第二款',
    [
      { raw: '《中华人民共和国不存在法》第一条', slug: null, article: 1, error: 'Unknown statute' },
      { raw: '第二十三条第二款', slug: null, article: 23, paragraph: 2, error: 'preceding citation' },
    ],
  ],
  [
    'Articles 1-50 of the Labour Law',
    [{ raw: 'Articles 1-50 of the Labour Law', slug: LL, article: 1, error: 'more than 20' }],
  ],
  [
    'Articles 38–36 of the Labour Law',
    [{ raw: 'Articles 38–36 of the Labour Law', slug: LL, article: 38, error: 'reversed' }],
  ],
];

describe('parseCitations: lists, ranges and context', () => {
  it.each(multi)('%s', (text, expected) => {
    check(text, parseCitations(text, statutes), expected);
  });

  it('takes the statute of the closest preceding citation', () => {
    const text =
      'Article 5 of the Labour Law sets the rule, Article 72 of the Social Insurance Law the penalty, ' +
      'and Article 23(2) the exception.';
    const [, , last] = parseCitations(text, statutes);
    expect(last).toMatchObject({
      raw: 'Article 23(2)',
      statuteSlug: SIL,
      statuteText: null,
      article: 23,
      paragraph: 2,
    });
    expect(errorText(last!)).toBeNull();
  });

  it('keeps the "Article 7 and 12" reading only when a statute follows', () => {
    const cites = parseCitations('Article 14 of the Labour Law applies for 7 and 12 months', statutes);
    expect(cites.map((c) => c.article)).toEqual([14]);
    expect(parseCitations('see Article 10 and 12 months later', statutes).map((c) => c.raw)).toEqual(['Article 10']);
  });

  it('resolves 本法 and "this Law" only when the enclosing statute is supplied', () => {
    const text = '劳动者有本法第三十九条和第四十条第一项规定的情形';
    expect(parseCitations(text, statutes, { selfSlug: LCL }).map((c) => [c.raw, c.statuteSlug, errorText(c)])).toEqual([
      ['本法第三十九条', LCL, null],
      ['第四十条第一项', LCL, null],
    ]);
    const [withSelf] = parseCitations('Article 39 of this Law', statutes, { selfSlug: LCL });
    expect(withSelf).toMatchObject({ statuteSlug: LCL });
    expect(errorText(withSelf!)).toBeNull();
    const [withoutSelf] = parseCitations('Article 39 of this Law', statutes);
    expect(withoutSelf).toMatchObject({ statuteSlug: null });
    expect(errorText(withoutSelf!)).toContain('enclosing');
  });

  it('reports problems as message keys, the statute first', () => {
    expect(parseCitations('Article 0 of the Imaginary Law', statutes)[0]?.problems).toEqual([
      { key: 'citation.unknownStatute', params: { name: 'Imaginary Law' } },
      { key: 'citation.numberTooSmall.article' },
    ]);
    expect(parseCitations('Articles 38–36 of the Labour Law', statutes)[0]?.problems).toEqual([
      { key: 'citation.rangeReversed', params: { from: 38, to: 36 } },
    ]);
    expect(parseCitations('Article 72 of the Social Insurance Law', statutes)[0]?.problems).toEqual([]);
  });

  it("has its problems written in the reader's language", () => {
    const [c] = parseCitations('Article 0 of the Imaginary Law; Articles 38–36 of the Labour Law', statutes);
    const zh = createI18n('zh');
    expect(c!.problems.map((p) => zh.text(p))).toEqual(['未知法规“Imaginary Law”', '条号不能小于 1']);
    const [reversed] = parseCitations('《劳动法》第三十八条至第三十六条', statutes);
    expect(reversed!.problems.map((p) => zh.text(p))).toEqual(['条文范围第 38 条至第 36 条的起止顺序颠倒了']);
    expect(reversed!.problems.map((p) => english.text(p))).toEqual(['Article range 38–36 is reversed']);
  });

  it('prefers the longest statute name', () => {
    const [c] = parseCitations('《劳动合同法实施条例》第五条', statutes);
    expect(c?.statuteSlug).toBe(LCL_REGS);
    expect(parseCitations('劳动合同法实施条例第五条', statutes)[0]?.statuteSlug).toBe(LCL_REGS);
  });

  it('does not read 第 phrases that are not articles as citations', () => {
    expect(parseCitations('第十三届全国人民代表大会常务委员会第七次会议通过，第一章 总则', statutes)).toEqual([]);
    expect(parseCitations('The state of the art 5G network; Arts and crafts', statutes)).toEqual([]);
  });
});

describe('parseCitations: robustness', () => {
  it.each([
    ['empty', ''],
    ['emoji', '🙂第七十二条🙂 Article 72 of the 🙂 Law'],
    ['lone surrogates and dotted I', '\uD800第一条\uDC00 İİİ Article 5 of the Labour Law'],
    ['unclosed title', `${'《'.repeat(2000)}第一条`],
    ['long numerals', `第${'十'.repeat(5000)}条 Article ${'9'.repeat(5000)}`],
  ])('never throws on %s', (_name, text) => {
    const cites = parseCitations(text, statutes);
    for (const c of cites) expect(text.slice(c.span[0], c.span[1])).toBe(c.raw);
  });

  it('handles 10 KB of junk quickly', () => {
    const pieces = [
      '第',
      '条',
      '款',
      '十',
      '七',
      '《',
      '》',
      '、',
      '和',
      'Article',
      'Articles ',
      ' ',
      '(',
      ')',
      '1',
      '2',
      ',',
      ' and ',
      'of the ',
      'Labour ',
      'Law',
      '社会保险法',
      '劳动合同法',
      'paragraph ',
      'item ',
      '🙂',
      '至',
      '-',
    ];
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let text = '';
    while (text.length < 10_000) text += pieces[Math.floor(rand() * pieces.length)];
    const t0 = performance.now();
    const cites = parseCitations(text, statutes);
    expect(performance.now() - t0).toBeLessThan(1000);
    for (const c of cites) expect(text.slice(c.span[0], c.span[1])).toBe(c.raw);
  });

  it('scales linearly on pathological repetition', () => {
    for (const text of [
      '第'.repeat(20_000),
      'Article '.repeat(5_000),
      'Articles 1 and '.repeat(2_000),
      `${' '.repeat(20_000)}第一条`,
    ]) {
      const t0 = performance.now();
      parseCitations(text, statutes);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('statuteNamesFromCatalogue', () => {
  const names = (slug: string) => statutes.find((s) => s.slug === slug)!.names;

  it('derives Chinese short titles and English variants', () => {
    expect(names(SIL)).toEqual(
      expect.arrayContaining([
        '中华人民共和国社会保险法',
        '社会保险法',
        '社保法',
        'Social Insurance Law',
        "Social Insurance Law of the People's Republic of China",
        "Social Insurance Law of People's Republic of China (PRC)",
        'PRC Social Insurance Law',
      ]),
    );
    expect(names(LL)).toEqual(expect.arrayContaining(['Labour Law', 'Labor Law', 'Labor Law of the PRC']));
    expect(names(LDMA)).toEqual(expect.arrayContaining(['Law of the PRC on Labor Dispute Mediation and Arbitration']));
  });
});

describe('chineseNumeralToInt', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['七十二', 72],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['一百二十三', 123],
    ['两百', 200],
    ['九百九十九', 999],
    ['一千', 1000],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['一千二百三十四', 1234],
    ['零', 0],
  ])('%s → %i', (s, n) => {
    expect(chineseNumeralToInt(s)).toBe(n);
  });

  it.each([
    '',
    '七七十',
    '十十',
    '百',
    '一百五',
    '一百零',
    '零五',
    '二十零',
    '一千一十',
    '一百零十',
    '两十',
    'abc',
    '7十',
    '一万',
  ])('rejects %j', (s) => {
    expect(chineseNumeralToInt(s)).toBeNull();
  });
});
