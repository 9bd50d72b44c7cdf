import type { Locale } from '../platform/web/i18n';
import { intToChineseNumeral } from './chinese-numerals';
import type { CitationProblem, ParsedCitation } from './citation-parser';

/** A citation found in text that names an article in force. */
export interface ResolvedCitation {
  raw: string;
  span: [number, number];
  ok: true;
  statute: { slug: string; titleZh: string; titleEn: string; shortTitleEn: string; versionDate: string };
  article: { id: number; number: number; label: string; text: string };
  paragraph: number | null;
  item: number | null;
  /** "Social Insurance Law, Article 72" — how the site writes a citation. */
  label: string;
}

/** A citation found in text that does not resolve, and why (message keys: shown in the reader's words). */
export interface FailedCitation {
  raw: string;
  span: [number, number];
  ok: false;
  problems: CitationProblem[];
}

export type CitationResolution = ResolvedCitation | FailedCitation;

export interface ArticlePart {
  paragraph: number | null;
  item: number | null;
}

function joinNumbers(numbers: number[]): string {
  return numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

const ascending = (numbers: number[]) => [...new Set(numbers)].sort((a, b) => a - b);

/**
 * The paragraphs and items a label names: none when a part cites the whole article (which covers every
 * paragraph); items only when every part names one, all in one paragraph.
 */
function namedParts(parts: ArticlePart[]): { paragraphs: number[]; items: number[] } {
  const paragraphs = ascending(parts.flatMap((p) => (p.paragraph ? [p.paragraph] : [])));
  if (paragraphs.length === 0 || parts.some((p) => !p.paragraph)) return { paragraphs: [], items: [] };
  const items = parts.flatMap((p) => (p.item ? [p.item] : []));
  const oneParagraphItems = paragraphs.length === 1 && items.length > 0 && items.length === parts.length;
  return { paragraphs, items: oneParagraphItems ? ascending(items) : [] };
}

/** "Social Insurance Law, Article 27, paragraphs 1, 2 and 4" — how the site writes a citation in English. */
export function citationLabel(shortTitleEn: string, article: number, parts: ArticlePart[] = []) {
  const { paragraphs, items } = namedParts(parts);
  let label = `${shortTitleEn}, Article ${article}`;
  if (paragraphs.length > 0)
    label += `, ${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'} ${joinNumbers(paragraphs)}`;
  if (items.length > 0) label += `, ${items.length === 1 ? 'item' : 'items'} ${joinNumbers(items)}`;
  return label;
}

/**
 * 《中华人民共和国社会保险法》第二十七条第一款、第二款 — how a Chinese page writes a citation: the full title and the
 * article label as published, paragraphs (款) and items (项) in Chinese numerals, as statutes cite each other.
 */
export function chineseCitationLabel(titleZh: string, articleLabel: string, parts: ArticlePart[] = []) {
  const { paragraphs, items } = namedParts(parts);
  const named = (numbers: number[], unit: string) =>
    numbers.map((n) => `第${intToChineseNumeral(n)}${unit}`).join('、');
  return `《${titleZh}》${articleLabel}${named(paragraphs, '款')}${named(items, '项')}`;
}

/** A citation as a page in `locale` writes it (see citationLabel and chineseCitationLabel). */
export function citationLabelIn(
  locale: Locale,
  statute: { titleZh: string; shortTitleEn: string },
  article: { number: number; label: string },
  parts: ArticlePart[] = [],
) {
  return locale === 'zh'
    ? chineseCitationLabel(statute.titleZh, article.label, parts)
    : citationLabel(statute.shortTitleEn, article.number, parts);
}

export function splitParagraphs(text: string): string[] {
  return text.split('\n').filter((p) => p.trim() !== '');
}

/** An article in force as the resolution needs it. */
export interface ArticleInForce {
  id: number;
  number: number;
  label_zh: string;
  text_zh: string;
  slug: string;
  title_zh: string;
  title_en: string;
  short_title_en: string;
  version_date: string;
}

/** The statute (and version) of an article, as citations and the article page show it. */
export function statuteOf(article: ArticleInForce) {
  return {
    slug: article.slug,
    titleZh: article.title_zh,
    titleEn: article.title_en,
    shortTitleEn: article.short_title_en,
    versionDate: article.version_date,
  };
}

/** The articles in force that parsed citations name, by `slug#number`. */
export function articleRefs(parsed: ParsedCitation[]) {
  return parsed
    .filter((c) => c.problems.length === 0 && c.statuteSlug && c.article)
    .map((c) => ({ slug: c.statuteSlug!, number: c.article! }));
}

/** Each parsed citation resolved against the articles in force it names (`byRef`: `slug#number` → article). */
export function resolveParsed(parsed: ParsedCitation[], byRef: Map<string, ArticleInForce>): CitationResolution[] {
  return parsed.map((c): CitationResolution => {
    const base = { raw: c.raw, span: c.span };
    if (c.problems.length > 0) return { ...base, ok: false, problems: c.problems };
    if (!c.statuteSlug || !c.article) {
      return { ...base, ok: false, problems: [{ key: 'citation.noStatuteAndArticle', params: { raw: c.raw } }] };
    }
    const article = byRef.get(`${c.statuteSlug}#${c.article}`);
    if (!article) {
      // The statute is named in `raw` as the author wrote it, in their language.
      const params = { raw: c.raw, article: c.article };
      return { ...base, ok: false, problems: [{ key: 'citation.noSuchArticle', params }] };
    }
    const paragraphs = splitParagraphs(article.text_zh);
    if (c.paragraph && c.paragraph > paragraphs.length) {
      const params = {
        raw: c.raw,
        article: c.article,
        count: paragraphs.length,
        paragraph: c.paragraph,
      };
      return { ...base, ok: false, problems: [{ key: 'citation.noSuchParagraph', params }] };
    }
    return {
      ...base,
      ok: true,
      statute: statuteOf(article),
      article: { id: article.id, number: article.number, label: article.label_zh, text: article.text_zh },
      paragraph: c.paragraph,
      item: c.item,
      label: citationLabel(article.short_title_en, article.number, [{ paragraph: c.paragraph, item: c.item }]),
    };
  });
}
