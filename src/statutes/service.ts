import type { Kysely } from 'kysely';
import { type Invalidation, localInvalidation } from '../platform/db/invalidation';
import { runOn, type SharedTransaction, shareTransaction } from '../platform/db/tables';
import { NotFound } from '../platform/web/errors';
import { parseCitations, type StatuteName, statuteNamesFromCatalogue } from './citation-parser';
import { articleRefs, type CitationResolution, resolveParsed, statuteOf } from './citations';
import type { CatalogueEntry, StatuteVersionFile } from './library-files';
import { type AliasTable, chineseNameForms, EMPTY_ALIAS_TABLE } from './name-rules';
import * as repo from './repository';
import { type SitemapEntry, sitemapEntriesOf } from './sitemap';
import {
  type BasisEvidence,
  type BasisEvidenceProvider,
  type KeywordTable,
  LegalBasisSuggester,
  type LegalBasisSuggestion,
  type Signal,
  type LegalBasisSuggester as Suggester,
} from './suggest/suggest';
import type { MappingKind, StatuteTables } from './tables';
import { type ArticlesChangedListener, importStatuteVersions } from './versions';

/** A published question whose answer cites an article: other modules say which (the article page lists them). */
export interface CitingQuestion {
  id: number;
  slug: string;
  title: string;
  locale: string;
  path: string;
  /**
   * The question this one is a translation of, if it is one: the article page then lists the pair once, in the
   * reader's language.
   */
  translationOf?: number | null;
}

export type CitingQuestionsProvider = (articleIds: number[]) => Promise<CitingQuestion[]>;

/** An article of any version, with its statute: what other modules show beside a citation. */
export interface ArticleDescription {
  id: number;
  number: number;
  label: string;
  text: string;
  versionDate: string;
  inForce: boolean;
  statute: { slug: string; titleZh: string; titleEn: string; shortTitleEn: string };
}

/**
 * Told inside a statute import's transaction of statutes new to the library, with every name the parser now reads
 * for them, so citations kept as text that name one can be resolved (inquiry's pending citations). Returns how
 * many citations it resolved.
 */
export type StatutesAddedListener = (
  trx: SharedTransaction,
  added: { slugs: string[]; names: string[] },
) => Promise<number>;

