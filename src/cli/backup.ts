/** `npm run backup [-- --to DIR]`: a consistent copy of the database in DIR (default ./backups), named by time. */
import { loadConfig } from '../config';
import { BackupError, backupDatabase } from './backups';

const args = process.argv.slice(2);
const dir = args.includes('--to') ? args[args.indexOf('--to') + 1] : 'backups';
try {
  const file = await backupDatabase(loadConfig().DATABASE_URL, dir ?? 'backups');
  console.log(`backed up to ${file}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
