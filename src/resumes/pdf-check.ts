/**
 * What a résumé upload must be (docs/decisions/0114-resumes-and-privacy.md): a PDF by its bytes (not its name or
 * the browser's word), of at most 5 MB, not empty, readable, and without anything a viewer would run: scripts,
 * launch actions, actions on opening or on events. Such a file is refused rather than cleaned: a cleaned PDF
 * would be a file the seeker never saw, and a seeker's résumé has no use for scripts.
 */
import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { extractText, getDocumentProxy } from 'unpdf';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type PdfProblem = 'empty' | 'tooLarge' | 'notPdf' | 'active' | 'unreadable';

/**
 * Names of active content, as whole PDF names (a name ends at white space or a delimiter, so /AAPL:Keywords of
 * Apple's PDFs is not /AA). /OpenAction is allowed only as a plain destination (`/OpenAction [3 0 R /Fit]`).
 */
const ACTIVE_NAME = /\/(?:JS|JavaScript|Launch|AA|RichMedia|SubmitForm|ImportData)(?=[\s()<>[\]{}/%]|$)/;
const OPEN_ACTION = /\/OpenAction(?!\s*\[)/;
/** At most this much inflated from all streams together while looking (a compressed bomb stops there). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** PDF names may spell letters as #xx (/J#53 is /JS); spelt plainly before looking. */
function plainNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function hasActiveContent(text: string): boolean {
  const plain = plainNames(text);
  return ACTIVE_NAME.test(plain) || OPEN_ACTION.test(plain);
}

/**
 * Whether the file has active content in its dictionaries, including those packed into compressed object
 * streams (PDF 1.5+: `/Type /ObjStm`), which are inflated to be read. Other streams (pages, fonts, images) hold
 * no dictionaries and are not inflated.
 */
export function containsActiveContent(bytes: Buffer): boolean {
  const raw = bytes.toString('latin1');
  if (hasActiveContent(raw)) return true;
  let inflatedTotal = 0;
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(raw); match !== null; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    streams.lastIndex = end;
    const dictionary = plainNames(raw.slice(Math.max(0, raw.lastIndexOf('obj', match.index)), match.index));
    if (!/\/Type\s*\/ObjStm\b/.test(dictionary)) continue;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_INFLATED_BYTES - inflatedTotal });
      inflatedTotal += inflated.length;
      if (hasActiveContent(inflated.toString('latin1'))) return true;
    } catch (error) {
      // Past the budget (a compressed bomb): refused, as what could not be read whole. Otherwise a stream that
      // does not inflate is one no reader could use either.
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return true;
    }
    if (inflatedTotal >= MAX_INFLATED_BYTES) return true;
  }
  return false;
}

/** The file's problem, or its text (pages joined) when it is a résumé PDF we keep. */
export async function checkPdf(
  bytes: Buffer,
): Promise<{ ok: true; text: string } | { ok: false; problem: PdfProblem }> {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== 'application/pdf') return { ok: false, problem: 'notPdf' };
  if (containsActiveContent(bytes)) return { ok: false, problem: 'active' };
  try {
    // A copy: PDF.js takes over (detaches) the buffer it is given.
    // Quiet (verbosity 0): a damaged upload is the seeker's problem, told to them, not a warning in the log; and no
    // scripting, no eval.
    const document = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      enableXfa: false,
    });
    const { text } = await extractText(document, { mergePages: true });
    await document.destroy();
    return { ok: true, text: text.replace(/\s+/g, ' ').trim() };
  } catch {
    // Broken or password-protected: an employer could not open it either.
    return { ok: false, problem: 'unreadable' };
  }
}
