import type { Generated } from 'kysely';

/**
 * One thing that happened, for one person. The text is not stored: `kind` names the message
 * (`notifications.<kind>` in the catalogue) and `params_json` its parameters, so it is written in the reader's
 * language when shown or mailed.
 */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  params_json: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
}

export const NOTIFICATION_TABLES = ['notifications'] as const satisfies readonly (keyof NotificationTables)[];
