/** The seeker's side: the apply page, applying, their applications, withdrawing. */
import { can, type Viewer } from '../accounts';
import type { JobForApplication } from '../jobs';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/web/errors';
import type { Locale } from '../platform/web/i18n';
import { validInput } from '../platform/web/validation';
import { tellAfterCommit } from './after-commit';
import type { ApplicationsContext } from './deps';
import * as repo from './repository';
import { applyInputSchema } from './schemas';
import { changeStatus, moveState } from './status-change';
import type { ApplicationStatus } from './tables';
import { tellEmployers } from './tell-employers';
import { tellSeekers, titleIn } from './tell-seeker';
import { movesFor } from './transitions';

/** The profile alone, as the apply form names it (otherwise a file's id). */
export const PROFILE_ONLY = 'profile';

/** A unique index refused the row (both engines' codes): someone applied twice at once. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** The words the search of an employer's applicants looks in: lower case, one line. */
export const searchTextOf = (parts: string[]) => parts.join('\n').toLowerCase();

export function createSeekerSide(ctx: ApplicationsContext) {
  const { db } = ctx;

  function requireSeeker(viewer: Viewer): void {
    if (!can(viewer, 'application.apply')) throw new Forbidden('applications.error.seekersOnly');
  }

  async function publicJob(jobId: number): Promise<JobForApplication> {
    const job = (await ctx.jobs.describe([jobId])).get(jobId);
    if (!job || job.state === 'unavailable') throw new NotFound('applications.error.jobNotFound');
    return job;
  }

  async function companyName(companyId: number, locale: Locale) {
    const company = (await ctx.companies.describe([companyId])).get(companyId);
    return company ? { name: locale === 'zh' ? company.nameZh : company.nameEn, path: company.path } : null;
  }

  return {
    /** The apply page: the job, what the seeker can apply with, and whether they already did or may not. */
    async applyPage(viewer: Viewer, jobId: number, locale: Locale) {
      requireSeeker(viewer);
      const job = await publicJob(jobId);
      const [existing, choices, blocked, company] = await Promise.all([
        repo.findOfSeekerForJob(db, viewer.id, jobId),
        ctx.resumes.choices(viewer.id),
        ctx.resumes.hasBlocked(viewer.id, job.companyId),
        companyName(job.companyId, locale),
      ]);
      return {
        job: {
          id: job.id,
          title: titleIn(locale, job.titleEn, job.titleZh),
          path: job.path,
          open: job.state === 'open',
        },
        company,
        existing: existing ? { status: existing.status, at: existing.created_at } : null,
        choices,
        blocked,
      };
    },

    /**
     * Applies once to an open job with the profile or one of the seeker's PDFs (a copy of the résumé is kept with
     * the application). Refused: not a seeker (403), a job not taking applications, a company the seeker blocked,
     * a second application (409), no profile or not their file (400).
     */
    async apply(viewer: Viewer, jobId: number, input: unknown): Promise<{ id: number }> {
      requireSeeker(viewer);
      const { resume, note } = validInput(applyInputSchema, input);
      const job = await publicJob(jobId);
      if (job.state !== 'open') throw new Conflict('applications.error.jobNotOpen');
      if (await ctx.resumes.hasBlocked(viewer.id, job.companyId)) throw new Conflict('applications.error.blocked');
      if (await repo.findOfSeekerForJob(db, viewer.id, jobId)) throw new Conflict('applications.error.already');
      const snapshot = await ctx.resumes.snapshotForApplication(viewer.id, resume === PROFILE_ONLY ? null : resume);
      if (!snapshot) {
        const key = resume === PROFILE_ONLY ? 'applications.error.noProfile' : 'applications.error.resumeChoose';
        throw new Invalid(key, {}, [{ field: 'resume', key }]);
      }
      const at = ctx.now().toISOString();
      let id: number;
      try {
        id = await db.transaction().execute(async (trx) => {
          const created = await repo.insertApplication(trx, {
            job_id: job.id,
            company_id: job.companyId,
            seeker_id: viewer.id,
            seeker_name: snapshot.profile.fullName,
            status: 'submitted',
            previous_status: null,
            status_changed_at: at,
            resume_file_id: snapshot.file?.id ?? null,
            resume_file_name: snapshot.file?.name ?? null,
            note,
            interview_at: null,
            interview_place: null,
            reject_reason: null,
            viewed_at: null,
            created_at: at,
          });
          await repo.insertDocument(trx, {
            application_id: created,
            resume_json: JSON.stringify({ profile: snapshot.profile, file: snapshot.file }),
            search_text: searchTextOf([snapshot.profile.fullName, note, snapshot.text]),
          });
          await repo.insertEvent(trx, {
            application_id: created,
            from_status: null,
            to_status: 'submitted',
            actor_id: viewer.id,
            side: 'seeker',
            at,
            reason: null,
            interview_at: null,
            interview_place: null,
          });
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict('applications.error.already');
        throw error;
      }
      ctx.figures.forget([{ job_id: job.id, company_id: job.companyId }]);
      await tellAfterCommit(ctx, 'applicationSubmitted', () =>
        tellSeekers(ctx, [{ id, seeker_id: viewer.id, job_id: job.id, company_id: job.companyId }], {
          kind: 'applicationSubmitted',
        }),
      );
      await tellAfterCommit(ctx, 'applicationsWaiting', () =>
        tellEmployers(ctx, { id, job_id: job.id, company_id: job.companyId, created_at: at }),
      );
      return { id };
    },

    /** Every application of the seeker, newest first, with its history, in the reader's language. */
    async myApplications(viewer: Viewer, locale: Locale) {
      requireSeeker(viewer);
      const rows = await repo.listOfSeeker(db, viewer.id);
      const [jobs, companies, events] = await Promise.all([
        ctx.jobs.describe(rows.map((r) => r.job_id)),
        ctx.companies.describe(rows.map((r) => r.company_id)),
        repo.eventsOf(
          db,
          rows.map((r) => r.id),
        ),
      ]);
      const now = ctx.now();
      return rows.map((row) => {
        const job = jobs.get(row.job_id);
        const company = companies.get(row.company_id);
        return {
          id: row.id,
          job: job
            ? { title: titleIn(locale, job.titleEn, job.titleZh), path: job.state === 'unavailable' ? null : job.path }
            : { title: '', path: null },
          company: company ? { name: locale === 'zh' ? company.nameZh : company.nameEn, path: company.path } : null,
          status: row.status,
          appliedAt: row.created_at,
          changedAt: row.status_changed_at,
          viewedAt: row.viewed_at,
          interview:
            row.status === 'interview' && row.interview_at
              ? { at: row.interview_at, place: row.interview_place ?? '' }
              : null,
          reason: row.status === 'rejected' ? row.reject_reason : null,
          mayWithdraw: movesFor(moveState(row), 'seeker', now).includes('withdrawn'),
          history: events
            .filter((e) => e.application_id === row.id)
            .map((e) => ({ to: e.to_status as ApplicationStatus, at: e.at })),
        };
      });
    },

    /** Withdraws the seeker's own open application (someone else's is not found). */
    async withdraw(viewer: Viewer, id: number): Promise<void> {
      requireSeeker(viewer);
      const row = await repo.findApplication(db, id);
      if (!row || row.seeker_id !== viewer.id) throw new NotFound('applications.error.notFound');
      // A decided or withdrawn one: changeStatus's checkMove refuses it as final.
      await db
        .transaction()
        .execute((trx) => changeStatus(trx, row, 'withdrawn', { side: 'seeker', actorId: viewer.id }, {}, ctx.now()));
      ctx.figures.forget([row]);
      await tellAfterCommit(ctx, 'applicationWithdrawn', () =>
        tellSeekers(ctx, [row], { kind: 'applicationWithdrawn' }),
      );
    },
  };
}
