/**
 * Creates a user with any role (`npm run user:create -- --email a@b.c --role admin --locale zh`): how the first
 * admin comes to exist, since registration on the site only makes members and only admins change roles.
 * `--locale` is the language of the mail the site sends them (they can change it on their account page).
 * Connects to DATABASE_URL from the configuration and migrates it first, so it works on a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { Command, CommanderError, Option } from 'commander';
import { ROLES, type Role } from '../accounts';
import { loadConfig } from '../config';
import { AppError, errorText, problemText } from '../platform/web/errors';
import { english, LOCALES, type Locale } from '../platform/web/i18n';
import { openModules } from './open';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Runs the command with these arguments (after the script name) and environment; resolves to the exit code. */
export async function runUserCreate(args: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const program = new Command('user:create')
    .description('Create a user with a role, e.g. the first admin')
    .requiredOption('--email <email>', 'the email to sign in with')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).default('member'))
    .addOption(new Option('--locale <locale>', 'the language of their mail').choices(LOCALES).default('en'))
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option(
      '--password <password>',
      'at least 10 characters; it lands in your shell history, so leave it out to get a generated one',
    )
    .exitOverride()
    .configureOutput({ writeOut: (text) => out.log(text.trimEnd()), writeErr: (text) => out.error(text.trimEnd()) });
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  const options = program.opts<{ email: string; role: Role; locale: Locale; name?: string; password?: string }>();

  // 18 random bytes: 24 characters of base64url, 144 bits.
  const generated = options.password === undefined;
  const password = options.password ?? randomBytes(18).toString('base64url');

  const { modules, close } = await openModules(loadConfig(env));
  try {
    const user = await modules.accounts.service.createUser({
      email: options.email,
      password,
      displayName: options.name ?? options.email.split('@')[0]!,
      role: options.role,
      locale: options.locale,
    });
    out.log(`created user ${user.id}: ${user.email} (${user.role}, ${user.locale})`);
    // Printed once and stored nowhere but as a hash: copy it now, or reset it later by mail.
    if (generated) out.log(`password: ${password}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // An operator's console: the reasons in English, the language of the command's help.
    const option = (field: string) => `--${field === 'displayName' ? 'name' : field}`;
    const reasons = error.details.map((d) =>
      d.field === 'form' ? problemText(english, d) : `${option(d.field)}: ${problemText(english, d)}`,
    );
    out.error(reasons.length ? reasons.join('\n') : errorText(english, error));
    return 1;
  } finally {
    await close();
  }
}
