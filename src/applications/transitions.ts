/**
 * Which moves an application may make, as a table (docs/decisions/0115-applications.md). Pure: no database, no
 * clock but the one passed in. The service asks `checkMove` before every change and the pages ask `movesFor` which
 * buttons to show, so the rules are written once.
 *
 * - An employer moves an application forward: to interview (again, to change the time or place), offer or not a
 *   fit; `viewed` is set by opening it, never chosen.
 * - No going back from an offer (hired): it is final, like withdrawn.
 * - Not a fit may be undone within 24 hours, back to the stage it came from, and only there.
 * - The seeker withdraws while the application is open (submitted, viewed or invited to interview).
 */
import type { ApplicationStatus, EventSide } from './tables';

export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Where each side may move an application from each status (not a fit's undo is the rule below the table). */
export const TRANSITIONS: Record<EventSide, Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  employer: {
    submitted: ['viewed', 'interview', 'offer', 'rejected'],
    viewed: ['interview', 'offer', 'rejected'],
    interview: ['interview', 'offer', 'rejected'],
    offer: [],
    rejected: [],
    withdrawn: [],
  },
  seeker: {
    submitted: ['withdrawn'],
    viewed: ['withdrawn'],
    interview: ['withdrawn'],
    offer: [],
    rejected: [],
    withdrawn: [],
  },
};

/** What a move depends on: where the application is, where a not-a-fit came from and when it was decided. */
export interface MoveState {
  status: ApplicationStatus;
  previousStatus: ApplicationStatus | null;
  statusChangedAt: string;
}

/** Why a move is refused, as the name of its message (`applications.error.move.<reason>`). */
export type MoveRefusal = 'final' | 'notAllowed' | 'undoExpired' | 'undoElsewhere';

/** Whether this not-a-fit may still be undone at `now`. */
export function mayUndoRejection(state: MoveState, now: Date): boolean {
  return (
    state.status === 'rejected' &&
    state.previousStatus !== null &&
    now.getTime() - Date.parse(state.statusChangedAt) < UNDO_WINDOW_MS
  );
}

/** null when the side may move the application to `to` now; else why not. */
export function checkMove(state: MoveState, side: EventSide, to: ApplicationStatus, now: Date): MoveRefusal | null {
  if (state.status === 'rejected' && side === 'employer') {
    if (!mayUndoRejection(state, now)) return 'undoExpired';
    return to === state.previousStatus ? null : 'undoElsewhere';
  }
  const allowed = TRANSITIONS[side][state.status];
  if (allowed.length === 0) return 'final';
  return allowed.includes(to) ? null : 'notAllowed';
}

/** The statuses the side may choose now (for buttons); `viewed` is not chosen, it happens. */
export function movesFor(state: MoveState, side: EventSide, now: Date): ApplicationStatus[] {
  if (state.status === 'rejected' && side === 'employer')
    return mayUndoRejection(state, now) ? [state.previousStatus!] : [];
  return TRANSITIONS[side][state.status].filter((to) => to !== 'viewed');
}
