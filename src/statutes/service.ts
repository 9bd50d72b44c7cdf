import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../web/errors';
import { ArticleIndex, type ArticleSuggestion } from './article-suggest';
import { type ParsedCitation, parseCitations, type StatuteName, statuteNamesFromCatalogue } from './citation-parser';
import type { CatalogueEntry, StatuteVersionFile } from './library-files';
import * as repo from './repository';

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

export interface FailedCitation {
  raw: string;
  span: [number, number];
  ok: false;
  reason: string;
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

/** Article by article, by number: what changed text, what is new, what is gone, what stayed. */
export function compareArticles(
  before: { id: number; number: number; text_zh: string }[],
  after: { id: number; number: number; text_zh: string }[],
) {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const next = new Map(after.map((a) => [a.number, a]));
  const previous = new Set(before.map((a) => a.number));
  const changed: { number: number; oldId: number }[] = [];
  const removed: { number: number; oldId: number }[] = [];
  const unchanged: { from: number; to: number }[] = [];
  for (const old of before) {
    const now = next.get(old.number);
    if (!now) removed.push({ number: old.number, oldId: old.id });
    else if (squash(now.text_zh) !== squash(old.text_zh)) changed.push({ number: old.number, oldId: old.id });
    else unchanged.push({ from: old.id, to: now.id });
  }
  const added = after.filter((a) => !previous.has(a.number)).map((a) => ({ number: a.number }));
  return { changed, added, removed, unchanged };
}

export function createStatuteService(db: Kysely<Database>) {
  // The parser's name list changes only when statutes are imported; build it once per import.
  let namesCache: Promise<StatuteName[]> | null = null;
  // Built on first use and dropped when the library changes, like the name list.
  let articleIndex: Promise<ArticleIndex> | null = null;

  function statuteNames(): Promise<StatuteName[]> {
    namesCache ??= repo.listStatutesWithCurrentVersion(db).then((rows) =>
      statuteNamesFromCatalogue(
        rows.map((row) => {
          const aliases = JSON.parse(row.aliases_json) as { zh: string[]; en: string[] };
          return {
            slug: row.slug,
            titleZh: row.title_zh,
            titleEn: row.title_en,
            shortTitleEn: row.short_title_en,
            aliasesZh: [row.short_title_zh, ...aliases.zh],
            aliasesEn: aliases.en,
          };
        }),
      ),
    );
    return namesCache;
  }

  async function resolveParsed(parsed: ParsedCitation[]): Promise<CitationResolution[]> {
    const refs = parsed
      .filter((c) => !c.error && c.statuteSlug && c.article)
      .map((c) => ({ slug: c.statuteSlug!, number: c.article! }));
    const articles = await repo.findCurrentArticles(db, refs);
    const byRef = new Map(articles.map((a) => [`${a.slug}#${a.number}`, a]));

    return parsed.map((c): CitationResolution => {
      const base = { raw: c.raw, span: c.span };
      if (c.error || !c.statuteSlug || !c.article) {
        return { ...base, ok: false, reason: c.error ?? `"${c.raw}" does not name a statute and an article` };
      }
      const article = byRef.get(`${c.statuteSlug}#${c.article}`);
      if (!article) {
        return {
          ...base,
          ok: false,
          reason: `"${c.raw}": ${c.statuteSlug} has no Article ${c.article} in the version in force`,
        };
      }
      const paragraphs = splitParagraphs(article.text_zh);
      if (c.paragraph && c.paragraph > paragraphs.length) {
        return {
          ...base,
          ok: false,
          reason: `"${c.raw}": Article ${c.article} of ${article.short_title_en} has ${paragraphs.length} paragraph(s), not ${c.paragraph}`,
        };
      }
      return {
        ...base,
        ok: true,
        statute: {
          slug: article.slug,
          titleZh: article.title_zh,
          titleEn: article.title_en,
          shortTitleEn: article.short_title_en,
          versionDate: article.version_date,
        },
        article: { id: article.id, number: article.number, label: article.label_zh, text: article.text_zh },
        paragraph: c.paragraph,
        item: c.item,
        label: citationLabel(article.short_title_en, article.number, [{ paragraph: c.paragraph, item: c.item }]),
      };
    });
  }

  return {
    /** Finds every citation in free text and resolves it against the statute versions in force. */
    async resolveCitations(text: string): Promise<CitationResolution[]> {
      return resolveParsed(parseCitations(text, await statuteNames()));
    },

    /** The articles in force that best match a question, for an expert choosing the legal basis. */
    async suggestArticles(text: string, limit = 8): Promise<ArticleSuggestion[]> {
      articleIndex ??= repo.listCurrentArticles(db).then(
        (rows) =>
          new ArticleIndex(
            rows.map((r) => ({
              slug: r.slug,
              titleZh: r.title_zh,
              shortTitleEn: r.short_title_en,
              number: r.number,
              label: r.label_zh,
              text: r.text_zh,
            })),
          ),
      );
      return (await articleIndex).suggest(text, limit);
    },

    async listStatutes() {
      const rows = await repo.listStatutesWithCurrentVersion(db);
      return rows.map((row) => ({
        slug: row.slug,
        titleZh: row.title_zh,
        titleEn: row.title_en,
        shortTitleEn: row.short_title_en,
        level: row.level_zh,
        tier: row.tier,
        versionDate: row.version_date,
        articleCount: Number(row.article_count),
      }));
    },

    async getStatute(slug: string) {
      const statute = await repo.findStatuteWithCurrentVersion(db, slug);
      if (!statute) throw notFound(`No statute "${slug}" in the library`);
      const articles = await repo.listArticlesOfVersion(db, statute.version_id);
      return {
        slug: statute.slug,
        titleZh: statute.title_zh,
        titleEn: statute.title_en,
        shortTitleEn: statute.short_title_en,
        level: statute.level_zh,
        versionDate: statute.version_date,
        history: JSON.parse(statute.history_json) as string[],
        preamble: statute.preamble_zh,
        sourceRef: statute.source_ref,
        articles: articles.map((a) => ({
          number: a.number,
          label: a.label_zh,
          chapter: a.chapter_zh,
          section: a.section_zh,
          text: a.text_zh,
        })),
      };
    },

    async getArticle(slug: string, number: number) {
      const [article] = await repo.findCurrentArticles(db, [{ slug, number }]);
      if (!article) {
        const statute = await repo.findStatuteIdBySlug(db, slug);
        throw notFound(statute ? `${slug} has no Article ${number}` : `No statute "${slug}" in the library`);
      }
      const citedBy = await repo.listQuestionsCitingArticle(db, article.id);
      return {
        statute: {
          slug: article.slug,
          titleZh: article.title_zh,
          titleEn: article.title_en,
          shortTitleEn: article.short_title_en,
          versionDate: article.version_date,
        },
        number: article.number,
        label: article.label_zh,
        text: article.text_zh,
        citedBy,
      };
    },

    /**
     * Stores statute versions that are not stored yet (loading the same files twice adds nothing). When
     * a version becomes the one in force, the articles that changed, were added or were removed since
     * the previous version are recorded; citations of unchanged articles move to the new version, and
     * published answers citing a changed or removed article are flagged for an editor.
     */
    async importVersions(catalogue: CatalogueEntry[], versions: StatuteVersionFile[], now = new Date()) {
      const summary = { added: 0, skipped: 0, changed: 0, addedArticles: 0, removed: 0, answersFlagged: 0 };
      await db.transaction().execute(async (trx) => {
        for (const version of [...versions].sort((a, b) => a.versionDate.localeCompare(b.versionDate))) {
          const entry = catalogue.find((e) => e.slug === version.slug);
          if (!entry) throw new Error(`statute ${version.slug} is not in the catalogue`);
          const statuteId =
            (await repo.findStatuteIdBySlug(trx, version.slug)) ??
            (await repo.insertStatute(trx, {
              slug: entry.slug,
              title_zh: version.titleZh,
              short_title_zh: version.shortTitleZh,
              title_en: entry.titleEn,
              short_title_en: entry.shortTitleEn,
              level_zh: version.levelZh,
              tier: version.tier,
              aliases_json: JSON.stringify({ zh: entry.aliasesZh, en: entry.aliasesEn }),
              position: catalogue.indexOf(entry),
            }));
          if (await repo.findVersion(trx, statuteId, version.versionDate)) {
            summary.skipped += 1;
            continue;
          }
          const previous = await repo.findCurrentVersion(trx, statuteId);
          const versionId = await repo.insertVersion(trx, {
            statute_id: statuteId,
            version_date: version.versionDate,
            history_json: JSON.stringify(version.history),
            preamble_zh: version.preamble,
            source_ref: version.sourceRef,
            imported_at: now.toISOString(),
          });
          await repo.insertArticles(
            trx,
            versionId,
            version.articles.map((a) => ({
              number: a.number,
              label_zh: a.label,
              chapter_zh: a.chapter,
              section_zh: a.section,
              text_zh: a.text,
            })),
          );
          await repo.markNewestVersionCurrent(trx, statuteId);
          summary.added += 1;
          // An older version filed late changes nothing for readers: only a new version in force does.
          if (!previous || previous.version_date > version.versionDate) continue;
          const [before, after] = await Promise.all([
            repo.listArticlesOfVersion(trx, previous.id),
            repo.listArticlesOfVersion(trx, versionId),
          ]);
          const diff = compareArticles(before, after);
          await repo.insertArticleChanges(
            trx,
            [
              ...diff.changed.map((a) => ({ article_number: a.number, change: 'changed' as const })),
              ...diff.added.map((a) => ({ article_number: a.number, change: 'added' as const })),
              ...diff.removed.map((a) => ({ article_number: a.number, change: 'removed' as const })),
            ].map((c) => ({ ...c, statute_id: statuteId, from_version_id: previous.id, to_version_id: versionId })),
          );
          await repo.repointCitations(trx, diff.unchanged);
          summary.answersFlagged += await repo.flagAnswersCiting(
            trx,
            [...diff.changed, ...diff.removed].map((a) => a.oldId),
            now.toISOString(),
          );
          summary.changed += diff.changed.length;
          summary.addedArticles += diff.added.length;
          summary.removed += diff.removed.length;
        }
      });
      namesCache = null;
      articleIndex = null;
      return summary;
    },

    /** Loads the shipped library (see importVersions). */
    async loadLibrary(catalogue: CatalogueEntry[], versions: StatuteVersionFile[], now = new Date()) {
      return this.importVersions(catalogue, versions, now);
    },
  };
}

export type StatuteService = ReturnType<typeof createStatuteService>;
