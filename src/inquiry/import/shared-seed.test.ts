/**
 * The shared data holds no Q&A collection, so the one line is built from the page that started the project
 * (../shared/seed/000_474bb0e056824b23.txt), whose answer is in the English "Legal analysis: … Legal basis: …"
 * form. Skipped, with a message, where the shared directory is not checked out.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { resolveLegalBases } from './citations';
import { parseRecord } from './record';
import { splitAnswer } from './split';

const SEED_PAGE = resolve('../shared/seed/000_474bb0e056824b23.txt');
const present = existsSync(SEED_PAGE);
if (!present) console.warn(`${SEED_PAGE} is not there: the test on the shared seed page is skipped.`);

/** One JSONL line: the page's question, and its answer from "Legal analysis:" to the end. */
function fixtureLine(): string {
  const page = readFileSync(SEED_PAGE, 'utf8');
  const question = page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)[1];
  const answer = page.slice(page.indexOf('Legal analysis:')).trim();
  return JSON.stringify({ question, answer });
}

describe.skipIf(!present).each(testEngines)('the shared seed page as an imported line on $name', (engine) => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'jobsite-seed-line-'));
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('splits into the analysis, three steps and a citation of Article 72 of the Social Insurance Law', async () => {
    const record = parseRecord(fixtureLine(), { question: 'question', answer: 'answer' });
    if (!record.ok) throw new Error(`the line does not parse: ${record.reason}`);
    expect(record.question).toBe('Where can I reissue my social security card if I lose it?');
    const split = splitAnswer(record.answer)!;
    expect(split.analysis).toBe(
      'local social security bureau. The social security card is reissued at the Social Security Bureau. Reissue process:',
    );
    expect(split.steps.map((s) => s.action)).toEqual([
      'Report the loss to the social security card service network with the original ID card or household registration book.',
      expect.stringMatching(/^When completing the application, .* the staff will issue a card certificate\.$/),
      '15 After completing the card replacement procedures, the card replacer will take his ID card and card receipt voucher to the social security card service outlets to get a new card.',
    ]);
    // The description of the card that follows the steps on the page is background, not a step.
    expect(split.background).toMatch(/^The Social Security Card of the People's Republic of China refers to/);

    const statutes = t.modules.statutes.service;
    const basis = (await resolveLegalBases(statutes, [split.legalBasis]))[0]!;
    expect(basis.unresolved).toEqual([]);
    expect(basis.resolved).toHaveLength(1);
    const article = await t.db
      .selectFrom('articles as a')
      .innerJoin('statute_versions as v', 'v.id', 'a.statute_version_id')
      .innerJoin('statutes as s', 's.id', 'v.statute_id')
      .select(['s.slug', 'a.number'])
      .where('a.id', '=', basis.resolved[0]!.article_id)
      .executeTakeFirstOrThrow();
    expect(article).toEqual({ slug: 'social-insurance-law', number: 72 });
    // The article text quoted after the citation is the library's business, not part of the analysis.
    expect(split.analysis).not.toContain('overall planning');
  });

  it('is a duplicate of the seed question the site already has', async () => {
    const file = join(dir, 'seed-line.jsonl');
    writeFileSync(file, `${fixtureLine()}\n`);
    const summary = await t.modules.inquiry.imports.importFile(file, {
      source: 'shared-seed',
    });
    expect(summary).toMatchObject({ read: 1, imported: 0, duplicates: 1 });
  });
});
