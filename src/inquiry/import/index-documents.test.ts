import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';

const FIXTURE = fileURLToPath(new URL('./fixtures/collection.jsonl', import.meta.url));

/**
 * The import builds its new questions' index documents in memory and tokenises them in worker threads;
 * every other write reads a question back from the database. Both must put the same thing in the index.
 */
describe.each(testEngines)('index documents of imported questions on $name', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** Everything the search index holds, position by position, and the attributes of each document. */
  async function indexContents(app: TestApp) {
    const db = app.database.db;
    if (app.database.dialect === 'postgres') {
      const rows = await sql<{ id: number; document: string; topic: number; region: string }>`
        select id, document::text as document, topic, region from search_question_documents order by id`.execute(db);
      return rows.rows;
    }
    const contents: unknown[] = [];
    for (const table of ['search_question_fts', 'search_question_titles']) {
      await sql`create virtual table if not exists ${sql.raw(`temp.${table}_terms`)} using fts5vocab(main, ${sql.lit(table)}, 'instance')`.execute(
        db,
      );
      const rows =
        await sql`select term, doc, col, "offset" from ${sql.raw(`temp.${table}_terms`)} order by doc, col, "offset", term`.execute(
          db,
        );
      contents.push(rows.rows);
    }
    // Impact lists hold rowids only (detail=none): each term with its rowids.
    await sql`create virtual table if not exists temp.search_impacts_terms using fts5vocab(main, 'search_question_impacts', 'row')`.execute(
      db,
    );
    const terms = (await sql<{ term: string }>`select term from temp.search_impacts_terms order by term`.execute(db))
      .rows;
    for (const { term } of terms) {
      const rows =
        await sql`select rowid from search_question_impacts where search_question_impacts match ${`"${term}"`} order by rowid`.execute(
          db,
        );
      contents.push([term, rows.rows]);
    }
    contents.push((await sql`select * from search_question_attributes order by doc`.execute(db)).rows);
    contents.push((await sql`select documents from search_kinds where name = 'question'`.execute(db)).rows);
    return contents;
  }

  async function importFixture(workers: number, batchSize: number) {
    t = await openTestApp(engine);
    const services = t.modules;
    const summary = await services.inquiry.imports.importFile(FIXTURE, { source: 'fixture-site', batchSize, workers });
    return { services, summary };
  }

  // One batch: the aliases land in the batch of the question they repeat. Batches of 4: in a later one.
  it.each([
    [1, 100],
    [1, 4],
    [0, 4],
  ])(
    'equal what re-indexing from the database puts there (%i workers, batches of %i lines)',
    async (workers, batchSize) => {
      const { services, summary } = await importFixture(workers, batchSize);
      expect(summary.imported).toBeGreaterThan(10);
      expect(summary.aliases).toBeGreaterThan(0);
      const imported = await indexContents(t!);
      await services.inquiry.search.reindexAll();
      const rebuilt = await indexContents(t!);
      expect(JSON.stringify(imported).length).toBeGreaterThan(10_000);
      expect(imported).toEqual(rebuilt);
    },
  );
});