export function createStatuteService(
  db: Kysely<StatuteTables>,
  options: { aliases?: AliasTable; keywords?: KeywordTable; invalidation?: Invalidation } = {},
) {
  const aliasTable = options.aliases ?? EMPTY_ALIAS_TABLE;
  const keywords = options.keywords ?? { entries: [] };
  // Built on first use and dropped when the library changes: the articles in force with their ids.
  let suggester: Promise<{ suggester: Suggester; docOfId: Map<number, number> }> | null = null;
  let basisEvidence: BasisEvidenceProvider = async () => ({ similar: [], topic: null });
  // The parser's name list changes only when statutes are imported; build it once per import.
  let namesCache: Promise<StatuteName[]> | null = null;
  // Built on first use and dropped when the library changes, like the name list.
  /** An older version's article → the article in force carrying its rule (null: removed), for the suggester. */
  const successorOf = new Map<number, number | null>();
  // Changes only with an import, like the two above; the sitemap is asked for often by crawlers.
  let sitemapCache: Promise<SitemapEntry[]> | null = null;
  const changeListeners: ArticlesChangedListener[] = [];
  const addedListeners: StatutesAddedListener[] = [];
  let citingQuestions: CitingQuestionsProvider = async () => [];
  // What the library's import changes, forgotten by every server of the site (decision 0122): an import run by
  // the command line or another server reaches this one.
  const invalidation = options.invalidation ?? localInvalidation();
  const libraryListeners: (() => void)[] = [];
  invalidation.subscribe('statutes', () => {
    namesCache = null;
    suggester = null;
    successorOf.clear();
    sitemapCache = null;
    for (const listener of libraryListeners) listener();
  });

  /** The names the parser reads, from the statutes stored (in `source`: a transaction sees its own imports). */
  async function namesFrom(source: Kysely<StatuteTables>): Promise<StatuteName[]> {
    const rows = await repo.listStatutesWithCurrentVersion(source);
    return statuteNamesFromCatalogue(
      rows.map((row) => {
        const aliases = JSON.parse(row.aliases_json) as { zh: string[]; en: string[] };
        const more = aliasTable.statutes[row.slug];
        return {
          slug: row.slug,
          titleZh: row.title_zh,
          titleEn: row.title_en,
          shortTitleEn: row.short_title_en,
          aliasesZh: [row.short_title_zh, ...aliases.zh, ...(more?.zh ?? [])],
          aliasesEn: [...aliases.en, ...(more?.en ?? [])],
        };
      }),
      (name) => chineseNameForms(name, aliasTable.prefixes),
    );
  }

  function statuteNames(): Promise<StatuteName[]> {
    namesCache ??= namesFrom(db);
    return namesCache;
  }

  async function resolveIn(source: Kysely<StatuteTables>, names: StatuteName[], text: string) {
    const parsed = parseCitations(text, names);
    const articles = await repo.findCurrentArticles(source, articleRefs(parsed));
    return resolveParsed(parsed, new Map(articles.map((a) => [`${a.slug}#${a.number}`, a])));
  }

  return {
    /** Tells `listener` of every new version in force, inside the import's transaction (see versions.ts). */
    onArticlesChanged(listener: ArticlesChangedListener) {
      changeListeners.push(listener);
    },

    /** Who cites an article, for the article page: answered by the module that keeps citations (inquiry). */
    provideCitingQuestions(provider: CitingQuestionsProvider) {
      citingQuestions = provider;
    },

    /**
     * `listener` runs on every server of the site once an import of the library is committed: what others cached
     * of statutes (the citations on question pages) may be out of date.
     */
    onLibraryChanged(listener: () => void) {
      libraryListeners.push(listener);
    },

    /** Tells `listener` of statutes new to the library, inside the import's transaction (StatutesAddedListener). */
    onStatutesAdded(listener: StatutesAddedListener) {
      addedListeners.push(listener);
    },

    /**
     * Finds every citation in free text and resolves it against the statute versions in force; inside the
     * caller's transaction when given one (a statute import's listener sees the statutes it is adding).
     */
    async resolveCitations(text: string, trx?: SharedTransaction): Promise<CitationResolution[]> {
      if (trx) {
        const source = runOn(db, trx);
        return resolveIn(source, await namesFrom(source), text);
      }
      return resolveIn(db, await statuteNames(), text);
    },

    /**
     * Articles of any version by id, with their statute (for citations stored by other modules); inside the
     * caller's transaction when it is in one.
     */
    async describeArticles(ids: Iterable<number>, trx?: SharedTransaction): Promise<Map<number, ArticleDescription>> {
      const rows = await repo.describeArticles(runOn(db, trx), [...new Set(ids)]);
      return new Map(
        rows.map((a) => [
          a.id,
          {
            id: a.id,
            number: a.number,
            label: a.label_zh,
            text: a.text_zh,
            versionDate: a.version_date,
            inForce: a.is_current === 1,
            statute: { slug: a.slug, titleZh: a.title_zh, titleEn: a.title_en, shortTitleEn: a.short_title_en },
          },
        ]),
      );
    },

    /**
     * For articles of older versions: the articles in force that now carry their rule, followed along the text
     * alignments of each newer version (alignment.ts), best match first, and how they relate at the last step
     * (moved, changed, split, merged). An article with no alignment stored (a version imported before
     * alignments were kept) is followed by its number, as before. No entry: the rule was removed.
     */
    async successorsInForce(
      articleIds: number[],
    ): Promise<Map<number, { articleId: number; kind: MappingKind; similarity: number }[]>> {
      const out = new Map<number, { articleId: number; kind: MappingKind; similarity: number }[]>();
      const unaligned: number[] = [];
      let frontier = new Map([...new Set(articleIds)].map((id) => [id, [id]]));
      for (let step = 0; step < 10 && frontier.size > 0; step++) {
        const rows = await repo.findNextArticles(db, [...new Set([...frontier.values()].flat())]);
        const next = new Map<number, number[]>();
        for (const [origin, ids] of frontier) {
          const steps = rows.filter((r) => ids.includes(r.from_article_id!));
          if (steps.length === 0) {
            if (step === 0) unaligned.push(origin);
            continue;
          }
          for (const r of steps) {
            if (r.to_article_id === null) continue;
            if (r.is_current === 1) {
              const list = out.get(origin) ?? [];
              if (!list.some((x) => x.articleId === r.to_article_id))
                list.push({ articleId: r.to_article_id, kind: r.kind, similarity: r.similarity / 1000 });
              out.set(origin, list);
            } else next.set(origin, [...(next.get(origin) ?? []), r.to_article_id]);
          }
        }
        frontier = next;
      }
      for (const [oldId, currentId] of await this.counterpartsInForce(unaligned))
        if (oldId !== currentId) out.set(oldId, [{ articleId: currentId, kind: 'changed', similarity: 0 }]);
      return out;
    },

    /** For articles of older versions: the id of the same-numbered article in force, where there is one. */
    async counterpartsInForce(articleIds: number[]): Promise<Map<number, number>> {
      const rows = await repo.findCounterpartsInForce(db, [...new Set(articleIds)]);
      return new Map(rows.map((r) => [r.old_id, r.current_id]));
    },

    /** Who knows which articles answers to similar questions cite: the module keeping answers (inquiry). */
    provideBasisEvidence(provider: BasisEvidenceProvider) {
      basisEvidence = provider;
    },

    /**
     * Suggested legal basis for a question: the articles in force it most likely needs, each with why
     * (suggest/suggest.ts). `signals` and `leaveOut` (translation groups the neighbours must not come from) are
     * for measuring the suggester on questions the site already answers.
     */
    async suggestLegalBasis(
      text: string,
      options: { limit?: number; signals?: ReadonlySet<Signal>; leaveOut?: readonly string[] } = {},
    ): Promise<LegalBasisSuggestion[]> {
      if (!/[\p{L}\p{N}]/u.test(text)) return [];
      suggester ??= repo.listCurrentArticles(db).then((rows) => ({
        docOfId: new Map(rows.map((r, i) => [r.id, i])),
        suggester: new LegalBasisSuggester(
          rows.map((r) => ({
            slug: r.slug,
            titleZh: r.title_zh,
            titleEn: r.title_en,
            shortTitleEn: r.short_title_en,
            shortTitleZh: r.short_title_zh,
            number: r.number,
            label: r.label_zh,
            chapter: r.chapter_zh,
            text: r.text_zh,
          })),
          keywords,
        ),
      }));
      const { suggester: index, docOfId } = await suggester;
      const wanted = options.signals;
      const needsEvidence = !wanted || wanted.has('similar') || wanted.has('topic');
      const evidence: BasisEvidence = needsEvidence
        ? await basisEvidence(text, { leaveOut: options.leaveOut })
        : { similar: [], topic: null };
      // Citations of older versions count for the article in force now carrying their rule (the best successor
      // along the alignments, not the one with the same number), each looked up once until the library changes.
      const older = [...evidence.similar, ...(evidence.topic?.articles ?? [])]
        .map((e) => e.articleId)
        .filter((id) => !docOfId.has(id) && !successorOf.has(id));
      if (older.length > 0) {
        const found = await this.successorsInForce(older);
        for (const id of new Set(older)) successorOf.set(id, found.get(id)?.[0]?.articleId ?? null);
      }
      const docOf = (id: number) => docOfId.get(id) ?? docOfId.get(successorOf.get(id) ?? -1);
      const withDoc = <T extends { articleId: number }>(list: T[]) =>
        list.flatMap((e) => {
          const doc = docOf(e.articleId);
          return doc === undefined ? [] : [{ ...e, doc }];
        });
      return index.suggest(
        text,
        {
          similar: withDoc(evidence.similar),
          topic: withDoc(evidence.topic?.articles ?? []),
          topicName: evidence.topic ? { slug: evidence.topic.slug, name: evidence.topic.name } : null,
        },
        Math.min(Math.max(options.limit ?? 5, 1), 20),
        wanted,
      );
    },

    /**
     * The library's pages for a sitemap: /laws, every statute in force and each of its articles, with the date
     * (YYYY-MM-DD) their law last changed. Paths are without language prefix: each page exists in every language.
     */
    sitemapEntries(): Promise<SitemapEntry[]> {
      if (sitemapCache) return sitemapCache;
      const pending = repo.listArticleTextsOfAllVersions(db).then(sitemapEntriesOf);
      // A failed read is not kept (the next call tries again), unless an import has replaced it meanwhile.
      pending.catch(() => {
        if (sitemapCache === pending) sitemapCache = null;
      });
      sitemapCache = pending;
      return pending;
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

    /** A statute in the version in force, or in the version of `versionDate` (older versions stay readable). */
    async getStatute(slug: string, versionDate?: string) {
      const statute = versionDate
        ? await repo.findStatuteWithVersion(db, slug, versionDate)
        : await repo.findStatuteWithCurrentVersion(db, slug);
      if (!statute) {
        if (versionDate && (await repo.findStatuteIdBySlug(db, slug)))
          throw new NotFound('error.statute.versionNotFound', { slug, date: versionDate });
        throw new NotFound('error.statute.notFound', { slug });
      }
      const [articles, versions] = await Promise.all([
        repo.listArticlesOfVersion(db, statute.version_id),
        repo.listVersionDates(db, statute.id),
      ]);
      return {
        inForce: !versionDate || ('is_current' in statute && statute.is_current === 1),
        versions: versions.map((v) => ({ date: v.version_date, inForce: v.is_current === 1 })),
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
          part: a.part_zh,
          subpart: a.subpart_zh,
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
        if (!statute) throw new NotFound('error.statute.notFound', { slug });
        throw new NotFound('error.article.notFound', { slug, number });
      }
      // Answers citing this article in any version: earlier articles whose rule it carries count too.
      const ids = [article.id];
      let frontier = [article.id];
      for (let step = 0; step < 10 && frontier.length > 0; step++) {
        const previous = (await repo.findPreviousArticles(db, frontier))
          .map((r) => r.from_article_id!)
          .filter((id) => !ids.includes(id));
        ids.push(...previous);
        frontier = previous;
      }
      const citedBy = await citingQuestions(ids);
      return {
        statute: statuteOf(article),
        number: article.number,
        label: article.label_zh,
        text: article.text_zh,
        citedBy,
      };
    },

    /**
     * Stores statute versions not stored yet; a new version in force tells the listeners what it changed
     * (versions.ts), inside the same transaction.
     */
    async importVersions(catalogue: CatalogueEntry[], versions: StatuteVersionFile[], now = new Date()) {
      const summary = await importStatuteVersions(db, catalogue, versions, changeListeners, now, async (trx, slugs) => {
        if (addedListeners.length === 0) return 0;
        const names = (await namesFrom(trx)).filter((n) => slugs.includes(n.slug)).flatMap((n) => n.names);
        let resolved = 0;
        for (const listener of addedListeners) resolved += await listener(shareTransaction(trx), { slugs, names });
        return resolved;
      });
      invalidation.publish('statutes');
      return summary;
    },

    /** Loads the shipped library (see importVersions). */
    async loadLibrary(catalogue: CatalogueEntry[], versions: StatuteVersionFile[], now = new Date()) {
      return this.importVersions(catalogue, versions, now);
    },
  };
}

export type StatuteService = ReturnType<typeof createStatuteService>;
