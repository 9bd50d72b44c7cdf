/**
 * One change of an application's status, the one way every change is made: checked against the transitions table,
 * written with its event (from, to, who, when, why or the interview's details) in the caller's transaction.
 */
import type { Transaction } from 'kysely';
import { Conflict } from '../platform/web/errors';
import type { MessageKey } from '../platform/web/messages';
import * as repo from './repository';
import type { ApplicationRow, ApplicationStatus, ApplicationTables, EventSide } from './tables';
import { checkMove, type MoveRefusal } from './transitions';

const REFUSALS = {
  final: 'applications.error.move.final',
  notAllowed: 'applications.error.move.notAllowed',
  undoExpired: 'applications.error.move.undoExpired',
  undoElsewhere: 'applications.error.move.undoElsewhere',
} as const satisfies Record<MoveRefusal, MessageKey>;

export interface ChangeDetails {
  reason?: string;
  interviewAt?: string;
  interviewPlace?: string;
}

export const moveState = (row: Pick<ApplicationRow, 'status' | 'previous_status' | 'status_changed_at'>) => ({
  status: row.status,
  previousStatus: row.previous_status,
  statusChangedAt: row.status_changed_at,
});

export async function changeStatus(
  trx: Transaction<ApplicationTables>,
  row: ApplicationRow,
  to: ApplicationStatus,
  who: { side: EventSide; actorId: number },
  details: ChangeDetails,
  now: Date,
): Promise<void> {
  const refusal = checkMove(moveState(row), who.side, to, now);
  if (refusal) throw new Conflict(REFUSALS[refusal]);
  const at = now.toISOString();
  const undo = row.status === 'rejected';
  const reason = details.reason?.trim() ? details.reason.trim() : null;
  const changed = await repo.updateIfStatus(trx, row.id, row.status, {
    status: to,
    // Where a not-a-fit came from, so that undoing it returns there.
    previous_status: to === 'rejected' ? row.status : null,
    status_changed_at: at,
    ...(to === 'viewed' && { viewed_at: at }),
    ...(to === 'interview' && { interview_at: details.interviewAt, interview_place: details.interviewPlace }),
    ...(to === 'rejected' && { reject_reason: reason }),
    ...(undo && { reject_reason: null }),
  });
  if (!changed) throw new Conflict('applications.error.changedMeanwhile');
  await repo.insertEvent(trx, {
    application_id: row.id,
    from_status: row.status,
    to_status: to,
    actor_id: who.actorId,
    side: who.side,
    at,
    reason: to === 'rejected' ? reason : null,
    interview_at: to === 'interview' ? (details.interviewAt ?? null) : null,
    interview_place: to === 'interview' ? (details.interviewPlace ?? null) : null,
  });
}
