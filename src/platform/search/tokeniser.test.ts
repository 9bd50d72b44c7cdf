import { describe, expect, it } from 'vitest';
import { readUserDictionary } from './analysis';
import {
  MAX_QUERY_TERMS,
  normalise,
  type QueryTerm,
  tokeniseForIndex,
  tokeniseForIndexFields,
  tokeniseQuery,
  tokeniseSubmittedQuery,
} from './tokeniser';

const SAFE = /^(?:[a-z0-9]+|(?:(?=\p{L})\p{Script=Han})+)$/u;
const isSingleHan = (t: string) => /^\p{Script=Han}$/u.test(t);
const allTokens = (terms: QueryTerm[]) => terms.flatMap((t) => t.alternatives.flatMap((a) => a.tokens));
const texts = (terms: QueryTerm[]) => terms.map((t) => t.text);

/** Small deterministic PRNG so the fuzz cases are the same on every run. */
function rng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('normalise', () => {
  it('folds full-width forms and case (NFKC)', () => {
    expect(normalise('ＡＢＣ１２３')).toBe('abc123');
    expect(tokeniseForIndex('ＡＢＣ１２３')).toEqual(['abc123']);
  });
  it('folds traditional to simplified', () => {
    expect(normalise('社會保險 醫療保險 勞動仲裁 繳費基數')).toBe('社会保险 医疗保险 劳动仲裁 缴费基数');
    expect(tokeniseForIndexFields('異地醫保').words).toEqual(tokeniseForIndexFields('异地医保').words);
  });
  it('leaves simplified text alone (no 么 -> 幺 from variant tables)', () => {
    expect(normalise('社保卡丢了怎么补办')).toBe('社保卡丢了怎么补办');
  });
  it('turns punctuation and symbols into single spaces and strips accents', () => {
    expect(normalise('  Hello,   World!! "café"—社保？ ')).toBe('hello world cafe 社保');
  });
});

describe('tokeniseForIndex', () => {
  it('segments 社保卡丢了怎么补办 into domain words plus bigrams', () => {
    const { words, bigrams } = tokeniseForIndexFields('社保卡丢了怎么补办');
    expect(words).toEqual(['社保卡', '补办']);
    expect(bigrams).toEqual(['社保', '保卡', '卡丢', '丢了', '了怎', '怎么', '么补', '补办']);
    expect(tokeniseForIndex('社保卡丢了怎么补办')).toEqual([...words, ...bigrams]);
  });
  it('keeps 公积金 whole and never emits single characters', () => {
    const tokens = tokeniseForIndex('公积金 离职 提取');
    expect(tokens).toContain('公积金');
    expect(tokens.filter(isSingleHan)).toEqual([]);
    expect(tokeniseForIndex('卡')).toEqual([]);
  });
  it('segments every dictionary term whole', () => {
    for (const term of readUserDictionary().terms) {
      expect(tokeniseForIndexFields(term).words, term).toEqual([term]);
    }
  });
  it('keeps dictionary terms whole inside sentences', () => {
    const cases: [string, string[]][] = [
      ['灵活就业人员怎么缴纳养老保险', ['灵活就业人员', '养老保险']],
      ['社会保障卡挂失后多久能补办', ['社会保障卡', '挂失', '补办']],
      ['失业保险金每月领取多少', ['失业保险金']],
      ['跨省转移接续需要什么材料', ['跨省', '转移接续']],
      ['工伤认定申请时限是多久', ['工伤认定']],
      ['缴费基数按社平工资计算', ['缴费基数', '社平工资']],
      ['打12333咨询五险一金', ['12333', '五险一金']],
    ];
    for (const [text, expected] of cases) {
      expect(tokeniseForIndexFields(text).words, text).toEqual(expect.arrayContaining(expected));
    }
  });
  it('case-folds, drops stop words, stems, keeps numbers', () => {
    expect(tokeniseForIndex('Lost')).toEqual(tokeniseForIndex('losing'));
    expect(tokeniseForIndex('Where do I get my pensions paid?')).toEqual(['pension', 'pai']);
    expect(tokeniseForIndex('Call 12333 within 15 days')).toEqual(['call', '12333', 'within', '15', 'dai']);
  });
  it('splits mixed Han/latin text into separate, pure tokens', () => {
    expect(tokeniseForIndexFields('拨打12333热线').words).toEqual(['拨打', '12333', '热线']);
  });
});

const HOSTILE = [
  '',
  '   ',
  '😀😀🎉',
  '"',
  '"社保',
  '*',
  'NEAR(社保 医保, 5)',
  'a OR b',
  'NOT -医保',
  'title:社保',
  '^社保',
  "'; DROP TABLE qa; --",
  '1=1 OR "" = ""',
  "SELECT * FROM t WHERE x LIKE '%a%'",
  '社保卡 AND 补办',
  '\u0000\u0001\u202e\ufeff',
  '\ud800 lone surrogate \udc00',
  '⿰氵每 ⺈ 〇 々',
  'ｓｅｌｅｃｔ　＊　ｆｒｏｍ',
  '社\u0301保',
];

