/**
 * Reading a JSONL file line by line as bytes. We split on "\n" ourselves and decode each line strictly,
 * so one line of invalid UTF-8 or binary junk is reported with its number instead of being silently
 * replaced by U+FFFD (what a text stream would do) or poisoning the lines around it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Longer than any acceptable line (20,000 + 300 characters of at most 4 bytes, with JSON escapes); the rest is
 * dropped unread.
 */
export const MAX_LINE_BYTES = 1 << 20;

export interface FileFacts {
  sha256: string;
  lines: number;
  bytes: number;
}

/** sha256 and line count in one streaming pass: identifies a run (source + hash) and sizes the progress bar. */
export async function fileFacts(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines += 1;
    last = chunk.at(-1) ?? last;
  }
  if (bytes > 0 && last !== 0x0a) lines += 1;
  return { sha256: hash.digest('hex'), lines, bytes };
}

export interface RawLine {
  /** 1-based line number in the file. */
  number: number;
  bytes: Buffer;
  /** The line was longer than MAX_LINE_BYTES; `bytes` holds only its start. */
  truncated: boolean;
}

/** The file's lines as bytes, without the "\n". Memory stays bounded by the chunk size and MAX_LINE_BYTES. */
export async function* readRawLines(path: string): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let truncated = false;
  let number = 0;
  const take = (piece: Buffer) => {
    if (truncated) return;
    if (held + piece.length > MAX_LINE_BYTES) {
      parts.push(piece.subarray(0, MAX_LINE_BYTES - held));
      held = MAX_LINE_BYTES;
      truncated = true;
      return;
    }
    parts.push(piece);
    held += piece.length;
  };
  const finish = (): RawLine => {
    number += 1;
    const line = { number, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts), truncated };
    parts = [];
    held = 0;
    truncated = false;
    return line;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    // Copy the tail: the stream may reuse the chunk's memory.
    if (start < chunk.length) take(Buffer.from(chunk.subarray(start)));
  }
  if (held > 0 || truncated) yield finish();
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: 'invalid-utf8' | 'binary' | 'too-long' };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A control character other than tab, CR or LF: the line is binary, not text. */
function hasControlBytes(bytes: Buffer): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return true;
    if (b === 0x7f) return true;
  }
  return false;
}

/** Strict UTF-8 text of one line, without a trailing CR or (on line 1) a byte-order mark. */
export function decodeLine(line: RawLine): DecodeResult {
  if (line.truncated) return { ok: false, reason: 'too-long' };
  let bytes = line.bytes;
  if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
  if (line.number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (hasControlBytes(bytes)) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'invalid-utf8' };
  }
}
