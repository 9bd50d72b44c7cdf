/**
 * What employers do with their companies' jobs: write a draft, submit it, pause, resume, close, renew, and edit
 * a live post (the edit waits for review while the approved version stays public). Every write asks the
 * companies module whether the viewer acts for the job's company, before the transaction opens.
 */
import { can, type Viewer } from '../../accounts';
import type { ModuleDb } from '../../platform/db/tables';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/web/errors';
import type { MessageKey } from '../../platform/web/messages';
import type { JobsContext } from '../deps';
import { type JobInput, reviewedFieldsSchema, VALID_DAYS } from '../schemas';
import type { JobRow, JobStatus, JobTables } from '../tables';
import { checkJobInput } from './checks';
import { isExpired, jobState, validThroughFrom } from './expiry';
import { changedFields, immediateColumns, jobColumns, jobInputOf, reviewedFieldsOf } from './fields';
import type { PostingDeps } from './posting-deps';
import * as repo from './repository';

/** Statuses whose fields the employer edits in place (nothing of them is public). */
const EDITED_IN_PLACE: readonly JobStatus[] = ['draft', 'pending', 'rejected'];

type Trx = ModuleDb<JobTables>;

export function createEmployerActions(ctx: JobsContext, deps: PostingDeps) {
  const { db } = ctx;
  const iso = () => ctx.now().toISOString();

  /** Refuses anyone but an employer acting for the company. */
  async function requireActsFor(viewer: Viewer, companyId: number) {
    if (!can(viewer, 'company.manage') || !(await ctx.companies.isMember(viewer.id, companyId)))
      throw new Forbidden('employer.error.notYourCompany');
  }

  async function ownJob(viewer: Viewer, jobId: number): Promise<JobRow> {
    const job = await repo.findJob(db, jobId);
    if (!job) throw new NotFound('employer.error.jobNotFound', { id: jobId });
    await requireActsFor(viewer, job.company_id);
    return job;
  }

  /** A move of the job's status, with its event and, when it changes what is public, the index. */
  async function move(
    viewer: Viewer,
    jobId: number,
    action: string,
    from: readonly JobStatus[],
    patch: (job: JobRow) => Parameters<typeof repo.moveJob>[3],
    refusal: MessageKey,
    options: { reindex: boolean; when?: (job: JobRow) => boolean; also?: (trx: Trx) => Promise<unknown> } = {
      reindex: true,
    },
  ) {
    const job = await ownJob(viewer, jobId);
    if (!from.includes(job.status) || (options.when && !options.when(job))) throw new Conflict(refusal);
    await db.transaction().execute(async (trx) => {
      const at = iso();
      if (!(await repo.moveJob(trx, jobId, from, { ...patch(job), updated_at: at }))) throw new Conflict(refusal);
      await repo.insertEvent(trx, { job_id: jobId, action, actor_id: viewer.id, at });
      await options.also?.(trx);
      if (options.reindex) await deps.reindexJobs(trx, [jobId]);
    });
    if (options.reindex) deps.jobPagesChanged();
  }

  return {
    requireActsFor,

    /** The job as its employer edits it: the values (with a waiting edit's), and what state it is in. */
    async jobForEdit(viewer: Viewer, jobId: number) {
      const job = await ownJob(viewer, jobId);
      const [benefits, edit] = await Promise.all([repo.listBenefits(db, [jobId]), repo.findPendingEdit(db, jobId)]);
      const live = jobInputOf(
        job,
        benefits.map((b) => b.tag),
      );
      const waiting = edit ? reviewedFieldsSchema.parse(JSON.parse(edit.fields_json)) : null;
      const values: JobInput = waiting ? { ...live, ...waiting } : live;
      return { job, state: jobState(job, ctx.now()), values, pendingEdit: waiting !== null };
    },

    async createDraft(viewer: Viewer, companyId: number, values: unknown): Promise<{ id: number }> {
      await requireActsFor(viewer, companyId);
      const input = await checkJobInput(ctx, values);
      return db.transaction().execute(async (trx) => {
        const at = iso();
        const id = await repo.insertJob(trx, {
          company_id: companyId,
          status: 'draft',
          ...jobColumns(input),
          posted_at: null,
          valid_through: null,
          origin: 'user',
          source_key: null,
          created_by: viewer.id,
          created_at: at,
          updated_at: at,
          decision_reason: null,
        });
        await repo.replaceBenefits(trx, id, input.benefits);
        await repo.insertEvent(trx, { job_id: id, action: 'created', actor_id: viewer.id, at });
        return { id };
      });
    },

    /**
     * Saves the form. A job not yet approved changes in place. On an approved one (published or paused) the
     * reviewed fields (schemas.ts, REVIEWED_FIELDS) go to a pending edit when they differ from the live version —
     * and an edit back to the live values withdraws the one waiting — while the others take effect at once.
     */
    async saveEdit(viewer: Viewer, jobId: number, values: unknown): Promise<{ review: boolean }> {
      const job = await ownJob(viewer, jobId);
      if (job.status === 'closed') throw new Conflict('employer.error.closed');
      const input = await checkJobInput(ctx, values);
      const saved = await db.transaction().execute(async (trx) => {
        const at = iso();
        if (EDITED_IN_PLACE.includes(job.status)) {
          await repo.updateJob(trx, jobId, { ...jobColumns(input), updated_at: at });
          await repo.replaceBenefits(trx, jobId, input.benefits);
          await repo.insertEvent(trx, { job_id: jobId, action: 'edited', actor_id: viewer.id, at });
          return { review: false };
        }
        const benefits = await repo.listBenefits(trx, [jobId]);
        const live = reviewedFieldsOf(
          jobInputOf(
            job,
            benefits.map((b) => b.tag),
          ),
        );
        const asked = reviewedFieldsOf(input);
        const review = changedFields(live, asked).length > 0;
        if (review) {
          await repo.savePendingEdit(trx, {
            job_id: jobId,
            fields_json: JSON.stringify(asked),
            submitted_by: viewer.id,
            submitted_at: at,
          });
          await repo.insertEvent(trx, { job_id: jobId, action: 'edit-submitted', actor_id: viewer.id, at });
        } else if (await repo.deletePendingEdit(trx, jobId)) {
          await repo.insertEvent(trx, { job_id: jobId, action: 'edit-withdrawn', actor_id: viewer.id, at });
        }
        await repo.updateJob(trx, jobId, {
          ...immediateColumns(input),
          ...(review ? { decision_reason: null } : {}),
          updated_at: at,
        });
        await repo.insertEvent(trx, { job_id: jobId, action: 'edited', actor_id: viewer.id, at });
        // Published or paused: the job's page shows the fields that took effect (a paused job stays out of the
        // index; reindexing it also drops its cached page).
        await deps.reindexJobs(trx, [jobId]);
        return { review };
      });
      if (!EDITED_IN_PLACE.includes(job.status)) deps.jobPagesChanged();
      return saved;
    },

    /** Draft or rejected → pending: an editor reviews it. */
    submit: (viewer: Viewer, jobId: number) =>
      move(
        viewer,
        jobId,
        'submitted',
        ['draft', 'rejected'],
        () => ({ status: 'pending' }),
        'employer.error.notDraft',
        {
          reindex: false,
        },
      ),

    /** Published (and open) → paused: out of search until resumed. */
    pause: (viewer: Viewer, jobId: number) =>
      move(viewer, jobId, 'paused', ['published'], () => ({ status: 'paused' }), 'employer.error.notOpen', {
        reindex: true,
        when: (job) => !isExpired(job, ctx.now()),
      }),

    resume: (viewer: Viewer, jobId: number) =>
      move(viewer, jobId, 'resumed', ['paused'], () => ({ status: 'published' }), 'employer.error.notPaused'),

    /** Closed for good: hired, or no longer hiring. A waiting edit has nothing left to change. */
    close: (viewer: Viewer, jobId: number) =>
      move(
        viewer,
        jobId,
        'closed',
        ['draft', 'pending', 'rejected', 'published', 'paused'],
        () => ({ status: 'closed' }),
        'employer.error.alreadyClosed',
        { reindex: true, also: (trx) => repo.deletePendingEdit(trx, jobId) },
      ),

    /** Published or expired: open again for `days` days from today (at most 90). */
    async renew(viewer: Viewer, jobId: number, days: number) {
      if (!Number.isInteger(days) || days < VALID_DAYS.min || days > VALID_DAYS.max)
        throw new Invalid('employer.error.validDays', {}, [{ field: 'days', key: 'employer.error.validDays' }]);
      await move(
        viewer,
        jobId,
        'renewed',
        ['published'],
        () => ({ valid_through: validThroughFrom(ctx.now(), days), valid_days: days }),
        'employer.error.notRenewable',
      );
    },
  };
}
