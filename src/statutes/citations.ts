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

/** "Social Insurance Law, Article 27, paragraphs 1, 2 and 4" — how the site writes a citation. */
export function citationLabel(shortTitleEn: string, article: number, parts: ArticlePart[] = []) {
  let label = `${shortTitleEn}, Article ${article}`;
  const paragraphs = [...new Set(parts.flatMap((p) => (p.paragraph ? [p.paragraph] : [])))].sort((a, b) => a - b);
  // A part without a paragraph cites the whole article, which covers every paragraph.
  if (paragraphs.length === 0 || parts.some((p) => !p.paragraph)) return label;
  label += paragraphs.length === 1 ? `, paragraph ${paragraphs[0]}` : `, paragraphs ${joinNumbers(paragraphs)}`;
  const items = parts.flatMap((p) => (p.item ? [p.item] : []));
  if (paragraphs.length === 1 && items.length > 0 && items.length === parts.length) {
    label +=
      items.length === 1 ? `, item ${items[0]}` : `, items ${joinNumbers([...new Set(items)].sort((a, b) => a - b))}`;
  }
  return label;
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
      const params = { raw: c.raw, statute: c.statuteSlug, article: c.article };
      return { ...base, ok: false, problems: [{ key: 'citation.noSuchArticle', params }] };
    }
    const paragraphs = splitParagraphs(article.text_zh);
    if (c.paragraph && c.paragraph > paragraphs.length) {
      const params = {
        raw: c.raw,
        article: c.article,
        statute: article.short_title_en,
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
