import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Chinese and English (docs/decisions/0111-chinese-and-english.md):
// - topics get a Chinese summary beside the English one; the start fills it from data/inquiry/topics.json, as it
//   does summary_en, so the column starts empty;
// - the answers of the Chinese shipped questions stored before this migration were labelled in English; they get
//   the Chinese label the seed now writes (answers stored later have it already).
export function topicSummariesZh(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('topics')
        .addColumn('summary_zh', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      const labels: [string, string][] = [
        ['jobsite editorial team', 'jobsite 编辑部'],
        ['jobsite editorial team (demo content)', 'jobsite 编辑部（演示内容）'],
      ];
      for (const [english, chinese] of labels) {
        await db
          .updateTable('answers')
          .set({ author_label: chinese })
          .where('author_label', '=', english)
          .where(
            'question_id',
            'in',
            db.selectFrom('questions').select('id').where('locale', '=', 'zh').where('origin', 'in', ['seed', 'demo']),
          )
          .execute();
      }
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('topics').dropColumn('summary_zh').execute();
    },
  };
}
