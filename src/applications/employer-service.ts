/**
 * The employer's side: a job's applicants by stage, one application (opening it marks it viewed), moves, notes,
 * "not a fit" for several at once, the résumé file. Only employers (`company.manage`) who are members of the job's
 * company: another company's job is refused (403), another company's application is not found (404), as if it
 * did not exist.
 */
import { can, type Viewer } from '../accounts';
import { Conflict, Forbidden, NotFound } from '../platform/web/errors';
import type { Locale } from '../platform/web/i18n';
import { validInput } from '../platform/web/validation';
import type { ResumeFileSummary, ResumeProfile } from '../resumes';
import { tellAfterCommit } from './after-commit';
import type { ApplicationsContext } from './deps';
import * as repo from './repository';
import { MATCH_COUNT_CAP } from './repository';
import { APPLICANTS_PAGE_SIZE, bulkRejectSchema, moveInputSchema, privateNoteSchema } from './schemas';
import { changeStatus, moveState } from './status-change';
import { APPLICATION_STATUSES, type ApplicationRow, type ApplicationStatus } from './tables';
import { type SeekerNotice, tellSeekers, titleIn } from './tell-seeker';
import { movesFor, UNDO_WINDOW_MS } from './transitions';

/** The résumé as kept with the application (empty once the seeker's account is forgotten). */
function readSnapshot(json: string): { profile: ResumeProfile | null; file: ResumeFileSummary | null } {
  const parsed = JSON.parse(json) as { profile?: ResumeProfile; file?: ResumeFileSummary | null };
  return { profile: parsed.profile ?? null, file: parsed.file ?? null };
}

/** What the seeker is told of a move. */
function noticeOf(
  row: ApplicationRow,
  to: ApplicationStatus,
  details: { reason: string; interviewAt: string; interviewPlace: string },
): SeekerNotice {
  if (row.status === 'rejected') return { kind: 'applicationRestored', stage: to };
  if (to === 'viewed') return { kind: 'applicationViewed' };
  if (to === 'interview')
    return { kind: 'applicationInterview', time: details.interviewAt, place: details.interviewPlace };
  if (to === 'offer') return { kind: 'applicationOffer' };
  return details.reason
    ? { kind: 'applicationRejected', reason: details.reason }
    : { kind: 'applicationRejectedNoReason' };
}

