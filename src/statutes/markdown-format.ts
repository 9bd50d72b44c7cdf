import { chineseNumeralToInt } from './chinese-numerals';

/** A statute version as read from a file, before it is matched to the catalogue. */
export interface ParsedStatuteVersion {
  titleZh: string;
  versionDate: string;
  history: string[];
  preamble: string | null;
  articles: { number: number; label: string; chapter: string | null; section: string | null; text: string }[];
}

const ARTICLE_RE = /^(第([一二三四五六七八九十百千零〇两\d]+)条)[\s\u3000]*(.*)$/;
// Zero-width spaces and BOMs appear on otherwise empty lines of the source files.
const INVISIBLE_RE = /\u200b|\u200c|\u200d|\ufeff/g;

function dateFromHistory(lines: string[]): string | null {
  for (const line of [...lines].reverse()) {
    const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(line);
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  return null;
}

/**
 * Reads the Markdown form of ../shared/data/statutes/raw/: "# title", history lines up to
 * "<!-- INFO END -->", "## 第X章" chapters, "### 第X节" sections, then "第X条 text" articles whose
 * following lines are further paragraphs. The version date comes from the file name "(YYYY-MM-DD)"
 * or else the last dated history line.
 */
export function parseStatuteMarkdown(source: string, fileName = ''): ParsedStatuteVersion {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(INVISIBLE_RE, '').trim());
  const titleLine = lines.find((l) => l.startsWith('# '));
  if (!titleLine) throw new Error(`${fileName || 'statute'}: no "# title" line`);
  const titleZh = titleLine.slice(2).trim();
  const infoEnd = lines.findIndex((l) => l.includes('<!-- INFO END -->'));
  const history = infoEnd === -1 ? [] : lines.slice(lines.indexOf(titleLine) + 1, infoEnd).filter(Boolean);
  const versionDate = /\((\d{4}-\d{2}-\d{2})\)/.exec(fileName)?.[1] ?? dateFromHistory(history);
  if (!versionDate) throw new Error(`${fileName || titleZh}: no version date in the file name or header`);

  const articles: ParsedStatuteVersion['articles'] = [];
  const preamble: string[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  for (const line of lines.slice(infoEnd === -1 ? lines.indexOf(titleLine) + 1 : infoEnd + 1)) {
    if (!line) continue;
    if (line.startsWith('### ')) {
      section = line.slice(4).trim();
      continue;
    }
    if (line.startsWith('## ')) {
      chapter = line.slice(3).trim();
      section = null;
      continue;
    }
    const m = ARTICLE_RE.exec(line);
    const number = m ? (chineseNumeralToInt(m[2]!) ?? (/^\d+$/.test(m[2]!) ? Number(m[2]) : null)) : null;
    if (m && number) {
      articles.push({ number, label: m[1]!, chapter, section, text: m[3]! });
      continue;
    }
    const current = articles.at(-1);
    if (current) current.text = current.text ? `${current.text}\n${line}` : line;
    else preamble.push(line);
  }
  if (articles.length === 0) throw new Error(`${fileName || titleZh}: no articles found`);
  const numbers = new Set<number>();
  for (const a of articles) {
    if (numbers.has(a.number)) throw new Error(`${fileName || titleZh}: article ${a.number} appears twice`);
    numbers.add(a.number);
  }
  return { titleZh, versionDate, history, preamble: preamble.length ? preamble.join('\n') : null, articles };
}

/** Reads one entry of the JSON form (../shared/data/statutes/statutes.json). */
export function parseStatuteJson(entry: unknown): ParsedStatuteVersion {
  const e = entry as {
    title_zh?: unknown;
    version_date?: unknown;
    history_zh?: unknown;
    preamble_zh?: unknown;
    articles?: {
      number: number;
      label_zh: string;
      chapter_zh: string | null;
      section_zh: string | null;
      text_zh: string;
    }[];
  };
  if (typeof e?.title_zh !== 'string' || typeof e.version_date !== 'string' || !Array.isArray(e.articles)) {
    throw new Error('statute JSON entry needs title_zh, version_date and articles');
  }
  return {
    titleZh: e.title_zh,
    versionDate: e.version_date,
    history: Array.isArray(e.history_zh) ? (e.history_zh as string[]) : [],
    preamble: typeof e.preamble_zh === 'string' ? e.preamble_zh : null,
    articles: e.articles.map((a) => ({
      number: a.number,
      label: a.label_zh,
      chapter: a.chapter_zh,
      section: a.section_zh,
      text: a.text_zh,
    })),
  };
}
