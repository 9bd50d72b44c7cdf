import { describe, expect, it } from 'vitest';
import { type ReplyRecord, responsiveness } from './responsiveness';

const now = new Date('2026-12-07T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
/** Submitted `ago` days ago, replied `after` days later (null: never), withdrawn `withdrawn` days later. */
const record = (ago: number, after: number | null, withdrawn: number | null = null): ReplyRecord => ({
  submittedAt: daysAgo(ago),
  repliedAt: after === null ? null : daysAgo(ago - after),
  withdrawnAt: withdrawn === null ? null : daysAgo(ago - withdrawn),
});

describe('responsiveness', () => {
  it('is the share replied to within three days, viewed not counting as a reply', () => {
    const records = [
      ...Array.from({ length: 8 }, () => record(20, 1)),
      record(20, 5), // replied, but late
      record(20, null), // never (viewed only, as the service leaves viewed out)
    ];
    expect(responsiveness(records, now)).toEqual({ counted: 10, repliedInTime: 8, percent: 80, medianDays: 1 });
  });

  it('is not shown below ten counted applications', () => {
    expect(
      responsiveness(
        Array.from({ length: 9 }, () => record(10, 1)),
        now,
      ),
    ).toBeNull();
  });

  it('leaves out applications older than 90 days and fresh ones still within their three days', () => {
    const records = [
      ...Array.from({ length: 9 }, () => record(30, 2)),
      record(91, 1), // outside the window
      record(1, null), // still has time
      record(2.5, null), // still has time
    ];
    expect(responsiveness(records, now)).toBeNull();
    // A fresh one already answered counts.
    expect(responsiveness([...records, record(1, 0.5)], now)).toMatchObject({ counted: 10, percent: 100 });
  });

  it('leaves out applications withdrawn before a reply within three days, but counts later withdrawals', () => {
    const base = Array.from({ length: 9 }, () => record(30, 1));
    expect(responsiveness([...base, record(30, null, 1)], now)).toBeNull();
    expect(responsiveness([...base, record(30, null, 10)], now)).toMatchObject({ counted: 10, percent: 90 });
  });

  it('rounds the share down and gives the median reply time in days', () => {
    const records = [
      ...Array.from({ length: 2 }, () => record(40, 0.2)),
      ...Array.from({ length: 3 }, () => record(40, 2.5)),
      ...Array.from({ length: 6 }, () => record(40, null)),
    ];
    // 5 of 11 within three days = 45.45 → 45; replies 0.2, 0.2, 2.5, 2.5, 2.5 → median 2.5 days → 3.
    expect(responsiveness(records, now)).toEqual({ counted: 11, repliedInTime: 5, percent: 45, medianDays: 3 });
  });
});
