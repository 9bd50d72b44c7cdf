import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CatalogueEntry, StatuteVersionFile } from './library-files';
import {
  type ParsedStatuteVersion,
  parseStatuteJson,
  parseStatuteMarkdown,
  parseStatuteParts,
} from './markdown-format';

export interface ReadResult {
  versions: StatuteVersionFile[];
  /** Files or entries that could not be used, with the reason. */
  problems: { file: string; reason: string }[];
}

/** A folder named like a version ("民法典(2020-05-28)") holds the part files of one statute, not statutes. */
const isPartFolder = (path: string) => statSync(path).isDirectory() && /\(\d{4}-\d{2}-\d{2}\)$/.test(basename(path));

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory() || isPartFolder(path)) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.md') || name.endsWith('.json') || isPartFolder(join(path, name)))
    .sort()
    .map((name) => join(path, name));
}

function readParts(folder: string): ParsedStatuteVersion {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
  return parseStatuteParts(files, basename(folder));
}

/**
 * Reads statute versions from Markdown files (the raw/ form) and JSON files (the statutes.json form),
 * and matches each to the catalogue by its Chinese title: the catalogue gives the slug and English title.
 */
export function readStatuteFiles(paths: string[], catalogue: CatalogueEntry[]): ReadResult {
  const result: ReadResult = { versions: [], problems: [] };
  const toVersion = (parsed: ParsedStatuteVersion, file: string, level = '', tier = ''): StatuteVersionFile | null => {
    const entry = catalogue.find(
      (e) => e.titleZh === parsed.titleZh || e.titleZh === `中华人民共和国${parsed.titleZh}`,
    );
    if (!entry) {
      result.problems.push({
        file,
        reason: `${parsed.titleZh} is not in data/statutes/catalogue.json: add its slug and English title first`,
      });
      return null;
    }
    return {
      slug: entry.slug,
      titleZh: entry.titleZh,
      shortTitleZh: entry.titleZh.replace(/^中华人民共和国/, ''),
      levelZh: level,
      tier,
      versionDate: parsed.versionDate,
      history: parsed.history,
      preamble: parsed.preamble,
      sourceRef: basename(file),
      articles: parsed.articles,
    };
  };
  for (const path of paths) {
    for (const file of filesOf(path)) {
      try {
        if (isPartFolder(file)) {
          const version = toVersion(readParts(file), file);
          if (version) result.versions.push(version);
          continue;
        }
        const text = readFileSync(file, 'utf8');
        if (file.endsWith('.json')) {
          const data: unknown = JSON.parse(text);
          for (const entry of Array.isArray(data) ? data : [data]) {
            const e = entry as { level_zh?: string; tier?: string };
            const version = toVersion(parseStatuteJson(entry), file, e.level_zh ?? '', e.tier ?? '');
            if (version) result.versions.push(version);
          }
        } else {
          const version = toVersion(parseStatuteMarkdown(text, basename(file)), file);
          if (version) result.versions.push(version);
        }
      } catch (error) {
        result.problems.push({ file, reason: (error as Error).message });
      }
    }
  }
  return result;
}
