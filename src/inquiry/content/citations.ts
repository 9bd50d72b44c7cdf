import { sharedIfTransaction } from '../../platform/db/tables';
import { type FieldProblem, Invalid } from '../../platform/web/errors';
import {
  type ArticleDescription,
  type ArticlePart,
  citationLabel,
  citationLabelIn,
  type ResolvedCitation,
  type StatuteService,
} from '../../statutes';
import type { InquiryDb } from '../tables';
import type { CitationRow } from './repository';

export function articlePath(statuteSlug: string, articleNumber: number) {
  return `/laws/${statuteSlug}/articles/${articleNumber}`;
}

/** A stored citation with the article it points at (described by statutes). */
export type CitationWithArticle = CitationRow & { article: ArticleDescription };

/**
 * Stored citations with their articles, in one statute-service call whatever their number; `db` is where the rows
 * were read, so the call runs in the same transaction when there is one.
 */
export async function withArticles(
  statutes: Pick<StatuteService, 'describeArticles'>,
  rows: CitationRow[],
  db?: InquiryDb,
): Promise<CitationWithArticle[]> {
  const articles = await statutes.describeArticles(
    rows.map((r) => r.article_id),
    db && sharedIfTransaction(db),
  );
  // A citation's article always exists (a foreign key keeps it); a row without one would be a broken database.
  return rows.flatMap((row) => {
    const article = articles.get(row.article_id);
    return article ? [{ ...row, article }] : [];
  });
}

/**
 * One legal-basis line per article: an answer citing paragraphs 1, 2 and 4 of one article shows
 * that article once, with the three paragraphs marked.
 */
export function citationsByArticle(rows: CitationWithArticle[]) {
  const lines = new Map<number, { first: CitationWithArticle; parts: ArticlePart[]; asWritten: string[] }>();
  for (const row of rows) {
    const line = lines.get(row.article_id) ?? { first: row, parts: [], asWritten: [] };
    line.parts.push({ paragraph: row.paragraph, item: row.item });
    line.asWritten.push(row.citation_text);
    lines.set(row.article_id, line);
  }
  return [...lines.values()].map(({ first: { article }, parts, asWritten }) => {
    const wholeArticle = parts.some((p) => !p.paragraph);
    return {
      label: citationLabel(article.statute.shortTitleEn, article.number, parts),
      /** 《中华人民共和国社会保险法》第七十二条第一款: how a Chinese text cites it. */
      labelZh: citationLabelIn('zh', article.statute, article, parts),
      asWritten,
      statute: {
        slug: article.statute.slug,
        titleZh: article.statute.titleZh,
        shortTitleEn: article.statute.shortTitleEn,
      },
      versionDate: article.versionDate,
      article: { number: article.number, label: article.label, text: article.text },
      /** Paragraphs to mark in the article text; empty when the whole article is cited. */
      paragraphs: wholeArticle ? [] : [...new Set(parts.map((p) => p.paragraph!))].sort((x, y) => x - y),
      parts,
      path: articlePath(article.statute.slug, article.number),
    };
  });
}

export type CitationLine = ReturnType<typeof citationsByArticle>[number];

/** Resolves every citation text of an answer; any that does not resolve refuses the whole answer, naming it. */
export async function resolveAll(
  statutes: Pick<StatuteService, 'resolveCitations'>,
  texts: string[],
): Promise<ResolvedCitation[]> {
  const resolved: ResolvedCitation[] = [];
  const problems: FieldProblem[] = [];
  for (const [index, text] of texts.entries()) {
    const field = `citations.${index}`;
    const found = await statutes.resolveCitations(text);
    if (found.length === 0) problems.push({ field, key: 'error.citation.noneFound', params: { text } });
    for (const citation of found) {
      if (citation.ok) resolved.push(citation);
      else for (const problem of citation.problems) problems.push({ field, ...problem });
    }
  }
  if (problems.length > 0) throw new Invalid('error.citation.unresolved', {}, problems);
  return resolved;
}

/** Resolved citations as an answer stores them. */
export function citationValues(citations: ResolvedCitation[]) {
  return citations.map((c) => ({
    article_id: c.article.id,
    paragraph: c.paragraph,
    item: c.item,
    citation_text: c.raw,
  }));
}
