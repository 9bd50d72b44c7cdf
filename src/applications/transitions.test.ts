import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, type ApplicationStatus } from './tables';
import { checkMove, type MoveState, movesFor, TRANSITIONS } from './transitions';

const now = new Date('2026-12-07T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
const at = (status: ApplicationStatus, previousStatus: ApplicationStatus | null = null, changed = hoursAgo(1)) =>
  ({ status, previousStatus, statusChangedAt: changed }) satisfies MoveState;

describe('application moves', () => {
  it('lets an employer move forward from the open stages, and interview again', () => {
    for (const from of ['submitted', 'viewed', 'interview'] as const) {
      for (const to of ['interview', 'offer', 'rejected'] as const)
        expect(checkMove(at(from), 'employer', to, now)).toBeNull();
    }
    expect(checkMove(at('submitted'), 'employer', 'viewed', now)).toBeNull();
  });

  it('never goes back to submitted or viewed, and not from an offer or a withdrawal', () => {
    expect(checkMove(at('interview'), 'employer', 'viewed', now)).toBe('notAllowed');
    expect(checkMove(at('viewed'), 'employer', 'submitted', now)).toBe('notAllowed');
    for (const to of APPLICATION_STATUSES) {
      expect(checkMove(at('offer'), 'employer', to, now)).toBe('final');
      expect(checkMove(at('withdrawn'), 'employer', to, now)).toBe('final');
      expect(checkMove(at('offer'), 'seeker', to, now)).toBe('final');
      expect(checkMove(at('withdrawn'), 'seeker', to, now)).toBe('final');
    }
  });

  it('undoes a not-a-fit within 24 hours, only back to the stage it came from', () => {
    expect(checkMove(at('rejected', 'interview', hoursAgo(23)), 'employer', 'interview', now)).toBeNull();
    expect(checkMove(at('rejected', 'interview', hoursAgo(23)), 'employer', 'offer', now)).toBe('undoElsewhere');
    expect(checkMove(at('rejected', 'interview', hoursAgo(24)), 'employer', 'interview', now)).toBe('undoExpired');
    expect(checkMove(at('rejected', null, hoursAgo(1)), 'employer', 'submitted', now)).toBe('undoExpired');
    expect(movesFor(at('rejected', 'viewed', hoursAgo(2)), 'employer', now)).toEqual(['viewed']);
    expect(movesFor(at('rejected', 'viewed', hoursAgo(25)), 'employer', now)).toEqual([]);
  });

  it('lets the seeker only withdraw, and only while the application is open', () => {
    for (const from of ['submitted', 'viewed', 'interview'] as const) {
      expect(checkMove(at(from), 'seeker', 'withdrawn', now)).toBeNull();
      expect(checkMove(at(from), 'seeker', 'offer', now)).toBe('notAllowed');
    }
    expect(checkMove(at('rejected', 'viewed'), 'seeker', 'withdrawn', now)).toBe('final');
  });

  it('offers buttons for the choosable moves only (viewed happens by opening)', () => {
    expect(movesFor(at('submitted'), 'employer', now)).toEqual(['interview', 'offer', 'rejected']);
    expect(movesFor(at('offer'), 'employer', now)).toEqual([]);
    expect(movesFor(at('viewed'), 'seeker', now)).toEqual(['withdrawn']);
  });

  it('covers every status for both sides', () => {
    for (const side of ['employer', 'seeker'] as const)
      expect(Object.keys(TRANSITIONS[side]).sort()).toEqual([...APPLICATION_STATUSES].sort());
  });
});
