/**
 * The jobs board's writing side: employers' drafts, submission, pause, close, renew, edits of live jobs
 * (employer-service.ts); moderation (moderation-service.ts); reports, expiry and shipped jobs (here).
 */
import type { Viewer } from '../../accounts';
import { NotFound } from '../../platform/web/errors';
import { validInput } from '../../platform/web/validation';
import type { JobsContext } from '../deps';
import { type ReportInput, reportInputSchema, type ShippedJob } from '../schemas';
import { checkPlaces, placeChoices } from './checks';
import { createEmployerActions } from './employer-service';
import { chinaDate, isExpired, jobState } from './expiry';
import { jobColumns, jobPath } from './fields';
import { createModeration } from './moderation-service';
import type { PostingDeps } from './posting-deps';
import * as repo from './repository';

export type { PostingDeps };

const DAY_MS = 24 * 3600 * 1000;
/** Shipped jobs stay open this long after the day they say they were posted (counted from the load). */
const SHIPPED_VALID_DAYS = 30;

export function createPostingService(ctx: JobsContext, deps: PostingDeps) {
  const { db } = ctx;
  const employer = createEmployerActions(ctx, deps);
  const moderation = createModeration(ctx, deps);

  /** A job the public sees: published and not expired; any other is not found. */
  async function publicJob(jobId: number) {
    const job = await repo.findJob(db, jobId);
    if (job?.status !== 'published' || isExpired(job, ctx.now()))
      throw new NotFound('employer.error.jobNotFound', { id: jobId });
    return job;
  }

  return {
    ...employer,
    ...moderation,

    /** The form's choices: cities with their districts, benefit tags. */
    async formChoices() {
      return { places: await placeChoices(ctx), benefits: ctx.benefits };
    },

    /** The company a new job is written for, if the viewer acts for it. */
    async companyFor(viewer: Viewer, companyId: number) {
      await employer.requireActsFor(viewer, companyId);
      const company = (await ctx.companies.describe([companyId])).get(companyId);
      if (!company) throw new NotFound('employer.error.companyNotFound');
      return company;
    },

    /** The employer's dashboard: each company they act for, with its jobs, their state and what waits. */
    async dashboard(viewer: Viewer) {
      const memberships = await ctx.companies.membershipsOf(viewer.id);
      const jobs = await repo.listJobsOfCompanies(
        db,
        memberships.map((m) => m.company.id),
      );
      const editing = await repo.pendingEditJobIds(
        db,
        jobs.map((j) => j.id),
      );
      const now = ctx.now();
      return memberships.map(({ company, role }) => ({
        company,
        role,
        jobs: jobs
          .filter((job) => job.company_id === company.id)
          .map((job) => ({ job, state: jobState(job, now), pendingEdit: editing.has(job.id) })),
      }));
    },

    /** Anyone (signed in or not) reports a public job to moderation. */
    async report(viewer: Viewer | null, jobId: number, values: unknown): Promise<void> {
      const input: ReportInput = validInput(reportInputSchema, values);
      await publicJob(jobId);
      await repo.insertReport(db, {
        job_id: jobId,
        reason: input.reason,
        details: input.details,
        reporter_id: viewer?.id ?? null,
        created_at: ctx.now().toISOString(),
        handled_by: null,
        handled_at: null,
      });
    },

    /** A job that can be reported (the report page is shown only for public jobs). */
    async reportable(jobId: number) {
      const job = await publicJob(jobId);
      return { id: job.id, title_en: job.title_en, title_zh: job.title_zh, path: jobPath(job.id, job.slug) };
    },

    /**
     * Takes jobs past their last day out of the index and records their expiry (an `expired` event, by nobody).
     * Nothing else changes: expiry is read from valid_through wherever a job is shown. Safe to run at any time
     * and as often as wanted (the board runs it at start); returns the jobs that expired since the last run.
     */
    async expireDue(now: Date = ctx.now()): Promise<number[]> {
      const expired = await db.transaction().execute(async (trx) => {
        const due = await repo.listNewlyExpired(trx, chinaDate(now));
        if (due.length === 0) return [];
        const at = now.toISOString();
        for (const job of due) await repo.insertEvent(trx, { job_id: job.id, action: 'expired', actor_id: null, at });
        const ids = due.map((job) => job.id);
        await deps.reindexJobs(trx, ids);
        return ids;
      });
      if (expired.length > 0) deps.jobPagesChanged();
      return expired;
    },

    /**
     * Loads shipped (demo) jobs once each (by source key `demo:<key>`), published as if posted `postedDaysAgo`
     * days before the load and open 30 days from then, so demo jobs are open whenever the site is set up.
     * `companyIds` maps each company key to its id (the companies module's loadShipped). Returns how many it added.
     */
    async loadShipped(items: ShippedJob[], companyIds: Map<string, number>): Promise<number> {
      const now = ctx.now();
      const known = new Set(ctx.benefits.map((b) => b.key));
      for (const item of items) {
        if (!companyIds.has(item.company)) throw new Error(`shipped job ${item.key}: unknown company ${item.company}`);
        const unknown = item.job.benefits.find((tag) => !known.has(tag));
        if (unknown) throw new Error(`shipped job ${item.key}: unknown benefit ${unknown}`);
        await checkPlaces(ctx, item.job).catch(() => {
          throw new Error(
            `shipped job ${item.key}: ${item.job.city} / ${item.job.district} is not a city and its district`,
          );
        });
      }
      const added = await db.transaction().execute(async (trx) => {
        const added: number[] = [];
        for (const item of items) {
          const sourceKey = `demo:${item.key}`;
          if ((await repo.findJobIdBySourceKey(trx, sourceKey)) !== undefined) continue;
          const posted = new Date(now.getTime() - item.postedDaysAgo * DAY_MS);
          const at = posted.toISOString();
          const id = await repo.insertJob(trx, {
            company_id: companyIds.get(item.company)!,
            status: 'published',
            ...jobColumns({ ...item.job, validDays: SHIPPED_VALID_DAYS }),
            posted_at: at,
            valid_through: chinaDate(new Date(posted.getTime() + SHIPPED_VALID_DAYS * DAY_MS)),
            origin: 'demo',
            source_key: sourceKey,
            created_by: null,
            created_at: at,
            updated_at: at,
            decision_reason: null,
          });
          await repo.replaceBenefits(trx, id, item.job.benefits);
          await repo.insertEvent(trx, { job_id: id, action: 'approved', actor_id: null, at });
          added.push(id);
        }
        if (added.length > 0) await deps.reindexJobs(trx, added);
        return added;
      });
      if (added.length > 0) deps.jobPagesChanged();
      return added.length;
    },
  };
}

export type PostingService = ReturnType<typeof createPostingService>;
