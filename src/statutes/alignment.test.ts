import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignArticles } from './alignment';
import { parseStatuteMarkdown } from './markdown-format';

const DIR = '../shared/data/statutes/versions';
const present = existsSync(`${DIR}/行政复议法(2017-09-01).md`);
if (!present) console.warn(`${DIR} is not here: the alignment test on the real law is skipped.`);

const read = (date: string) =>
  parseStatuteMarkdown(readFileSync(`${DIR}/行政复议法(${date}).md`, 'utf8'), `行政复议法(${date}).md`).articles.map(
    (a) => ({ id: a.number + (date.startsWith('2023') ? 10_000 : 0), number: a.number, text_zh: a.text }),
  );

describe('aligning two versions of a statute by text', () => {
  it('tells unchanged, moved, changed, split, merged, removed and new articles apart', () => {
    const before = [
      { id: 1, number: 1, text_zh: '为了保护劳动者的合法权益，制定本法。' },
      { id: 2, number: 2, text_zh: '用人单位应当依法缴纳社会保险费，职工个人应当缴纳基本养老保险费。' },
      { id: 3, number: 3, text_zh: '申请人应当自知道该行为之日起六十日内提出申请；因不可抗力耽误的，期限顺延。' },
      { id: 4, number: 4, text_zh: '经办机构应当为参保人员建立个人权益记录，并定期寄送个人权益记录。' },
      { id: 5, number: 5, text_zh: '经办机构应当提供查询服务。' },
      { id: 6, number: 6, text_zh: '本法自1999年10月1日起施行。' },
    ];
    const after = [
      { id: 11, number: 1, text_zh: '为了保护劳动者的合法权益，制定本法。' },
      { id: 12, number: 2, text_zh: '国家建立统一的社会保险公共服务平台。' },
      { id: 13, number: 3, text_zh: '用人单位应当依法缴纳社会保险费。' },
      { id: 14, number: 4, text_zh: '职工个人应当依法缴纳基本养老保险费。' },
      {
        id: 15,
        number: 5,
        text_zh: '申请人应当自知道或者应当知道该行为之日起六十日内提出申请；因不可抗力耽误的，期限顺延。',
      },
      { id: 16, number: 6, text_zh: '经办机构应当为参保人员建立个人权益记录，定期寄送个人权益记录，并提供查询服务。' },
    ];
    const pairs = alignArticles(before, after).map((m) => `${m.from?.number ?? '-'}>${m.to?.number ?? '-'} ${m.kind}`);
    expect(pairs).toEqual([
      '1>1 unchanged',
      '2>3 split',
      '2>4 split',
      '3>5 changed',
      '4>6 merged',
      '5>6 merged',
      '6>- removed',
      '->2 new',
    ]);
  });

  it.skipIf(!present)('follows the Administrative Reconsideration Law from 2017 to its renumbered 2023 text', () => {
    const mappings = alignArticles(read('2017-09-01'), read('2023-09-01'));
    const next = (n: number) =>
      mappings
        .filter((m) => m.from?.number === n)
        .map((m) => m.to?.number ?? null)
        .sort((a, b) => (a ?? 0) - (b ?? 0));
    // The 60-day time limit for applying: Article 9 then, Article 20 now.
    expect(next(9)).toEqual([20]);
    expect(mappings.find((m) => m.from?.number === 9)?.kind).toBe('changed');
    // Ten more pairs, checked by reading both texts: purpose; scope; reconsideration then lawsuit; the
    // normative documents reviewed with a decision; applicants; where a lawsuit comes first; execution not
    // suspended; review of the documents' legality; officials' misconduct; no fees; foreigners (same text).
    for (const [from, to] of [
      [1, 1],
      [2, 2],
      [5, 10],
      [7, 13],
      [10, 14],
      [19, 34],
      [21, 42],
      [27, 57],
      [35, 81],
      [39, 87],
    ] as const)
      expect(next(from), `2017 Article ${from}`).toEqual([to]);
    expect(mappings.find((m) => m.from?.number === 41)).toMatchObject({ kind: 'moved', to: { number: 89 } });
    // The deadline and the decision document, one article in 2017, are two in 2023.
    expect(next(31)).toEqual([62, 75]);
    expect(mappings.filter((m) => m.kind === 'new').length).toBeGreaterThan(40);
  });
});