export function createEmployerSide(ctx: ApplicationsContext) {
  const { db } = ctx;

  /** The job, if the viewer acts for its company. */
  async function requireJobOf(viewer: Viewer, jobId: number) {
    if (!can(viewer, 'company.manage')) throw new Forbidden();
    const job = (await ctx.jobs.describe([jobId])).get(jobId);
    if (!job) throw new NotFound('applications.error.jobNotFound');
    if (!(await ctx.companies.isMember(viewer.id, job.companyId))) throw new Forbidden('applications.error.notYourJob');
    return job;
  }

  /** The application, if the viewer acts for its company; else not found, whether it exists or not. */
  async function requireApplicationOf(viewer: Viewer, id: number): Promise<ApplicationRow> {
    if (!can(viewer, 'company.manage')) throw new Forbidden();
    const row = await repo.findApplication(db, id);
    if (!row || !(await ctx.companies.isMember(viewer.id, row.company_id)))
      throw new NotFound('applications.error.notFound');
    return row;
  }

  return {
    /**
     * A job's applicants: counts by stage, one page filtered by stage and words (name, note, résumé text), in a
     * fixed number of queries (the job, membership, the counts, the page, who blocked the company) whatever the number of applicants.
     */
    async applicants(
      viewer: Viewer,
      jobId: number,
      query: { stage?: ApplicationStatus; q: string; page: number },
      locale: Locale,
    ) {
      const job = await requireJobOf(viewer, jobId);
      const words = query.q || undefined;
      // A seeker who blocked the company keeps their texts from it: a search leaves them out (they still show by
      // name and stage, as the application page does), and the list shows none of their note.
      const blockers = words ? await ctx.resumes.blockersOf(job.companyId) : null;
      const [counts, found] = await Promise.all([
        repo.stageCounts(db, jobId),
        repo.listApplicants(
          db,
          jobId,
          { status: query.stage, words, leaveOut: blockers ? [...blockers] : [] },
          APPLICANTS_PAGE_SIZE,
          (query.page - 1) * APPLICANTS_PAGE_SIZE,
        ),
      ]);
      const rows = found.rows;
      const blocked =
        blockers ??
        (await ctx.resumes.blockersOf(
          job.companyId,
          rows.flatMap((row) => (row.seeker_id === null ? [] : [row.seeker_id])),
        ));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const matching = found.matching ?? (query.stage ? (counts.get(query.stage) ?? 0) : total);
      return {
        job: { id: job.id, title: titleIn(locale, job.titleEn, job.titleZh), path: job.path, state: job.state },
        counts: APPLICATION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
        total,
        filter: { stage: query.stage ?? null, q: query.q },
        page: query.page,
        pageCount: Math.max(1, Math.ceil(Math.min(matching, MATCH_COUNT_CAP) / APPLICANTS_PAGE_SIZE)),
        matching: Math.min(matching, MATCH_COUNT_CAP),
        /** A search found more than the count counts. */
        moreThan: matching > MATCH_COUNT_CAP,
        applicants: rows.map((row) => ({
          id: row.id,
          name: row.seeker_id === null ? null : row.seeker_name,
          status: row.status,
          appliedAt: row.created_at,
          changedAt: row.status_changed_at,
          fileName: row.resume_file_name,
          noteStart: row.seeker_id !== null && blocked.has(row.seeker_id) ? '' : row.note_start,
          interviewAt: row.interview_at,
        })),
      };
    },

    /**
     * One application for its employer. The first time an employer opens it, it becomes viewed (被查看) and the
     * seeker is told. A seeker who has since blocked the company keeps their résumé from it.
     */
    async open(viewer: Viewer, id: number, locale: Locale) {
      let row = await requireApplicationOf(viewer, id);
      if (row.status === 'submitted') {
        const opened = row;
        const changed = await db
          .transaction()
          .execute(async (trx) => {
            await changeStatus(trx, opened, 'viewed', { side: 'employer', actorId: viewer.id }, {}, ctx.now());
            return true;
          })
          // Another employer of the company opened it in the same moment: it is viewed either way.
          .catch((error: unknown) => {
            if (error instanceof Conflict) return false;
            throw error;
          });
        if (changed)
          await tellAfterCommit(ctx, 'applicationViewed', () => tellSeekers(ctx, [row], { kind: 'applicationViewed' }));
        row = (await repo.findApplication(db, id))!;
      }
      const [job, documents, events, notes, blocked] = await Promise.all([
        ctx.jobs.describe([row.job_id]).then((m) => m.get(row.job_id)),
        repo.documentsOf(db, [row.id]),
        repo.eventsOf(db, [row.id]),
        repo.notesOf(db, row.id),
        row.seeker_id === null ? false : ctx.resumes.hasBlocked(row.seeker_id, row.company_id),
      ]);
      const names = await ctx.accounts.displayNames([
        ...events.flatMap((e) => (e.actor_id === null ? [] : [e.actor_id])),
        ...notes.flatMap((n) => (n.author_id === null ? [] : [n.author_id])),
      ]);
      const now = ctx.now();
      const snapshot = blocked ? { profile: null, file: null } : readSnapshot(documents.get(row.id) ?? '{}');
      const places = snapshot.profile
        ? await ctx.regions.named(
            [snapshot.profile.cityCode, snapshot.profile.expectedCityCode].filter((c): c is string => c !== null),
          )
        : new Map();
      const placeName = (code: string | null) => {
        const region = code === null ? undefined : places.get(code);
        return region ? (locale === 'zh' ? region.nameZh : region.nameEn) : (code ?? '');
      };
      return {
        id: row.id,
        job: job
          ? { id: job.id, title: titleIn(locale, job.titleEn, job.titleZh), path: job.path }
          : { id: row.job_id, title: '', path: null },
        name: row.seeker_id === null ? null : row.seeker_name,
        forgotten: row.seeker_id === null,
        blocked,
        status: row.status,
        appliedAt: row.created_at,
        profile: snapshot.profile,
        places: snapshot.profile
          ? { city: placeName(snapshot.profile.cityCode), expectedCity: placeName(snapshot.profile.expectedCityCode) }
          : { city: '', expectedCity: '' },
        file: snapshot.file,
        note: blocked ? '' : row.note,
        interview: row.interview_at ? { at: row.interview_at, place: row.interview_place ?? '' } : null,
        reason: row.status === 'rejected' ? row.reject_reason : null,
        moves: movesFor(moveState(row), 'employer', now),
        undoUntil:
          row.status === 'rejected' ? new Date(Date.parse(row.status_changed_at) + UNDO_WINDOW_MS).toISOString() : null,
        events: events.map((e) => ({
          from: e.from_status,
          to: e.to_status,
          side: e.side,
          by: e.side === 'seeker' ? null : e.actor_id === null ? '' : (names.get(e.actor_id) ?? ''),
          at: e.at,
          reason: e.reason,
          interviewAt: e.interview_at,
          interviewPlace: e.interview_place,
        })),
        notes: notes.map((n) => ({
          author: n.author_id === null ? '' : (names.get(n.author_id) ?? ''),
          body: n.body,
          at: n.created_at,
        })),
      };
    },

    /** Moves an application along an allowed transition; the seeker is told. */
    async move(viewer: Viewer, id: number, input: unknown): Promise<void> {
      const row = await requireApplicationOf(viewer, id);
      const details = validInput(moveInputSchema, input);
      await db
        .transaction()
        .execute((trx) =>
          changeStatus(trx, row, details.to, { side: 'employer', actorId: viewer.id }, details, ctx.now()),
        );
      ctx.figures.forget([row]);
      await tellAfterCommit(ctx, details.to, () => tellSeekers(ctx, [row], noticeOf(row, details.to, details)));
    },

    /**
     * "Not a fit" for several applications of one job at once, with one message (the reason each seeker reads).
     * Those that cannot move there (already decided, withdrawn) are left as they are and counted.
     */
    async rejectMany(viewer: Viewer, jobId: number, input: unknown): Promise<{ rejected: number; skipped: number }> {
      await requireJobOf(viewer, jobId);
      const { ids, message } = validInput(bulkRejectSchema, input);
      const rows = await repo.applicationsOfJob(db, jobId, [...new Set(ids)]);
      const now = ctx.now();
      const movable = rows.filter((row) => movesFor(moveState(row), 'employer', now).includes('rejected'));
      await db.transaction().execute(async (trx) => {
        for (const row of movable)
          await changeStatus(trx, row, 'rejected', { side: 'employer', actorId: viewer.id }, { reason: message }, now);
      });
      ctx.figures.forget(movable);
      await tellAfterCommit(ctx, 'applicationRejected', () =>
        tellSeekers(
          ctx,
          movable,
          message ? { kind: 'applicationRejected', reason: message } : { kind: 'applicationRejectedNoReason' },
        ),
      );
      return { rejected: movable.length, skipped: ids.length - movable.length };
    },

    /** A private note of the employer's (the seeker never sees it). */
    async addNote(viewer: Viewer, id: number, input: unknown): Promise<void> {
      const row = await requireApplicationOf(viewer, id);
      const { body } = validInput(privateNoteSchema, input);
      await repo.insertNote(db, row.id, viewer.id, body, ctx.now().toISOString());
    },

    /**
     * The PDF the seeker applied with, for the employer: not found when there is none, it is gone, or the viewer
     * does not act for the company; refused (403) when the seeker has blocked the company.
     */
    async file(viewer: Viewer, id: number): Promise<{ bytes: Buffer; name: string }> {
      const row = await requireApplicationOf(viewer, id);
      if (row.seeker_id === null || row.resume_file_id === null) throw new NotFound('applications.error.noFile');
      if (await ctx.resumes.hasBlocked(row.seeker_id, row.company_id))
        throw new Forbidden('applications.error.blockedFile');
      const file = await ctx.resumes.openFile(row.resume_file_id, row.seeker_id);
      if (!file) throw new NotFound('applications.error.noFile');
      return file;
    },
  };
}
