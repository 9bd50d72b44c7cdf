/**
 * Editors and admins moderate the board: approve or reject submitted jobs and edits of live ones, and handle
 * reports. Every decision is a job event (who, what, when, why); the employer is told of it by notification.
 */
import { can, type Viewer } from '../../accounts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/web/errors';
import type { JobsContext } from '../deps';
import { reviewedFieldsSchema } from '../schemas';
import type { JobRow } from '../tables';
import { jobState, validThroughFrom } from './expiry';
import { changedFields, jobInputOf, jobPath, reviewedColumns, reviewedFieldsOf } from './fields';
import type { PostingDeps } from './posting-deps';
import * as repo from './repository';

const QUEUE_SIZE = 100;
export const REASON_MAX = 1000;

/** The title to name a job by in a notification: its English one, else its Chinese one. */
const titleOf = (job: JobRow) => job.title_en ?? job.title_zh ?? `#${job.id}`;

function requireModerator(viewer: Viewer) {
  if (!can(viewer, 'jobs.moderate')) throw new Forbidden();
}

function requireReason(reason: string): string {
  const text = reason.trim();
  if (!text)
    throw new Invalid('jobModeration.error.reasonRequired', {}, [
      { field: 'reason', key: 'jobModeration.error.reasonRequired' },
    ]);
  if (text.length > REASON_MAX)
    throw new Invalid('jobModeration.error.reasonTooLong', {}, [
      { field: 'reason', key: 'jobModeration.error.reasonTooLong' },
    ]);
  return text;
}