describe('hostile input', () => {
  it('yields only safe tokens, for index and query', () => {
    for (const input of HOSTILE) {
      for (const t of tokeniseForIndex(input)) expect(t, JSON.stringify(input)).toMatch(SAFE);
      for (const t of allTokens(tokeniseQuery(input))) expect(t, JSON.stringify(input)).toMatch(SAFE);
    }
  });
  it('returns nothing for inputs without words', () => {
    for (const input of ['', '   ', '😀😀🎉', '"', '*', '-:', '()', '？！。', 'the of and']) {
      expect(tokeniseForIndex(input), input).toEqual([]);
      expect(tokeniseQuery(input), input).toEqual([]);
    }
    // Only stop words: the index still holds the run's bigrams (every Han run gets them), the query has no terms.
    expect(tokeniseForIndexFields('的了吗')).toEqual({ words: [], bigrams: ['的了', '了吗'], groups: [] });
    expect(tokeniseQuery('怎么办呢')).toEqual([]);
  });
  it('does not throw on non-strings passed from untyped callers', () => {
    expect(tokeniseQuery(undefined as unknown as string)).toEqual([]);
    expect(tokeniseForIndex(null as unknown as string)).toEqual([]);
    expect(normalise(42 as unknown as string)).toBe('');
  });
  it('survives long and random input', () => {
    const long = '社保卡丢了怎么补办 lost my card! 😀 '.repeat(400); // ~10 KB
    expect(tokeniseForIndex(long).length).toBeGreaterThan(1000);
    const q = tokeniseQuery(long);
    expect(q.length).toBeGreaterThan(0);
    expect(q.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    expect(tokeniseQuery('x'.repeat(10_000))).toEqual([]); // over-long junk token dropped
    const next = rng(42);
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(next() * 60);
      for (let i = 0; i < len; i++) s += String.fromCharCode(Math.floor(next() * 0xffff));
      for (const t of tokeniseForIndex(s)) expect(t).toMatch(SAFE);
      for (const t of allTokens(tokeniseQuery(s))) expect(t).toMatch(SAFE);
    }
  });
});

describe('tokeniseQuery', () => {
  it('drops question words and keeps the meaning-bearing terms', () => {
    expect(texts(tokeniseQuery('社保卡丢了怎么办'))).toEqual(['社保卡', '丢了']);
    expect(texts(tokeniseQuery('医保断缴有什么影响'))).toEqual(['医保', '断缴', '影响']);
    expect(texts(tokeniseQuery('公积金 离职 提取'))).toEqual(['公积金', '离职', '提取']);
  });
  it('puts the user wording first and adds bigram fallbacks for long Han words', () => {
    const card = tokeniseQuery('社保卡 ')[0]!;
    expect(card.alternatives[0]).toEqual({ tokens: ['社保卡'], source: 'original', bigram: false, weight: 1 });
    expect(card.alternatives).toContainEqual({
      tokens: ['社保', '保卡'],
      source: 'original',
      bigram: true,
      weight: 0.6,
    });
  });
  it('searches a two-character word as a word and as a bigram, unless it ends in a particle', () => {
    // 额度 may sit inside a longer word of a document (贷款额度), where only its bigram is indexed.
    expect(tokeniseQuery('额度 ')[0]!.alternatives.map((a) => [a.tokens.join(' '), a.bigram])).toEqual([
      ['额度', false],
      ['额度', true],
    ]);
    // 交了 as a bigram would match 了 after 交 anywhere.
    expect(tokeniseQuery('交了 ')[0]!.alternatives.map((a) => [a.tokens.join(' '), a.bigram])).toEqual([
      ['交了', false],
    ]);
    // A stop character at the start is no particle: 就业 (再就业, 就业创业证) keeps its bigram.
    expect(
      tokeniseQuery('就业 ')[0]!
        .alternatives.filter((a) => a.source === 'original')
        .map((a) => a.bigram),
    ).toEqual([false, true]);
  });
  it('matches English phrases across languages', () => {
    const terms = tokeniseQuery('lost my social insurance card where do i get a new one');
    expect(texts(terms)).toEqual(['lost', 'social insurance card', 'new one']);
    expect(allTokens([terms[1]!])).toContain('社保卡');
    expect(allTokens([terms[2]!])).toContain('补办');
    const move = tokeniseQuery('move my pension to another city');
    expect(texts(move)).toEqual(['move', 'pension', 'another city']);
    expect(allTokens([move[2]!])).toContain('异地');
  });
  it('flags as-you-type prefixes only when the query ends inside a word', () => {
    expect(tokeniseQuery('lost my pensi').at(-1)).toMatchObject({ text: 'pensi', prefix: true });
    expect(tokeniseQuery('lost my pension ').at(-1)?.prefix).toBe(false);
    const typing = tokeniseQuery('社保卡补');
    expect(typing.at(-1)).toMatchObject({ text: '补', prefix: true });
    expect(typing.at(-1)?.alternatives[0]?.tokens).toEqual(['补']);
    expect(texts(tokeniseQuery('社保卡吗'))).toEqual(['社保卡']); // a trailing stop character is not a prefix
  });
  it('completes a submitted query: no prefixes, and no lone character left over after other words', () => {
    expect(tokeniseSubmittedQuery('lost my pensi').at(-1)).toMatchObject({ text: 'pensi', prefix: false });
    expect(texts(tokeniseSubmittedQuery('医保等待期'))).toEqual(['医保', '等待']);
    // A trailing digit is a whole number, not a fragment.
    expect(tokeniseSubmittedQuery('article 5').at(-1)).toMatchObject({ text: '5', prefix: false });
    // A one-character query is all there is: kept, and only a prefix can match it.
    expect(tokeniseSubmittedQuery('丢')).toMatchObject([{ text: '丢', prefix: true }]);
  });
  it('can run without synonyms', () => {
    const term = tokeniseQuery('社保卡 ', { synonyms: false })[0]!;
    expect(term.alternatives.every((a) => a.source === 'original')).toBe(true);
  });
  it('marks domain terms', () => {
    const terms = tokeniseQuery('公积金 影响 ');
    expect(terms.map((t) => t.domain)).toEqual([true, false]);
  });
});
