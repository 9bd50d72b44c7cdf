import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakeExe, minimalPdf, pdfWithScript } from '../test-support/files';
import { checkPdf, containsActiveContent, MAX_FILE_BYTES } from './pdf-check';

describe('checking an uploaded PDF by its bytes', () => {
  it('keeps a real PDF and extracts its text', async () => {
    const result = await checkPdf(minimalPdf('Zhang Wei logistics manager'));
    expect(result).toEqual({ ok: true, text: 'Zhang Wei logistics manager' });
  });

  it('refuses an empty file, a program named .pdf, and a file past 5 MB', async () => {
    expect(await checkPdf(Buffer.alloc(0))).toEqual({ ok: false, problem: 'empty' });
    expect(await checkPdf(fakeExe())).toEqual({ ok: false, problem: 'notPdf' });
    const big = Buffer.concat([minimalPdf('x'), Buffer.alloc(MAX_FILE_BYTES)]);
    expect(await checkPdf(big)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('refuses a PDF with a script, also when the name is spelt with #xx or packed in an object stream', async () => {
    expect(await checkPdf(pdfWithScript())).toEqual({ ok: false, problem: 'active' });
    expect(containsActiveContent(minimalPdf('x', '/Names << /J#61vaScript 6 0 R >> '))).toBe(true);
    const packed = deflateSync(Buffer.from('<< /S /JavaScript /JS (x) >>'));
    const objectStream = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n7 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
      ),
      packed,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    expect(containsActiveContent(objectStream)).toBe(true);
  });

  it('allows names that only begin like an action, and an opening view without an action', () => {
    expect(containsActiveContent(minimalPdf('x', '/AAPL:Keywords [(cv)] /OpenAction [3 0 R /Fit] '))).toBe(false);
  });

  it('refuses a PDF that cannot be read', async () => {
    expect(await checkPdf(Buffer.from('%PDF-1.4\nnothing here at all\n'))).toEqual({
      ok: false,
      problem: 'unreadable',
    });
  });
});
