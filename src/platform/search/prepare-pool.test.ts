import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchDocument } from './index';
import { createPreparePool } from './prepare-pool';
import { TEST_KIND } from './testing';

const docs: SearchDocument[] = Array.from({ length: 137 }, (_, i) => ({
  id: i + 1,
  text: {
    title: i % 2 ? `社保卡丢了怎么补办 ${i}` : `How do I replace a lost social security card ${i}?`,
    body:
      i % 3
        ? '携带身份证到社保卡服务网点办理挂失，约15个工作日领取新卡。'
        : 'Report the loss at a service outlet, then apply for a new card.',
    legal: 'Social Insurance Law Article 72 《中华人民共和国社会保险法》第七十二条',
  },
  attributes: { topic: i % 4, region: i % 2 ? 'CN-GD' : 'CN' },
}));

/** Worker threads and a child process each load the TypeScript loader first: seconds, more on a busy machine. */
const ROOM = { timeout: 120_000 };

describe.each(['sqlite', 'postgres'] as const)('prepare pool for %s', ROOM, (dialect) => {
  it('prepares documents in worker threads exactly as in this thread, in the order given', async () => {
    const index = createSearchEngine(dialect).index(TEST_KIND);
    const pool = createPreparePool(dialect, TEST_KIND, 2);
    try {
      // More documents than one message holds, so the two workers each answer several chunks.
      expect(await pool.prepare(docs)).toEqual(docs.map((d) => index.prepare(d)));
      expect(await pool.prepare([])).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});

describe('an idle prepare pool', ROOM, () => {
  it('does not keep a finished command alive', () => {
    const pool = fileURLToPath(new URL('./prepare-pool.ts', import.meta.url));
    const testing = fileURLToPath(new URL('./testing.ts', import.meta.url));
    const script = `
      import { createPreparePool } from ${JSON.stringify(pool)};
      import { TEST_KIND } from ${JSON.stringify(testing)};
      const pool = createPreparePool('sqlite', TEST_KIND, 1);
      const [doc] = await pool.prepare([{ id: 7, text: { title: '社保卡', body: 'lost card' }, attributes: {} }]);
      console.log(doc.id, doc.fields.length);
      // The pool is never closed: the process must still end by itself.
    `;
    const dir = mkdtempSync(join(tmpdir(), 'jobsite-pool-'));
    const file = join(dir, 'idle-pool.mts');
    writeFileSync(file, script);
    const result = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 110_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('7 6');
    expect(result.status).toBe(0);
  });
});
