import { describe, expect, it } from 'vitest';
import {
  buildSynonymTable,
  expandSynonyms,
  findSynonymMatches,
  getSynonymTable,
  matchKey,
  parseSynonymFile,
} from './synonyms';
import { tokeniseForIndex, tokeniseForIndexFields, tokeniseQuery } from './tokeniser';

const hasTokens = (forms: { tokens: string[] }[], tokens: string[]) =>
  forms.some((f) => f.tokens.join(' ') === tokens.join(' '));

describe('synonym data', () => {
  const table = getSynonymTable();

  it('loads every group, each with at least two index forms', () => {
    expect(table.groups.length).toBeGreaterThanOrEqual(60);
    table.groups.forEach((g, i) => {
      expect(table.forms[i]!.length, g.id).toBeGreaterThanOrEqual(2);
      for (const term of g.terms) expect(matchKey(term), `${g.id}: ${term}`).not.toBe('');
    });
  });

  it('has unique group ids and mostly bilingual groups', () => {
    const ids = table.groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bilingual = table.groups.filter(
      (g) => g.terms.some((t) => /\p{Script=Han}/u.test(t)) && g.terms.some((t) => /[a-z]/i.test(t)),
    );
    expect(bilingual.length).toBeGreaterThanOrEqual(60);
  });
});

describe('expandSynonyms', () => {
  it('expands 社保卡 to the tokens of "social security card"', () => {
    const forms = expandSynonyms('社保卡');
    expect(hasTokens(forms, tokeniseForIndex('social security card'))).toBe(true);
    expect(hasTokens(forms, ['社会保障卡'])).toBe(true);
  });

  it('expands lost (and Lost/losing) to 丢失', () => {
    for (const word of ['lost', 'Lost', 'losing']) expect(hasTokens(expandSynonyms(word), ['丢失']), word).toBe(true);
  });

  it('expands Chinese to English and traditional input too', () => {
    expect(hasTokens(expandSynonyms('公积金'), ['hous', 'fund'])).toBe(true);
    expect(hasTokens(expandSynonyms('醫保'), ['medic', 'insur'])).toBe(true);
    expect(hasTokens(expandSynonyms('失业金'), ['失业保险金'])).toBe(true);
  });

  it('returns [] for words outside every group', () => {
    expect(expandSynonyms('banana')).toEqual([]);
    expect(expandSynonyms('')).toEqual([]);
  });

  it('indexes one group token per synonym, never the other terms of its group', () => {
    expect(tokeniseForIndex('社保卡')).not.toContain('social');
    expect(tokeniseForIndex('lost card')).not.toContain('丢失');
    // Both languages' terms of a group carry the same group token, and a query term names it.
    const zh = tokeniseForIndexFields('社保卡丢了').groups;
    const en = tokeniseForIndexFields('lost my social security card').groups;
    expect(zh.length).toBeGreaterThan(0);
    expect(new Set(zh)).toEqual(new Set(en));
    expect(tokeniseQuery('social security card')[0]!.groups).toEqual(expect.arrayContaining([zh[0]]));
    for (const token of zh) expect(token).toMatch(/^xsg[a-z0-9]+$/);
  });
});

describe('phrase matching', () => {
  it('prefers the longest phrase', () => {
    const table = getSynonymTable();
    const keys = ['lose', 'social', 'insur', 'card'];
    const matches = findSynonymMatches(keys, table);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [0, 1],
      [1, 4],
    ]);
    expect(table.groups[matches[1]!.groups[0]!]!.id).toBe('social-security-card');
  });

  it('matches phrases with stop words in between ("injured at work")', () => {
    const term = tokeniseQuery('injured at work ')[0]!;
    expect(term.text).toBe('injured work');
    expect(term.alternatives.some((a) => a.tokens.join('') === '工伤')).toBe(true);
  });

  it('unions groups that share a term', () => {
    const table = buildSynonymTable([
      { id: 'a', terms: ['card', '卡片'] },
      { id: 'b', terms: ['card', 'pass'] },
    ]);
    expect(table.byKey.get('card')).toEqual([0, 1]);
    expect(hasTokens(expandSynonyms('card', table), ['pass'])).toBe(true);
    expect(hasTokens(expandSynonyms('card', table), ['卡片'])).toBe(true);
  });
});

describe('parseSynonymFile', () => {
  it('rejects malformed data with the group named', () => {
    expect(() => parseSynonymFile({})).toThrow(/groups/);
    expect(() => parseSynonymFile({ groups: [{ id: 'x', terms: ['only'] }] })).toThrow(/"x"/);
    expect(() => parseSynonymFile({ groups: [{ terms: ['a', 'b'] }] })).toThrow(/no id/);
    expect(() => buildSynonymTable([{ id: 'y', terms: ['😀', 'a b'] }])).toThrow(/no tokens/);
  });
});
