import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Issue 16. Articles learn the levels above the chapter (the Civil Code's parts 编 and sub-parts
// 分编), for a statute's table of contents. And when a new version of a statute arrives, its articles are aligned
// with the previous version's by their text, not their number: article_mappings records, for each old article,
// the article(s) of the new version that carry its rule (or that none does), and the new articles no old one led
// to. A renumbered law (the Administrative Reconsideration Law of 2023) is followed through it.
export function statuteStructureAndAlignment(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('articles').addColumn('part_zh', 'text').execute();
      await db.schema.alterTable('articles').addColumn('subpart_zh', 'text').execute();
      await db.schema
        .createTable('article_mappings')
        .addColumn('id', idType, id)
        .addColumn('statute_id', 'integer', (c) => c.notNull().references('statutes.id'))
        .addColumn('from_version_id', 'integer', (c) => c.notNull().references('statute_versions.id'))
        .addColumn('to_version_id', 'integer', (c) => c.notNull().references('statute_versions.id'))
        // Null for a new article (no old one led to it).
        .addColumn('from_article_id', 'integer', (c) => c.references('articles.id'))
        // Null for a removed article (no new one carries its rule).
        .addColumn('to_article_id', 'integer', (c) => c.references('articles.id'))
        // unchanged | moved | changed | split | merged | removed | new
        .addColumn('kind', 'text', (c) => c.notNull())
        // How alike the two texts are, in thousandths (character bigrams); 0 when one side is missing.
        .addColumn('similarity', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_mappings_from').on('article_mappings').column('from_article_id').execute();
      await db.schema.createIndex('article_mappings_to').on('article_mappings').column('to_version_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('article_mappings').execute();
      await db.schema.alterTable('articles').dropColumn('subpart_zh').execute();
      await db.schema.alterTable('articles').dropColumn('part_zh').execute();
    },
  };
}
