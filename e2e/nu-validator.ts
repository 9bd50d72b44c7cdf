/**
 * The W3C Nu HTML Checker (vnu-jar, run with Debian's Java) over pages fetched from the running site. One Java
 * start for all pages: the checker takes seconds to start and milliseconds a page. Without Java the tests skip
 * with a message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JAVA = process.env.JAVA_PATH ?? 'java';
export const javaAvailable = spawnSync(JAVA, ['-version']).status === 0;
if (!javaAvailable)
  console.warn(`${JAVA} not found: HTML validation is skipped (apt-get install default-jre-headless).`);

const VNU_JAR = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** The checker's errors for each page, by name, as "line N: message". Pages without errors map to []. */
export function validateHtml(pages: { name: string; html: string }[]): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jobsite-vnu-'));
  try {
    const files = pages.map((page, index) => {
      const file = join(dir, `page-${index}.html`);
      writeFileSync(file, page.html);
      return { file, name: page.name };
    });
    const run = spawnSync(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files.map((f) => f.file)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // The checker writes its JSON report to stderr and exits 1 when it found errors.
    const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
    const byName: Record<string, string[]> = Object.fromEntries(pages.map((p) => [p.name, []]));
    for (const message of report.messages) {
      if (message.type !== 'error' && message.type !== 'non-document-error') continue;
      const page = files.find((f) => message.url.endsWith(f.file));
      byName[page?.name ?? message.url]?.push(`line ${message.lastLine ?? '?'}: ${message.message}`);
    }
    return byName;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
