import { describe, expect, it } from 'vitest';
import { ftsTerm, searchableTerm, tsTerm } from './query-plan';
import { TEST_KIND } from './testing';
import { tokeniseQuery, tokeniseSubmittedQuery } from './tokeniser';

const columns = TEST_KIND.columnSets;

const quota = tokeniseSubmittedQuery('额度').map(searchableTerm)[0]!;
const card = tokeniseSubmittedQuery('社保卡').map(searchableTerm)[0]!;

describe('query expressions', () => {
  it('searches a word that is also a bigram once, in every column', () => {
    expect(ftsTerm(quota, columns)).toBe('("额度")');
    expect(ftsTerm(quota, columns, true)).toBe('({title title_bg} : "额度")');
    expect(tsTerm(quota)).toBe("('额度':ABCD)");
    expect(tsTerm(quota, true)).toBe("('额度':AB)");
  });

  it('keeps words in the word columns and bigram phrases in the bigram columns', () => {
    expect(ftsTerm(card, columns)).toBe(
      '({title body legal} : "社保卡" OR {title_bg body_bg legal} : "社保 保卡" OR {title body legal} : "xsgsocialsecuritycard")',
    );
    expect(tsTerm(card)).toBe("('社保卡':AC | ('社保':BD <-> '保卡':BD) | 'xsgsocialsecuritycard':AC)");
  });

  it('keeps the as-you-type prefix of a two-character word apart from its bigram', () => {
    const typing = tokeniseQuery('额度').map(searchableTerm)[0]!;
    expect(typing.prefix).toBe(true);
    expect(ftsTerm(typing, columns)).toBe(
      '({title body legal} : "额度"* OR {title_bg body_bg legal} : "额度" OR {title_bg body_bg legal} : "额度"*)',
    );
  });
});
