/**
 * Saved searches and job alerts: a person saves a search of the jobs board; once a day each search's new jobs
 * (open, matching, posted after the search was saved and not notified for it before) are notified once, in-app
 * and by mail. See CONTEXT.md and docs/decisions/0116-job-alerts.md.
 */
import type { Viewer } from '../accounts';
import { Conflict, NotFound } from '../platform/web/errors';
import type { I18n } from '../platform/web/i18n';
import { validInput } from '../platform/web/validation';
import type { AlertsContext } from './deps';
import { parseQueryString, pathOf, readStoredQuery, type SavedQuery } from './query';
import * as repo from './repository';
import { MAX_NAME_LENGTH, saveSearchSchema } from './schemas';
import { placeCodes, type SummaryNames, summaryText } from './summary';

/** Saved searches a person may keep. */
export const MAX_SEARCHES_PER_USER = 20;
/** A search runs again a day after its last run. */
export const RUN_EVERY_MS = 24 * 3600 * 1000;
/**
 * How far before its last run a run looks (never before the search was saved): a job can enter the board after
 * the run that should have seen it with an earlier posted_at (its approval committed while the run read; the
 * index keeps minutes). The jobs notified are recorded, so looking again never notifies twice.
 */
export const LOOK_BACK_MS = 2 * 24 * 3600 * 1000;
/** New jobs taken per search and run (the notification says how many; the link shows them all). */
export const MAX_NEW_PER_RUN = 500;
/** New jobs counted per search on the list ("100+" beyond). */
export const NEW_COUNT_SHOWN = 100;
/** Searches read per batch of a run. */
const RUN_BATCH = 100;
const NAME_LENGTH = MAX_NAME_LENGTH;

const later = (a: string, b: string) => (a > b ? a : b);
const shorten = (text: string) => (text.length > NAME_LENGTH ? `${text.slice(0, NAME_LENGTH - 1)}…` : text);

export interface RunResult {
  /** Searches that ran. */
  searches: number;
  /** Notifications sent (one per search with new jobs). */
  notified: number;
  /** Jobs notified, over all searches. */
  jobs: number;
  /** Searches that could not run (a stored search the board no longer accepts), by id. */
  failed: number[];
}

