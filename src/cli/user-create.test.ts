import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../accounts';
import { wholeDatabase } from '../database';
import { connect } from '../platform/db/connection';
import { runUserCreate } from './user-create-command';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jobsite-user-create-'));
const url = `file:${join(dir, 'cli.sqlite')}`;
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'test' };

/** The command as npm runs it: a process of its own (starting tsx takes seconds, more on a busy machine). */
async function userCreateProcess(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/user-create.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same command in this process: what it prints and its exit code, without a process start per case. */
async function userCreate(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runUserCreate(args, env, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

// The CLI is engine-agnostic (it goes through the same service); one engine is enough here.
describe('npm run user:create', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One real process start, with room for a machine under load.
  it('creates the first admin on a fresh database and prints a generated password once', {
    timeout: 120_000,
  }, async () => {
    const result = await userCreateProcess('--email', 'Boss@Example.test', '--role', 'admin', '--name', 'The Boss');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/created user 1: boss@example\.test \(admin, en\)/);
    const password = result.stdout.match(/password: (\S+)/)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(24);

    const { db, destroy } = connect(url);
    try {
      const user = await wholeDatabase(db)
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'boss@example.test')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ role: 'admin', display_name: 'The Boss', locale: 'en' });
      expect(user.password_hash).not.toContain(password);
      expect(await verifyPassword(password, user.password_hash)).toBe(true);
    } finally {
      await destroy();
    }
  });

  it('takes a given password without printing it, a language for mail, and refuses a taken email or a bad value', async () => {
    const given = await userCreate(
      '--email',
      'editor@example.test',
      '--role',
      'editor',
      '--password',
      'chosen by the operator',
    );
    const taken = await userCreate('--email', 'BOSS@example.test');
    const short = await userCreate('--email', 'x@example.test', '--password', 'short');
    const badRole = await userCreate('--email', 'y@example.test', '--role', 'boss');
    const chinese = await userCreate('--email', 'zhou@example.test', '--role', 'expert', '--locale', 'zh');
    const badLocale = await userCreate('--email', 'z@example.test', '--locale', 'fr');
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('(editor, en)');
    expect(given.stdout).not.toContain('chosen by the operator');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('This email cannot be used');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('--password: Use at least 10 characters.');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Allowed choices are member, employer, expert, editor, admin');
    expect(chinese.code).toBe(0);
    expect(chinese.stdout).toContain('(expert, zh)');
    expect(badLocale.code).toBe(1);
    expect(badLocale.stderr).toContain('Allowed choices are en, zh');

    const { db, destroy } = connect(url);
    try {
      const rows = await wholeDatabase(db)
        .selectFrom('users')
        .select(['email', 'locale'])
        .where('email', 'in', ['zhou@example.test', 'editor@example.test', 'z@example.test'])
        .orderBy('email')
        .execute();
      expect(rows).toEqual([
        { email: 'editor@example.test', locale: 'en' },
        { email: 'zhou@example.test', locale: 'zh' },
      ]);
    } finally {
      await destroy();
    }
  });
});
