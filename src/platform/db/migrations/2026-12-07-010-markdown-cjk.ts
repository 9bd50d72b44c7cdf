import type { Kysely, Migration } from 'kysely';
import { renderMarkdown } from '../../web/markdown';
import type { DialectName } from '../connection';

// Answers keep their markdown rendered (answers.analysis_html, background_html). The renderer now makes emphasis
// beside Chinese punctuation bold (markdown-it-cjk-friendly, docs/decisions/0111-chinese-and-english.md), so the
// stored HTML is rendered again from its source, once. Unlike the frozen schema migrations this one calls today's
// renderer on purpose; when the renderer's output changes again, another migration like it renders again.
export function markdownCjk(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      const rows = await db.selectFrom('answers').select(['id', 'analysis_md', 'background_md']).execute();
      for (const row of rows) {
        await db
          .updateTable('answers')
          .set({
            analysis_html: renderMarkdown(row.analysis_md),
            background_html: row.background_md === null ? null : renderMarkdown(row.background_md),
          })
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
