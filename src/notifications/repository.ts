import type { Insertable } from 'kysely';
import type { ModuleDb } from '../platform/db/tables';
import type { NotificationTable, NotificationTables } from './tables';

type Db = ModuleDb<NotificationTables>;

export async function insertNotifications(db: Db, rows: Insertable<NotificationTable>[]) {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

export async function countUnread(db: Db, userId: number) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listLatest(db: Db, userId: number, limit: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params_json', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function markAllRead(db: Db, userId: number, readAt: string) {
  await db
    .updateTable('notifications')
    .set({ read_at: readAt })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
