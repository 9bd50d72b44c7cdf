import type { AppConfig } from '../config';
import { createModules, type Modules } from '../modules';
import { connect, type DialectName } from '../platform/db/connection';
import { migrateToLatest } from '../platform/db/migrate';

/**
 * For a command-line tool: the database of DATABASE_URL, migrated, and the modules over it. `prepare` also makes
 * sure the search index is built for the kinds as defined now, as the server does on start.
 */
export async function openModules(
  config: AppConfig,
  options: { prepare?: boolean } = {},
): Promise<{ modules: Modules; dialect: DialectName; close(): Promise<void> }> {
  const { db, dialect, destroy, invalidation } = connect(config.DATABASE_URL);
  try {
    await migrateToLatest(db, dialect);
    // What a tool writes (a statute import, a Q&A import) is forgotten by the running servers' caches too.
    const modules = createModules(db, dialect, config, { invalidation });
    if (options.prepare) await modules.prepare();
    return { modules, dialect, close: destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}
