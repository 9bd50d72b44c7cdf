import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const SEED_PATH = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';

/** The real server process: started as `npm start` starts it, stopped by SIGTERM as an orchestrator stops it. */
describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobsite-server-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('shuts down on SIGTERM: finishes, writes the page views counted, closes the database, exits 0', async () => {
    const database = join(dir, 'site.sqlite');
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: `file:${database}`,
        PORT: '0',
        LOG_LEVEL: 'info',
        SEED_DEMO_CONTENT: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: { msg?: string; signal?: string }[] = [];
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start in time')), 150_000);
      createInterface({ input: child!.stdout! }).on('line', (line) => {
        try {
          const entry = JSON.parse(line) as { msg?: string };
          logs.push(entry);
          const listening = entry.msg?.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
          if (listening) {
            clearTimeout(timer);
            resolve(listening[1]!);
          }
        } catch {
          // not a log line
        }
      });
      child!.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    });

    expect((await fetch(`${address}/readyz`)).status).toBe(200);
    const before = new SQLite(database, { readonly: true });
    const viewsBefore = (
      before.prepare('select view_count from questions where id = 1').get() as { view_count: number }
    ).view_count;
    before.close();
    // Page views are written in batches every few seconds; these are still in memory when the signal comes.
    for (let i = 0; i < 3; i++) expect((await fetch(`${address}${SEED_PATH}`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
    expect(logs.some((l) => l.msg === 'shut down')).toBe(true);
    const after = new SQLite(database, { readonly: true });
    const viewsAfter = (after.prepare('select view_count from questions where id = 1').get() as { view_count: number })
      .view_count;
    after.close();
    expect(viewsAfter).toBe(viewsBefore + 3);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  }, 200_000);
});
