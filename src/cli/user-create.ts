/**
 * Creates a user with any role (`npm run user:create -- --email a@b.c --role admin`): how the first
 * admin comes to exist, since registration on the site only makes members and only admins change roles.
 * Connects to DATABASE_URL from the configuration and migrates it first, so it works on a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../accounts/tables';
import { loadConfig } from '../config';
import { connect } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { createServices } from '../services';
import { AppError } from '../web/errors';

const program = new Command('user:create')
  .description('Create a user with a role, e.g. the first admin')
  .requiredOption('--email <email>', 'the email to sign in with')
  .addOption(new Option('--role <role>', 'the role').choices(ROLES).default('member'))
  .option('--name <name>', 'display name (default: the part of the email before @)')
  .option(
    '--password <password>',
    'at least 10 characters; it lands in your shell history, so leave it out to get a generated one',
  )
  .parse();
const options = program.opts<{ email: string; role: Role; name?: string; password?: string }>();

// 18 random bytes: 24 characters of base64url, 144 bits.
const generated = options.password === undefined;
const password = options.password ?? randomBytes(18).toString('base64url');

const config = loadConfig();
const { db, dialect, destroy } = connect(config.DATABASE_URL);
try {
  await migrateToLatest(db, dialect);
  const { accounts } = createServices(db, dialect);
  const user = await accounts.createUser({
    email: options.email,
    password,
    displayName: options.name ?? options.email.split('@')[0],
    role: options.role,
  });
  console.log(`created user ${user.id}: ${user.email} (${user.role})`);
  // Printed once and stored nowhere but as a hash: copy it now, or reset it later by mail.
  if (generated) console.log(`password: ${password}`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  const reasons = error.details.map((d) =>
    d.field ? `--${d.field === 'displayName' ? 'name' : d.field}: ${d.message}` : d.message,
  );
  console.error(reasons.length ? reasons.join('\n') : error.message);
  process.exitCode = 1;
} finally {
  await destroy();
}
