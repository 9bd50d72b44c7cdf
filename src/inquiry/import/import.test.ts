import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Modules } from '../../modules';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type ImportSummary, summaryTable } from './summary';

const FIXTURE = fileURLToPath(new URL('./fixtures/collection.jsonl', import.meta.url));
const NOW = new Date('2026-11-25T12:00:00.000Z');
const now = () => NOW;

// Ten distinct questions for the resume test, one answer form each.
const RESUME_QUESTIONS = [
  '工伤认定申请需要准备哪些材料',
  'How long does a work injury appeal take?',
  '灵活就业人员怎样参加医疗保险',
  'Can I withdraw my housing fund when I leave China?',
  '企业年金和职业年金有什么区别',
  'What happens to my pension if my employer goes bankrupt?',
  '失业期间医保由谁来交',
  'Is maternity allowance taxable income?',
  '退休后还能继续交社保吗',
  'Who pays social insurance for a part-time job?',
];

describe.each(testEngines)('importing a Q&A collection on $name', (engine) => {
  let t: TestApp;
  let services: Modules;
  let summary: ImportSummary;
  let before: unknown;
  const dir = mkdtempSync(join(tmpdir(), 'jobsite-import-'));
  const db = () => t.db;

  /** Everything stored before the import, to prove it is untouched. */
  const storedContent = async () => ({
    questions: await db()
      .selectFrom('questions')
      .select(['id', 'title', 'topic_id', 'region_code', 'origin', 'updated_at'])
      .orderBy('id')
      .execute(),
    answers: await db()
      .selectFrom('answers')
      .select(['id', 'question_id', 'analysis_md', 'review_flag'])
      .orderBy('id')
      .execute(),
    steps: await db().selectFrom('answer_steps').select(['answer_id', 'position', 'action']).orderBy('id').execute(),
    citations: await db().selectFrom('answer_citations').select(['answer_id', 'article_id']).orderBy('id').execute(),
    aliases: await db().selectFrom('question_aliases').select(['question_id', 'text']).orderBy('id').execute(),
  });

  /** One imported Q&A as stored, found by its title. */
  const qa = async (title: string) => {
    const q = await db()
      .selectFrom('questions as q')
      .innerJoin('topics as t', 't.id', 'q.topic_id')
      .select([
        'q.id',
        'q.locale',
        'q.region_code',
        'q.origin',
        'q.status',
        'q.import_source',
        'q.normalised_title',
        't.slug as topic',
      ])
      .where('q.title', '=', title)
      .executeTakeFirstOrThrow();
    const a = await db().selectFrom('answers').selectAll().where('question_id', '=', q.id).executeTakeFirstOrThrow();
    const steps = await db()
      .selectFrom('answer_steps')
      .select(['action', 'channel'])
      .where('answer_id', '=', a.id)
      .orderBy('position')
      .execute();
    const citations = await db()
      .selectFrom('answer_citations as c')
      .innerJoin('articles as ar', 'ar.id', 'c.article_id')
      .innerJoin('statute_versions as v', 'v.id', 'ar.statute_version_id')
      .innerJoin('statutes as s', 's.id', 'v.statute_id')
      .select(['s.slug', 'ar.number', 'c.citation_text'])
      .where('c.answer_id', '=', a.id)
      .orderBy('c.position')
      .execute();
    const unresolved = await db()
      .selectFrom('answer_unresolved_citations')
      .select('text')
      .where('answer_id', '=', a.id)
      .execute();
    const aliases = await db().selectFrom('question_aliases').select('text').where('question_id', '=', q.id).execute();
    return {
      q,
      a,
      steps,
      citations: citations.map((c) => `${c.slug}#${c.number}`),
      unresolved: unresolved.map((u) => u.text),
      aliases: aliases.map((x) => x.text),
    };
  };
  const countRows = async (table: 'questions' | 'answers' | 'question_aliases' | 'answer_citations') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await openTestApp(engine);
    services = t.modules;
    before = await storedContent();
    summary = await services.inquiry.imports.importFile(FIXTURE, { source: 'fixture-site', now });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts every line once and names the skipped ones with their line numbers', () => {
    expect(summary).toMatchObject({
      source: 'fixture-site',
      lines: 25,
      read: 24, // line 15 is blank
      imported: 13,
      aliases: 2,
      duplicates: 1,
      skipped: {
        total: 8,
        byReason: {
          'bad-json': { count: 2, lines: [8, 21] },
          'missing-field': { count: 1, lines: [9] },
          'too-long': { count: 1, lines: [10] },
          'invalid-utf8': { count: 1, lines: [11] },
          binary: { count: 1, lines: [12] },
          'no-analysis': { count: 1, lines: [17] },
          'too-short': { count: 1, lines: [18] },
        },
      },
      citations: { resolved: 12, unresolved: 1, answersWithUnresolved: 1 },
      topicFallback: 1,
      regionDetected: 6,
      resumedAfterLine: 0,
      alreadyFinished: false,
    });
    expect(summary.read).toBe(summary.imported + summary.aliases + summary.duplicates + summary.skipped.total);
    expect(summaryTable(summary)).toMatch(/\| {3}bad-json +\| 2 \(line 8, 21\)/);
  });

  it('splits a Chinese answer into analysis, numbered steps and the cited article, leaving out the quoted article text', async () => {
    const { a, steps, citations } = await qa('深圳社保卡丢了去哪里补办？');
    expect(a.analysis_md).toBe('社保卡丢失后应当先挂失再补办。补办流程：');
    expect(a.analysis_html).toBe('<p>社保卡丢失后应当先挂失再补办。补办流程：</p>\n');
    expect(steps).toEqual([
      { action: '携带身份证到社保卡服务网点办理挂失', channel: 'service-outlet' },
      { action: '填写补卡申请表，工作人员受理后出具领卡凭证', channel: 'other' },
      { action: '约15个工作日后凭身份证和领卡凭证到网点领取新卡。', channel: 'service-outlet' },
    ]);
    expect(citations).toEqual(['social-insurance-law#72']);
    expect(a.analysis_md + (a.background_md ?? '')).not.toContain('统筹地区');
  });

  it('splits every step style and resolves the citations of each form', async () => {
    const cases: [string, number, string[]][] = [
      [
        'How do I get reimbursed for hospital bills under medical insurance in Guangdong?',
        3,
        ['social-insurance-law#28'],
      ],
      ['請問工傷認定需要多長時間呢？', 3, ['work-related-injury-insurance-regulations#20']],
      ['失业金怎么申请？', 3, ['unemployment-insurance-regulations#14', 'unemployment-insurance-regulations#16']],
      ['在杭州怎么提取住房公积金', 2, ['housing-provident-fund-regulations#24']],
      ['What is the retirement age for women in Shanghai?', 2, ['social-insurance-law#16']],
      ['Unemployment benefits in Wuhan: how long can I receive them?', 2, ['unemployment-insurance-regulations#17']],
      ['生育津贴怎么领取', 2, ['social-insurance-law#56']],
    ];
    for (const [title, stepCount, cited] of cases) {
      const { steps, citations } = await qa(title);
      expect(steps, title).toHaveLength(stepCount);
      expect(citations, title).toEqual(cited);
    }
  });

  it('keeps only the text of HTML answers, never markup', async () => {
    const { a, steps } = await qa('在杭州怎么提取住房公积金');
    expect(a.analysis_md).toBe('提取住房公积金的流程如下：');
    expect(steps.map((s) => s.action)).toEqual(['准备材料 身份证和提取证明', '到公积金中心窗口申请&等待审核']);
    const html = await db()
      .selectFrom('answers')
      .select('analysis_html')
      .where('review_flag', '=', 'imported-unreviewed')
      .execute();
    for (const row of html) expect(row.analysis_html).not.toMatch(/<(?!\/?p>)/);
    const english = await qa('What is the retirement age for women in Shanghai?');
    expect(english.steps.map((s) => s.action)).toEqual([
      'Check your birth year against the table of the gradual increase.',
      'Apply at your employer two months before.',
    ]);
  });

  it('keeps a citation that does not resolve as text, with what followed it', async () => {
    const { citations, unresolved } = await qa('北京灵活就业人员社保缴费基数是多少');
    expect(citations).toEqual(['social-insurance-law#10']);
    expect(unresolved).toEqual(['《北京市基本养老保险规定》第十条 缴费基数按上年度平均工资确定。']);
  });

  it('files topics by keyword and regions by the places a question names', async () => {
    const expected: [string, string, string][] = [
      ['深圳社保卡丢了去哪里补办？', 'social-security-card', 'CN-GD-SZ'],
      [
        'How do I get reimbursed for hospital bills under medical insurance in Guangdong?',
        'medical-insurance',
        'CN-GD',
      ],
      ['請問工傷認定需要多長時間呢？', 'work-injury-insurance', 'CN'],
      ['在杭州怎么提取住房公积金', 'housing-provident-fund', 'CN-ZJ-HZ'],
      ['What is the retirement age for women in Shanghai?', 'retirement', 'CN-SH'],
      ['北京灵活就业人员社保缴费基数是多少', 'contributions', 'CN-BJ'],
      ['Unemployment benefits in Wuhan: how long can I receive them?', 'unemployment-insurance', 'CN-HB-WH'],
      ['社保从北京转到上海怎么办理转移手续', 'transfer-continuation', 'CN'],
      ['What documents should I keep after changing jobs?', 'contributions', 'CN'],
    ];
    for (const [title, topic, region] of expected) {
      const { q, a } = await qa(title);
      expect([q.topic, q.region_code, a.region_code], title).toEqual([topic, region, region]);
    }
  });

  it('publishes imported answers flagged for review, with their source', async () => {
    const { q, a } = await qa('失业金怎么申请？');
    expect(q).toMatchObject({
      origin: 'imported',
      status: 'answered',
      import_source: 'fixture-site',
      locale: 'zh',
      normalised_title: '失业金怎么申请',
    });
    expect(a).toMatchObject({
      status: 'published',
      review_flag: 'imported-unreviewed',
      flagged_at: NOW.toISOString(),
      author_label: 'fixture-site',
      verified_on: '2026-11-25',
      published_at: NOW.toISOString(),
    });
  });

  it('makes near duplicates aliases of the question they repeat, and finds that question by them', async () => {
    expect((await qa('失业金怎么申请？')).aliases).toEqual(['你好，请问失业金怎么申请呢？']);
    expect(
      (await qa('How do I get reimbursed for hospital bills under medical insurance in Guangdong?')).aliases,
    ).toEqual(['How do I get reimbursed for hospital bills under the medical insurance in Guangdong?']);
    const found = await services.inquiry.search.search({ q: '提取住房公积金', locale: 'zh', page: 1 });
    expect(found.results.map((r) => r.title)).toContain('在杭州怎么提取住房公积金');
    const byAlias = await services.inquiry.search.search({ q: 'reimbursed hospital bills', locale: 'en', page: 1 });
    expect(byAlias.results[0]?.title).toBe(
      'How do I get reimbursed for hospital bills under medical insurance in Guangdong?',
    );
  });

  it('leaves everything stored before as it was', async () => {
    const after = (await storedContent()) as Awaited<ReturnType<typeof storedContent>>;
    const earlier = before as Awaited<ReturnType<typeof storedContent>>;
    expect(after.questions.slice(0, earlier.questions.length)).toEqual(earlier.questions);
    expect(after.answers.slice(0, earlier.answers.length)).toEqual(earlier.answers);
    expect(after.steps.slice(0, earlier.steps.length)).toEqual(earlier.steps);
    expect(after.citations.slice(0, earlier.citations.length)).toEqual(earlier.citations);
    expect(after.aliases.slice(0, earlier.aliases.length)).toEqual(earlier.aliases);
  });

  it('does nothing when the same file comes again from the same source', async () => {
    const counts = await Promise.all([countRows('questions'), countRows('answers'), countRows('question_aliases')]);
    const again = await services.inquiry.imports.importFile(FIXTURE, { source: 'fixture-site', now });
    expect(again).toMatchObject({ alreadyFinished: true, imported: 13, read: 24 });
    expect(await Promise.all([countRows('questions'), countRows('answers'), countRows('question_aliases')])).toEqual(
      counts,
    );
  });

  it('adds nothing when the same collection comes from another source: every line is a duplicate', async () => {
    const counts = await Promise.all([
      countRows('questions'),
      countRows('answers'),
      countRows('question_aliases'),
      countRows('answer_citations'),
    ]);
    const again = await services.inquiry.imports.importFile(FIXTURE, { source: 'mirror-site', now });
    expect(again).toMatchObject({ read: 24, imported: 0, aliases: 0, duplicates: 16, skipped: { total: 8 } });
    expect(
      await Promise.all([
        countRows('questions'),
        countRows('answers'),
        countRows('question_aliases'),
        countRows('answer_citations'),
      ]),
    ).toEqual(counts);
  });

  it('resumes after a crash, storing every line exactly once and nothing of the failed batch', async () => {
    const file = join(dir, 'resume.jsonl');
    const answer = (q: string) =>
      /\p{Script=Han}/u.test(q)
        ? '法律分析：按照国家规定办理。\n法律依据：《社会保险法》第十条'
        : 'Legal analysis: It depends on the local rules.\nLegal basis: Article 10 of the Social Insurance Law';
    writeFileSync(
      file,
      `${RESUME_QUESTIONS.map((q) => JSON.stringify({ question: q, answer: answer(q) })).join('\n')}\n`,
    );
    const importedBefore = await countRows('questions');
    const crash = (batch: number) => {
      if (batch === 2) throw new Error('injected crash');
    };
    const options = { source: 'resume-test', region: 'CN-GD', batchSize: 3, now };
    await expect(services.inquiry.imports.importFile(file, { ...options, afterBatchWrites: crash })).rejects.toThrow(
      'injected crash',
    );
    const run = await db()
      .selectFrom('import_runs')
      .selectAll()
      .where('source', '=', 'resume-test')
      .executeTakeFirstOrThrow();
    expect([run.lines_done, run.finished]).toEqual([3, 0]);
    const stored = () =>
      db().selectFrom('questions').select('title').where('import_source', '=', 'resume-test').orderBy('id').execute();
    expect((await stored()).map((r) => r.title)).toEqual(RESUME_QUESTIONS.slice(0, 3));

    const resumed = await services.inquiry.imports.importFile(file, options);
    expect(resumed).toMatchObject({
      resumedAfterLine: 3,
      read: 10,
      imported: 10,
      duplicates: 0,
      citations: { resolved: 10 },
    });
    expect((await stored()).map((r) => r.title)).toEqual(RESUME_QUESTIONS);
    expect(await countRows('questions')).toBe(importedBefore + 10);
    // No place named: the --region default.
    expect((await qa('失业期间医保由谁来交')).q.region_code).toBe('CN-GD');
    expect(
      await db()
        .selectFrom('import_runs')
        .select(['lines_done', 'finished'])
        .where('source', '=', 'resume-test')
        .executeTakeFirstOrThrow(),
    ).toEqual({
      lines_done: 10,
      finished: 1,
    });
    expect(await services.inquiry.imports.importFile(file, options)).toMatchObject({
      alreadyFinished: true,
      imported: 10,
    });
  });

  it('stops when another import of the same file moved on meanwhile', async () => {
    const file = join(dir, 'concurrent.jsonl');
    writeFileSync(
      file,
      ['社保卡激活需要去银行吗', '医保卡可以给家人用吗', '公积金可以异地贷款吗']
        .map((q) => JSON.stringify({ question: q, answer: '法律分析：视当地规定。' }))
        .join('\n'),
    );
    // After the first batch commits, another process takes the run further.
    const otherProcess = async ({ linesDone }: { linesDone: number }) => {
      if (linesDone === 1)
        await db().updateTable('import_runs').set({ lines_done: 2 }).where('source', '=', 'concurrent').execute();
    };
    await expect(
      services.inquiry.imports.importFile(file, { source: 'concurrent', batchSize: 1, now, onProgress: otherProcess }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      (await db().selectFrom('questions').select('title').where('import_source', '=', 'concurrent').execute()).map(
        (r) => r.title,
      ),
    ).toEqual(['社保卡激活需要去银行吗']);
  });

  it('refuses an unknown default region before reading anything', async () => {
    await expect(services.inquiry.imports.importFile(FIXTURE, { source: 'x', region: 'CN-XX' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
