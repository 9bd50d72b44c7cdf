/**
 * What applications keep of a person, for the privacy module's export and deletion (the PersonalDataHolder of
 * docs/decisions/0114-resumes-and-privacy.md, matched by shape so this module needs nothing of privacy).
 * Export: the seeker's applications with the résumé copy, the note and the history. Forget: the applications stay
 * for the employers, anonymised (name, résumé copy, file, note and search words erased; "deleted account" shown).
 * Employers' private notes are the employer's working notes and are neither exported nor erased here.
 */
import type { ApplicationsContext } from './deps';
import * as repo from './repository';

export function createPersonalData(ctx: ApplicationsContext) {
  const { db } = ctx;
  return {
    name: 'applications',
    async exportFor(userId: number): Promise<unknown> {
      const rows = await repo.listOfSeeker(db, userId);
      const [jobs, documents, events] = await Promise.all([
        ctx.jobs.describe(rows.map((r) => r.job_id)),
        repo.documentsOf(
          db,
          rows.map((r) => r.id),
        ),
        repo.eventsOf(
          db,
          rows.map((r) => r.id),
        ),
      ]);
      return rows.map((row) => ({
        id: row.id,
        job: {
          id: row.job_id,
          titleEn: jobs.get(row.job_id)?.titleEn ?? null,
          titleZh: jobs.get(row.job_id)?.titleZh ?? null,
        },
        status: row.status,
        appliedAt: row.created_at,
        note: row.note,
        resume: JSON.parse(documents.get(row.id) ?? '{}') as unknown,
        interview: row.interview_at ? { at: row.interview_at, place: row.interview_place } : null,
        reason: row.reject_reason,
        history: events
          .filter((e) => e.application_id === row.id)
          .map((e) => ({ from: e.from_status, to: e.to_status, by: e.side, at: e.at, reason: e.reason })),
      }));
    },
    async forget(userId: number): Promise<void> {
      await repo.anonymiseSeeker(db, userId);
    },
  };
}
