/**
 * `npm run restore -- FILE [--force]`: replaces the database of DATABASE_URL with a backup. Refuses a database
 * that holds rows without --force. Stop the site first.
 */
import { loadConfig } from '../config';
import { BackupError, restoreDatabase } from './backups';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('usage: npm run restore -- FILE [--force]');
  process.exit(2);
}
try {
  await restoreDatabase(loadConfig().DATABASE_URL, file, { force: args.includes('--force') });
  console.log(`restored ${file}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