export function createModeration(ctx: JobsContext, deps: PostingDeps) {
  const { db } = ctx;
  const iso = () => ctx.now().toISOString();

  async function jobOrThrow(jobId: number): Promise<JobRow> {
    const job = await repo.findJob(db, jobId);
    if (!job) throw new NotFound('employer.error.jobNotFound', { id: jobId });
    return job;
  }

  async function waitingEdit(jobId: number) {
    const edit = await repo.findPendingEdit(db, jobId);
    if (!edit) throw new Conflict('jobModeration.error.noPendingEdit');
    return { ...edit, fields: reviewedFieldsSchema.parse(JSON.parse(edit.fields_json)) };
  }

  return {
    /** Jobs waiting for review, edits of live jobs waiting, open reports: the moderation queue. */
    async queue(viewer: Viewer) {
      requireModerator(viewer);
      const [pending, edits, reports] = await Promise.all([
        repo.listJobsWithStatus(db, 'pending', QUEUE_SIZE),
        repo.listPendingEdits(db, QUEUE_SIZE),
        repo.listOpenReports(db, QUEUE_SIZE),
      ]);
      const others = await repo.listJobs(db, [...new Set([...edits, ...reports].map((r) => r.job_id))]);
      const jobs = new Map([...pending, ...others].map((job) => [job.id, job]));
      const companies = await ctx.companies.describe([...jobs.values()].map((job) => job.company_id));
      return { pending, edits, reports, jobs, companies };
    },

    /** One job as moderators see it: the live version, a waiting edit beside it, reports and the history. */
    async jobForModeration(viewer: Viewer, jobId: number) {
      requireModerator(viewer);
      const job = await jobOrThrow(jobId);
      const [benefits, edit, events, reports, companies] = await Promise.all([
        repo.listBenefits(db, [jobId]),
        repo.findPendingEdit(db, jobId),
        repo.listEvents(db, jobId),
        repo.listReportsOfJob(db, jobId),
        ctx.companies.describe([job.company_id]),
      ]);
      const live = jobInputOf(
        job,
        benefits.map((b) => b.tag),
      );
      const waiting = edit ? reviewedFieldsSchema.parse(JSON.parse(edit.fields_json)) : null;
      const actors = [...events.map((e) => e.actor_id), edit?.submitted_by ?? null].filter(
        (id): id is number => id !== null,
      );
      const names = await ctx.accounts.displayNames(actors);
      const regionCodes = [live.city, live.district, waiting?.city, waiting?.district].filter(
        (code): code is string => typeof code === 'string',
      );
      return {
        job,
        state: jobState(job, ctx.now()),
        live,
        company: companies.get(job.company_id) ?? null,
        edit:
          waiting && edit
            ? {
                fields: waiting,
                submittedAt: edit.submitted_at,
                changed: changedFields(reviewedFieldsOf(live), waiting),
              }
            : null,
        events: events.map((e) => ({ ...e, actor: e.actor_id === null ? null : (names.get(e.actor_id) ?? null) })),
        reports,
        regions: await ctx.regions.named(regionCodes),
      };
    },

    /**
     * Pending → published, open for the days its employer asked from today. Only a verified company's jobs go
     * live: an editor verifies the company first (CONTEXT.md).
     */
    async approve(viewer: Viewer, jobId: number) {
      requireModerator(viewer);
      const job = await jobOrThrow(jobId);
      if (job.status !== 'pending') throw new Conflict('jobModeration.error.notPending');
      const company = (await ctx.companies.describe([job.company_id])).get(job.company_id);
      if (!company?.verified) throw new Conflict('jobModeration.error.companyNotVerified');
      await db.transaction().execute(async (trx) => {
        const now = ctx.now();
        const moved = await repo.moveJob(trx, jobId, ['pending'], {
          status: 'published',
          posted_at: job.posted_at ?? now.toISOString(),
          valid_through: validThroughFrom(now, job.valid_days),
          decision_reason: null,
          updated_at: now.toISOString(),
        });
        if (!moved) throw new Conflict('jobModeration.error.notPending');
        await repo.insertEvent(trx, { job_id: jobId, action: 'approved', actor_id: viewer.id, at: now.toISOString() });
        await deps.reindexJobs(trx, [jobId]);
      });
      deps.jobPagesChanged();
      await ctx.notifications.notify([job.created_by], {
        kind: 'jobApproved',
        params: { title: titleOf(job) },
        link: jobPath(job.id, job.slug),
      });
    },

    /** Pending → rejected, with the reason the employer sees on their dashboard and in the notification. */
    async reject(viewer: Viewer, jobId: number, reasonText: string) {
      requireModerator(viewer);
      const reason = requireReason(reasonText);
      const job = await jobOrThrow(jobId);
      if (job.status !== 'pending') throw new Conflict('jobModeration.error.notPending');
      await db.transaction().execute(async (trx) => {
        const at = iso();
        const moved = await repo.moveJob(trx, jobId, ['pending'], {
          status: 'rejected',
          decision_reason: reason,
          updated_at: at,
        });
        if (!moved) throw new Conflict('jobModeration.error.notPending');
        await repo.insertEvent(trx, { job_id: jobId, action: 'rejected', reason, actor_id: viewer.id, at });
      });
      await ctx.notifications.notify([job.created_by], {
        kind: 'jobRejected',
        params: { title: titleOf(job), reason },
        link: '/employer',
      });
    },

    /** The waiting edit becomes the live version. */
    async approveEdit(viewer: Viewer, jobId: number) {
      requireModerator(viewer);
      const job = await jobOrThrow(jobId);
      const edit = await waitingEdit(jobId);
      await db.transaction().execute(async (trx) => {
        const at = iso();
        if (!(await repo.deletePendingEdit(trx, jobId))) throw new Conflict('jobModeration.error.noPendingEdit');
        await repo.updateJob(trx, jobId, { ...reviewedColumns(edit.fields), decision_reason: null, updated_at: at });
        await repo.replaceBenefits(trx, jobId, edit.fields.benefits);
        await repo.insertEvent(trx, { job_id: jobId, action: 'edit-approved', actor_id: viewer.id, at });
        await deps.reindexJobs(trx, [jobId]);
      });
      deps.jobPagesChanged();
      await ctx.notifications.notify([edit.submitted_by], {
        kind: 'jobEditApproved',
        params: { title: edit.fields.titleEn ?? edit.fields.titleZh ?? titleOf(job) },
        link: jobPath(job.id, job.slug),
      });
    },

    /** The waiting edit is dropped; the live version stays as it was. */
    async rejectEdit(viewer: Viewer, jobId: number, reasonText: string) {
      requireModerator(viewer);
      const reason = requireReason(reasonText);
      const job = await jobOrThrow(jobId);
      const edit = await waitingEdit(jobId);
      await db.transaction().execute(async (trx) => {
        const at = iso();
        if (!(await repo.deletePendingEdit(trx, jobId))) throw new Conflict('jobModeration.error.noPendingEdit');
        await repo.updateJob(trx, jobId, { decision_reason: reason });
        await repo.insertEvent(trx, { job_id: jobId, action: 'edit-rejected', reason, actor_id: viewer.id, at });
      });
      await ctx.notifications.notify([edit.submitted_by], {
        kind: 'jobEditRejected',
        params: { title: titleOf(job), reason },
        link: '/employer',
      });
    },

    /** The report was unfounded: it leaves the queue, the job stays as it is. */
    async dismissReport(viewer: Viewer, reportId: number) {
      requireModerator(viewer);
      const report = await repo.findReport(db, reportId);
      if (!report) throw new NotFound('jobModeration.error.reportNotFound', { id: reportId });
      await db.transaction().execute(async (trx) => {
        const at = iso();
        const decided = await repo.decideReports(
          trx,
          { reportId },
          { status: 'dismissed', handled_by: viewer.id, handled_at: at },
        );
        if (decided === 0) throw new Conflict('jobModeration.error.reportHandled');
        await repo.insertEvent(trx, {
          job_id: report.job_id,
          action: 'report-dismissed',
          reason: report.reason,
          actor_id: viewer.id,
          at,
        });
      });
    },

    /** The report holds: the job is closed, and every report of it still open is upheld with it. */
    async upholdReport(viewer: Viewer, reportId: number) {
      requireModerator(viewer);
      const report = await repo.findReport(db, reportId);
      if (!report) throw new NotFound('jobModeration.error.reportNotFound', { id: reportId });
      if (report.status !== 'open') throw new Conflict('jobModeration.error.reportHandled');
      await db.transaction().execute(async (trx) => {
        const at = iso();
        const decision = { status: 'upheld', handled_by: viewer.id, handled_at: at } as const;
        if ((await repo.decideReports(trx, { reportId }, decision)) === 0)
          throw new Conflict('jobModeration.error.reportHandled');
        await repo.decideReports(trx, { jobId: report.job_id }, decision);
        await repo.moveJob(trx, report.job_id, ['draft', 'pending', 'rejected', 'published', 'paused'], {
          status: 'closed',
          updated_at: at,
        });
        await repo.deletePendingEdit(trx, report.job_id);
        await repo.insertEvent(trx, {
          job_id: report.job_id,
          action: 'report-upheld',
          reason: report.reason,
          actor_id: viewer.id,
          at,
        });
        await deps.reindexJobs(trx, [report.job_id]);
      });
      deps.jobPagesChanged();
    },
  };
}
