/**
 * Names in the reader's language on the answering, review, revision and moderation pages: topics and regions
 * (stored in both languages; services hand both over and the page picks), and cited articles:
 * 《中华人民共和国社会保险法》第五十八条 for a Chinese reader, "Social Insurance Law, Article 58" for an English one.
 */
import type { I18n, Locale } from '../../platform/web/i18n';
import { citationLabelIn } from '../../statutes';

/** A name in each language (a topic, a region). */
export type Named = Record<Locale, string>;

export interface NamedStatute {
  titleZh: string;
  shortTitleEn: string;
}

export interface NamedArticle {
  number: number;
  /** The article's own label (第五十八条), when known. */
  label?: string;
}

/**
 * The statutes module's citation label (a Chinese reader gets the article as the law itself names it, its label
 * in Chinese numerals); without the label, the catalogue's 第 N 条.
 */
export function articleName(i18n: I18n, statute: NamedStatute, article: NamedArticle): string {
  const label = article.label || i18n.t('laws.article', { number: article.number });
  return citationLabelIn(i18n.locale, statute, { number: article.number, label });
}

/** An article with the paragraph and item a citation names, if any. */
export function citedPartName(
  i18n: I18n,
  statute: NamedStatute,
  article: NamedArticle,
  part: { paragraph: number | null; item: number | null },
): string {
  return i18n.t('answering.citedPart', {
    article: articleName(i18n, statute, article),
    paragraph: part.paragraph ?? 'none',
    item: part.item ?? 'none',
  });
}
