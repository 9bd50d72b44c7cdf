import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatuteService } from '../../statutes';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { resolveLegalBases } from './citations';

describe.each(testEngines)('legal bases of imported answers on $name', (engine) => {
  let t: TestApp;
  let statutes: StatuteService;
  beforeAll(async () => {
    t = await openTestApp(engine);
    statutes = t.modules.statutes.service;
  });
  afterAll(async () => t?.close());

  /** Article ids → "slug#number", to read the results. */
  const labels = async (ids: number[]) => {
    if (ids.length === 0) return [];
    const rows = await t.db
      .selectFrom('articles as a')
      .innerJoin('statute_versions as v', 'v.id', 'a.statute_version_id')
      .innerJoin('statutes as s', 's.id', 'v.statute_id')
      .select(['a.id', 's.slug', 'a.number'])
      .where('a.id', 'in', ids)
      .execute();
    return ids.map((id) => rows.find((r) => r.id === id)).map((r) => `${r!.slug}#${r!.number}`);
  };
  const resolve = async (sections: string[]) =>
    Promise.all(
      (await resolveLegalBases(statutes, sections)).map(async (b) => ({
        resolved: await labels(b.resolved.map((c) => c.article_id)),
        unresolved: b.unresolved,
      })),
    );

  it('takes the cited articles and leaves out references inside the quoted article text', async () => {
    const [basis] = await resolve([
      '《中华人民共和国社会保险法》第七十二条 统筹地区设立社会保险经办机构。依照本法第五条规定执行。\n第七十三条 社会保险经办机构应当建立健全业务、财务、安全和风险管理制度。',
    ]);
    // 第七十三条 starts a line: a citation of the statute named before it, although 本法 came in between.
    expect(basis).toEqual({ resolved: ['social-insurance-law#72', 'social-insurance-law#73'], unresolved: [] });
  });

  it('reads lists, English citations and the quoted text after them', async () => {
    expect(
      await resolve([
        '《工伤保险条例》第十四条、第十五条',
        "Article 72 of the Social Insurance Law of People's Republic of China (PRC) establishes agencies, as Article 5 of this Law says.",
      ]),
    ).toEqual([
      {
        resolved: ['work-related-injury-insurance-regulations#14', 'work-related-injury-insurance-regulations#15'],
        unresolved: [],
      },
      { resolved: ['social-insurance-law#72'], unresolved: [] },
    ]);
  });

  it('keeps what does not resolve as text, and a legal basis without any citation whole', async () => {
    expect(
      await resolve([
        '《深圳市社会养老保险条例》第十条 参保人可以……\n《社会保险法》第十条',
        '见相关法律规定。',
        '第五条 没有说是哪部法',
      ]),
    ).toEqual([
      { resolved: ['social-insurance-law#10'], unresolved: ['《深圳市社会养老保险条例》第十条 参保人可以……'] },
      { resolved: [], unresolved: ['见相关法律规定。'] },
      { resolved: [], unresolved: ['第五条 没有说是哪部法'] },
    ]);
  });

  it('never lets a bare article borrow the statute of the previous answer', async () => {
    expect(await resolve(['《工伤保险条例》第十四条', '第十五条 职工有下列情形之一的'])).toEqual([
      { resolved: ['work-related-injury-insurance-regulations#14'], unresolved: [] },
      { resolved: [], unresolved: ['第十五条 职工有下列情形之一的'] },
    ]);
  });

  it('resolves many answers with few calls and gives each its own citations', async () => {
    const sections = Array.from({ length: 101 }, (_, i) => `《社会保险法》第${(i % 90) + 1}条 条文`);
    const calls: string[] = [];
    const counting: StatuteService = {
      ...statutes,
      resolveCitations: (text: string) => {
        calls.push(text);
        return statutes.resolveCitations(text);
      },
    };
    const found = await resolveLegalBases(counting, sections);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(await labels(found.map((b) => b.resolved[0]!.article_id))).toEqual(
      sections.map((_, i) => `social-insurance-law#${(i % 90) + 1}`),
    );
    expect(
      (await resolveLegalBases(statutes, ['', '  '])).every(
        (b) => b.resolved.length === 0 && b.unresolved.length === 0,
      ),
    ).toBe(true);
  });
});