export function createAlertService(ctx: AlertsContext) {
  const { db } = ctx;

  async function namesFor(queries: SavedQuery[], i18n: I18n): Promise<SummaryNames> {
    return { places: await ctx.regions.named(placeCodes(queries)), benefits: ctx.jobs.benefitChoices(i18n.locale) };
  }

  /** The stored search, or null when the board no longer accepts it (a tag or a choice since removed). */
  function storedQuery(json: string): SavedQuery | null {
    try {
      return readStoredQuery(json);
    } catch {
      return null;
    }
  }

  /** Finds the search's new jobs since `since`, notifies those not notified before, records them. */
  async function runOne(search: repo.SavedSearch, now: Date, result: RunResult): Promise<void> {
    const previous = search.last_run_at;
    if (!(await repo.claimRun(db, search.id, previous, now.toISOString()))) return; // another runner has it
    const query = storedQuery(search.query_json);
    if (!query) {
      result.failed.push(search.id);
      return;
    }
    const since = later(search.created_at, new Date(Date.parse(previous) - LOOK_BACK_MS).toISOString());
    let found: { id: number; postedAt: string }[];
    try {
      found = await ctx.jobs.newMatches(query, new Date(since), MAX_NEW_PER_RUN);
    } catch {
      // A city or tag the board no longer knows: the search is shown as it is, its owner may delete it.
      result.failed.push(search.id);
      return;
    }
    result.searches += 1;
    const notified = await repo.notifiedAmong(
      db,
      search.id,
      found.map((job) => job.id),
    );
    const fresh = found.filter((job) => !notified.has(job.id));
    // Recorded before the notification is sent: a crash between the two loses one notification rather than
    // sending it twice (the alert's promise is "once").
    await db.transaction().execute(async (trx) => {
      await repo.recordNotified(trx, search.id, fresh, now.toISOString());
      await repo.pruneNotified(trx, search.id, since);
    });
    if (fresh.length === 0) return;
    await ctx.notifications.notify([search.user_id], {
      kind: 'savedSearchMatches',
      params: { name: search.name, count: fresh.length },
      link: search.search_path,
    });
    result.notified += 1;
    result.jobs += fresh.length;
  }

  const service = {
    /**
     * Saves the search of a /jobs query string for the viewer, named as they asked or by its summary in their
     * language. Refused: a bad search (the field's reason), one they saved already, more than the limit.
     */
    async save(viewer: Viewer, input: { query: string; name: string }, i18n: I18n): Promise<{ id: number }> {
      const values = validInput(saveSearchSchema, input);
      const query = parseQueryString(values.query);
      const now = ctx.now();
      // The board's own check of the places and tags (an unknown city is a 400 here as on /jobs).
      await ctx.jobs.newMatches(query, now, 1);
      const searchPath = pathOf(query);
      const name = values.name || shorten(summaryText(query, await namesFor([query], i18n), i18n));
      return db.transaction().execute(async (trx) => {
        if (await repo.findByPath(trx, viewer.id, searchPath)) throw new Conflict('alerts.error.duplicate');
        if ((await repo.countOfUser(trx, viewer.id)) >= MAX_SEARCHES_PER_USER) {
          throw new Conflict('alerts.error.limit', { max: MAX_SEARCHES_PER_USER });
        }
        const at = now.toISOString();
        const id = await repo.insertSearch(trx, {
          user_id: viewer.id,
          name,
          query_json: JSON.stringify(query),
          search_path: searchPath,
          created_at: at,
          last_run_at: at,
        });
        return { id };
      });
    },

    /** The viewer's saved searches, newest first: each with its summary and how many new jobs match it now. */
    async listFor(viewer: Viewer, i18n: I18n) {
      const rows = await repo.listOfUser(db, viewer.id);
      const queries = rows.map((row) => storedQuery(row.query_json));
      const names = await namesFor(
        queries.filter((q): q is SavedQuery => q !== null),
        i18n,
      );
      const items = [];
      for (const [i, row] of rows.entries()) {
        const query = queries[i] ?? null;
        const since = new Date(row.last_run_at);
        const newJobs = query ? await ctx.jobs.newMatches(query, since, NEW_COUNT_SHOWN + 1).catch(() => null) : null;
        items.push({
          id: row.id,
          name: row.name,
          summary: query ? summaryText(query, names, i18n) : null,
          path: row.search_path,
          savedAt: row.created_at,
          lastRunAt: row.last_run_at,
          /** New jobs since the last run (null: the search no longer runs). */
          newCount: newJobs === null ? null : Math.min(newJobs.length, NEW_COUNT_SHOWN),
          moreThanShown: newJobs !== null && newJobs.length > NEW_COUNT_SHOWN,
        });
      }
      return { items, max: MAX_SEARCHES_PER_USER };
    },

    /** Deletes one of the viewer's saved searches; another person's is not found (it is not theirs to know of). */
    async remove(viewer: Viewer, id: number): Promise<void> {
      const deleted = await db.transaction().execute((trx) => repo.deleteOwned(trx, id, viewer.id));
      if (!deleted) throw new NotFound('alerts.error.notFound');
    },

    /**
     * Runs every search whose last run is a day old (`now` − 24 h): the app's timer calls it every hour, and
     * `npm run alerts:run`. Safe to run in two processes at once: each search is claimed by one.
     */
    async runDueAlerts(now: Date = ctx.now()): Promise<RunResult> {
      const result: RunResult = { searches: 0, notified: 0, jobs: 0, failed: [] };
      const cutoff = new Date(now.getTime() - RUN_EVERY_MS).toISOString();
      const tried = new Set<number>();
      for (;;) {
        // A search leaves the due list once claimed (its last run is now), by this runner or another one;
        // `tried` only guards against a search that stays due whatever happens.
        const due = (await repo.listDue(db, cutoff, RUN_BATCH)).filter((s) => !tried.has(s.id));
        if (due.length === 0) break;
        for (const search of due) {
          tried.add(search.id);
          await runOne(search, now, result);
        }
      }
      return result;
    },

    /** Saved searches are personal data: exported with the account, deleted with it (the privacy module asks). */
    personalData: {
      name: 'savedSearches',
      async exportFor(userId: number) {
        const rows = await repo.listOfUser(db, userId);
        return rows.map((row) => ({
          name: row.name,
          search: row.search_path,
          parameters: JSON.parse(row.query_json) as unknown,
          savedAt: row.created_at,
          lastRunAt: row.last_run_at,
        }));
      },
      async forget(userId: number): Promise<void> {
        await db.transaction().execute((trx) => repo.deleteAllOfUser(trx, userId));
      },
    },
  };
  return service;
}

export type AlertService = ReturnType<typeof createAlertService>;
