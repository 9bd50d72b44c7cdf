/**
 * Suggestions from answers citing an older version of a renumbered law: the Administrative Reconsideration Law of
 * 2023 moved the 60-day limit of 2017 Article 9 to Article 20. An answer citing 2017 Article 9 suggests Article 20
 * (its successor along the alignments), not the new Article 9 that only shares its number.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { readCatalogue, readStatuteFiles } from '..';

const VERSIONS = '../shared/data/statutes/versions';
const V2017 = `${VERSIONS}/行政复议法(2017-09-01).md`;
const V2023 = `${VERSIONS}/行政复议法(2023-09-01).md`;
const present = existsSync(V2017) && existsSync(V2023);
if (!present) console.warn(`${VERSIONS} is not here: the renumbered-law suggestion test is skipped.`);

const QUESTION = 'How long do I have to challenge a decision of the social insurance agency?';

describe.skipIf(!present).each(testEngines)('suggestions from a renumbered law on $name', (engine) => {
  let t: TestApp;
  const catalogue = readCatalogue();

  beforeAll(async () => {
    t = await openTestApp(engine);
    await t.modules.statutes.service.importVersions(catalogue, readStatuteFiles([V2017], catalogue).versions);
    await t.modules.inquiry.questions.createAnsweredQuestion(
      { topic: 'labour-contracts-disputes', locale: 'en', title: QUESTION, region: 'CN', origin: 'user' },
      {
        analysis: 'Within 60 days of learning of the decision (《行政复议法》第九条).',
        region: 'CN',
        verifiedOn: '2026-11-01',
        citations: ['《行政复议法》第九条'],
        authorLabel: 'test',
      },
    );
    await t.modules.statutes.service.importVersions(catalogue, readStatuteFiles([V2023], catalogue).versions);
  });
  afterAll(async () => t?.close());

  it('counts an older version’s citation for the article now carrying its rule', async () => {
    const found = await t.modules.statutes.service.suggestLegalBasis(QUESTION, { signals: new Set(['similar']) });
    const keys = found.map((s) => `${s.slug}#${s.number}`);
    expect(keys).toContain('administrative-reconsideration-law#20');
    expect(keys).not.toContain('administrative-reconsideration-law#9');
    // Asked again (the successor kept), the same answer.
    const again = await t.modules.statutes.service.suggestLegalBasis(QUESTION, { signals: new Set(['similar']) });
    expect(again.map((s) => `${s.slug}#${s.number}`)).toEqual(keys);
  });
});
