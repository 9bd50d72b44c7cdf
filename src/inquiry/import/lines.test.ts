import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeLine, fileFacts, MAX_LINE_BYTES, type RawLine, readRawLines } from './lines';

const dir = mkdtempSync(join(tmpdir(), 'jobsite-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function linesOf(bytes: Buffer) {
  const path = join(dir, `${Math.random()}.jsonl`);
  writeFileSync(path, bytes);
  const lines: RawLine[] = [];
  for await (const line of readRawLines(path)) lines.push(line);
  return { lines, facts: await fileFacts(path) };
}

describe('reading lines', () => {
  it('numbers lines, keeps a last line without newline and counts them like the reader', async () => {
    const bytes = Buffer.from('\ufeff{"a":1}\r\n\n{"b":2}\n{"c":3}', 'utf8');
    const { lines, facts } = await linesOf(bytes);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3, 4]);
    expect(lines.map((l) => decodeLine(l))).toEqual([
      { ok: true, text: '{"a":1}' },
      { ok: true, text: '' },
      { ok: true, text: '{"b":2}' },
      { ok: true, text: '{"c":3}' },
    ]);
    expect(facts).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), lines: 4, bytes: bytes.length });
  });

  it('reports invalid UTF-8 and binary bytes for that line only', async () => {
    const { lines } = await linesOf(
      Buffer.concat([
        Buffer.from('ok\n'),
        Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
        Buffer.from('a\u0000b\nfine\n'),
      ]),
    );
    expect(lines.map((l) => decodeLine(l))).toEqual([
      { ok: true, text: 'ok' },
      { ok: false, reason: 'invalid-utf8' },
      { ok: false, reason: 'binary' },
      { ok: true, text: 'fine' },
    ]);
  });

  it('stops holding a line past MAX_LINE_BYTES and reports it as too long', async () => {
    const { lines, facts } = await linesOf(
      Buffer.concat([Buffer.alloc(MAX_LINE_BYTES + 10, 0x61), Buffer.from('\nnext\n')]),
    );
    expect(lines[0]).toMatchObject({ number: 1, truncated: true });
    expect(lines[0]!.bytes.length).toBe(MAX_LINE_BYTES);
    expect(decodeLine(lines[0]!)).toEqual({ ok: false, reason: 'too-long' });
    expect(decodeLine(lines[1]!)).toEqual({ ok: true, text: 'next' });
    expect(facts.lines).toBe(2);
  });

  it('splits lines across read chunks', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(i % 700)}"}`).join('\n');
    const { lines } = await linesOf(Buffer.from(many));
    expect(lines).toHaveLength(5000);
    expect(
      lines.every((l, i) => JSON.parse(decodeLine(l).ok ? (decodeLine(l) as { text: string }).text : 'null').n === i),
    ).toBe(true);
  });
});
