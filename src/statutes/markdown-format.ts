import { chineseNumeralToInt } from './chinese-numerals';

/** An article as read from a file: its number, label, place in the statute's headings and text. */
export interface ParsedArticle {
  number: number;
  label: string;
  /** 编 and 分编, in the few statutes that have them (the Civil Code). */
  part: string | null;
  subpart: string | null;
  chapter: string | null;
  section: string | null;
  text: string;
}

/** A statute version as read from a file, before it is matched to the catalogue. */
export interface ParsedStatuteVersion {
  titleZh: string;
  versionDate: string;
  history: string[];
  preamble: string | null;
  articles: ParsedArticle[];
}

const ARTICLE_RE = /^(第([一二三四五六七八九十百千零〇两\d]+)条)[\s\u3000]*(.*)$/;
// Zero-width spaces and BOMs appear on otherwise empty lines of the source files.
const INVISIBLE_RE = /\u200b|\u200c|\u200d|\ufeff/g;
// A heading says what it is (第一分编, 第三章, 第二节); its Markdown level differs between files of one statute.
const NUMBERED = '第[一二三四五六七八九十百千零〇两\\d]+';
const SUBPART_RE = new RegExp(`^${NUMBERED}分编`);
const PART_RE = new RegExp(`^${NUMBERED}编`);
const CHAPTER_RE = new RegExp(`^${NUMBERED}章`);
const SECTION_RE = new RegExp(`^${NUMBERED}节`);

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
 * or else the last dated history line. A part file of a long statute (the Civil Code's 合同编.md) has a
 * second "# 合同编" line naming its part (`part`), and headings for 第X分编 sub-parts; headings are known by what
 * they say (第X分编, 第X章, 第X节), their level only where they say none of these.
 */
export function parseStatuteMarkdown(source: string, fileName = '', part: string | null = null): ParsedStatuteVersion {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(INVISIBLE_RE, '').trim());
  const titleLine = lines.find((l) => l.startsWith('# '));
  if (!titleLine) throw new Error(`${fileName || 'statute'}: no "# title" line`);
  const titleZh = titleLine.slice(2).trim();
  const infoEnd = lines.findIndex((l) => l.includes('<!-- INFO END -->'));
  const titleAt = lines.indexOf(titleLine);
  const history = (infoEnd === -1 ? [] : lines.slice(titleAt + 1, infoEnd)).filter(
    (l) => l !== '' && !l.startsWith('# '),
  );
  const versionDate = /\((\d{4}-\d{2}-\d{2})\)/.exec(fileName)?.[1] ?? dateFromHistory(history);
  if (!versionDate) throw new Error(`${fileName || titleZh}: no version date in the file name or header`);

  const articles: ParsedArticle[] = [];
  const preamble: string[] = [];
  let currentPart = part;
  let subpart: string | null = null;
  let chapter: string | null = null;
  let section: string | null = null;
  for (const line of lines.slice(infoEnd === -1 ? titleAt + 1 : infoEnd + 1)) {
    if (!line) continue;
    const heading = /^(#{2,6})(?:\s+(.*))?$/.exec(line);
    if (heading) {
      const text = (heading[2] ?? '').replace(/\s+/g, ' ').trim();
      if (SUBPART_RE.test(text)) [subpart, chapter, section] = [text, null, null];
      else if (CHAPTER_RE.test(text)) [chapter, section] = [text, null];
      else if (SECTION_RE.test(text)) section = text;
      else if (PART_RE.test(text)) [currentPart, subpart, chapter, section] = [text, null, null, null];
      else if (text === '') [chapter, section] = [null, null];
      else if (heading[1] === '##') [chapter, section] = [text, null];
      else section = text;
      continue;
    }
    const m = ARTICLE_RE.exec(line);
    const number = m ? (chineseNumeralToInt(m[2]!) ?? (/^\d+$/.test(m[2]!) ? Number(m[2]) : null)) : null;
    if (m && number) {
      articles.push({ number, label: m[1]!, part: currentPart, subpart, chapter, section, text: m[3]! });
      continue;
    }
    const current = articles.at(-1);
    if (current) current.text = current.text ? `${current.text}\n${line}` : line;
    else preamble.push(line);
  }
  if (articles.length === 0) throw new Error(`${fileName || titleZh}: no articles found`);
  checkUnique(articles, fileName || titleZh);
  return { titleZh, versionDate, history, preamble: preamble.length ? preamble.join('\n') : null, articles };
}

function checkUnique(articles: ParsedArticle[], name: string) {
  const numbers = new Set<number>();
  for (const a of articles) {
    if (numbers.has(a.number)) throw new Error(`${name}: article ${a.number} appears twice`);
    numbers.add(a.number);
  }
}

const PART_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * One statute kept as part files (../shared/data/statutes/raw-more/民法典(2020-05-28)/: 总则.md, 物权编.md, …,
 * 附则.md), article numbers running on across them. Parts are put in order by their first article and named as
 * the statute names them: 第一编 总则, 第二编 物权, …; the closing 附则 is not numbered.
 */
export function parseStatuteParts(files: { name: string; text: string }[], folderName: string): ParsedStatuteVersion {
  const parsed = files.map((f) => {
    const second = f.text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .filter((l) => l.startsWith('# '))[1];
    const name = (second ?? f.name.replace(/\.md$/, '')).slice(second ? 2 : 0).trim();
    return { name, version: parseStatuteMarkdown(f.text, folderName) };
  });
  parsed.sort((a, b) => a.version.articles[0]!.number - b.version.articles[0]!.number);
  let ordinal = 0;
  const articles = parsed.flatMap(({ name, version }) => {
    const label = name === '附则' ? name : `第${PART_ORDINALS[ordinal++] ?? ordinal}编 ${name.replace(/编$/, '')}`;
    return version.articles.map((a) => ({ ...a, part: label }));
  });
  const first = parsed[0]!.version;
  if (parsed.some((p) => p.version.titleZh !== first.titleZh))
    throw new Error(`${folderName}: the part files name different statutes`);
  checkUnique(articles, folderName);
  return { ...first, articles };
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
      part: null,
      subpart: null,
      chapter: a.chapter_zh,
      section: a.section_zh,
      text: a.text_zh,
    })),
  };
}
