import type { Kysely, Transaction } from 'kysely';
import { type SharedTransaction, shareTransaction } from '../platform/db/tables';
import { type ArticleMapping, alignArticles } from './alignment';
import type { CatalogueEntry, StatuteVersionFile } from './library-files';
import * as repo from './repository';
import type { StatuteTables } from './tables';

/** What a new version in force changed: told to other modules inside the import's transaction. */
export interface ArticlesChanged {
  statuteSlug: string;
  /** Articles of the previous version whose text stayed, and the same article of the new version. */
  unchanged: { from: number; to: number }[];
  /** Articles of the previous version whose text changed or which are gone. */
  amended: number[];
  /** When the new version was imported (ISO-8601). */
  at: string;
}

/**
 * Called inside the statute import's transaction, so what a listener writes commits or rolls back with the new
 * version (inquiry re-points its citations and flags its answers). Returns how many things it flagged for review.
 */
export type ArticlesChangedListener = (trx: SharedTransaction, change: ArticlesChanged) => Promise<number>;

/** Whether two versions of an article say the same: spacing and line breaks are layout, not law. */
export function sameArticleText(a: string, b: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, '');
  return squash(a) === squash(b);
}

/**
 * What an alignment means for answers: an article whose text went unchanged to a new place stays cited there;
 * every other old article (changed, split, merged, removed) was amended. Numbers are the old version's, and the
 * new version's for added articles.
 */
export function changesOf(mappings: ArticleMapping[]) {
  const changed: { number: number; oldId: number }[] = [];
  const removed: { number: number; oldId: number }[] = [];
  const unchanged: { from: number; to: number }[] = [];
  const added: { number: number }[] = [];
  const seen = new Set<number>();
  for (const m of mappings) {
    if (!m.from) {
      if (m.to) added.push({ number: m.to.number });
      continue;
    }
    if (seen.has(m.from.id)) continue;
    seen.add(m.from.id);
    if (m.kind === 'unchanged' || m.kind === 'moved') unchanged.push({ from: m.from.id, to: m.to!.id });
    else if (m.kind === 'removed') removed.push({ number: m.from.number, oldId: m.from.id });
    else changed.push({ number: m.from.number, oldId: m.from.id });
  }
  return { changed, added, removed, unchanged };
}

/**
 * Stores statute versions that are not stored yet (loading the same files twice adds nothing). When a version
 * becomes the one in force, the articles that changed, were added or were removed since the previous version
 * are recorded, and the listeners hear which articles stayed and which were amended.
 */
export async function importStatuteVersions(
  db: Kysely<StatuteTables>,
  catalogue: CatalogueEntry[],
  versions: StatuteVersionFile[],
  listeners: readonly ArticlesChangedListener[],
  now: Date,
  /** Told of statutes new to the library, after their versions are stored, in the same transaction. */
  onStatutesAdded?: (trx: Transaction<StatuteTables>, slugs: string[]) => Promise<number>,
) {
  const summary = {
    added: 0,
    skipped: 0,
    changed: 0,
    addedArticles: 0,
    removed: 0,
    answersFlagged: 0,
    /** Citations kept as text until now that name a statute this import added, and now resolve. */
    pendingResolved: 0,
  };
  const newStatutes: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const version of [...versions].sort((a, b) => a.versionDate.localeCompare(b.versionDate))) {
      const entry = catalogue.find((e) => e.slug === version.slug);
      if (!entry) throw new Error(`statute ${version.slug} is not in the catalogue`);
      const existing = await repo.findStatuteIdBySlug(trx, version.slug);
      if (existing === undefined) newStatutes.push(version.slug);
      const statuteId =
        existing ??
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
          part_zh: a.part,
          subpart_zh: a.subpart,
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
      // By text, not number (alignment.ts): a renumbered article is followed to where its rule now is.
      const mappings = alignArticles(before, after);
      await repo.insertArticleMappings(
        trx,
        mappings.map((m) => ({
          statute_id: statuteId,
          from_version_id: previous.id,
          to_version_id: versionId,
          from_article_id: m.from?.id ?? null,
          to_article_id: m.to?.id ?? null,
          kind: m.kind,
          similarity: Math.round(m.similarity * 1000),
        })),
      );
      const diff = changesOf(mappings);
      await repo.insertArticleChanges(
        trx,
        [
          ...diff.changed.map((a) => ({ article_number: a.number, change: 'changed' as const })),
          ...diff.added.map((a) => ({ article_number: a.number, change: 'added' as const })),
          ...diff.removed.map((a) => ({ article_number: a.number, change: 'removed' as const })),
        ].map((c) => ({ ...c, statute_id: statuteId, from_version_id: previous.id, to_version_id: versionId })),
      );
      const change: ArticlesChanged = {
        statuteSlug: version.slug,
        unchanged: diff.unchanged,
        amended: [...diff.changed, ...diff.removed].map((a) => a.oldId),
        at: now.toISOString(),
      };
      for (const listener of listeners) summary.answersFlagged += await listener(shareTransaction(trx), change);
      summary.changed += diff.changed.length;
      summary.addedArticles += diff.added.length;
      summary.removed += diff.removed.length;
    }
    if (newStatutes.length > 0 && onStatutesAdded) summary.pendingResolved = await onStatutesAdded(trx, newStatutes);
  });
  return summary;
}
