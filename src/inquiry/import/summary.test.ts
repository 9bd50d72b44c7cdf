import { describe, expect, it } from 'vitest';
import { addCounts, countsFromJson, emptyCounts, MAX_LISTED_LINES, recordSkip } from './summary';

describe('addCounts', () => {
  it('adds every count and keeps the listed lines in order, capped', () => {
    const a = emptyCounts();
    a.imported = 3;
    a.citations.resolved = 2;
    for (let line = 1; line <= MAX_LISTED_LINES - 2; line++) recordSkip(a, 'bad-json', line);
    const b = emptyCounts();
    b.imported = 4;
    b.aliases = 1;
    b.citations = {
      resolved: 5,
      unresolved: 1,
      answersWithUnresolved: 1,
      answersWithoutBasis: 2,
      unresolvedListed: [{ line: 100, text: '《广东省工伤保险条例》第十条' }],
    };
    for (const line of [100, 101, 102, 103]) recordSkip(b, 'bad-json', line);
    recordSkip(b, 'binary', 104);

    const sum = addCounts(a, b);
    expect(sum).toMatchObject({
      imported: 7,
      aliases: 1,
      citations: {
        resolved: 7,
        unresolved: 1,
        answersWithUnresolved: 1,
        answersWithoutBasis: 2,
        unresolvedListed: [{ line: 100, text: '《广东省工伤保险条例》第十条' }],
      },
    });
    expect(sum.read).toBe(a.read + b.read);
    expect(sum.skipped.total).toBe(MAX_LISTED_LINES - 2 + 5);
    expect(sum.skipped.byReason['bad-json']!.count).toBe(MAX_LISTED_LINES + 2);
    expect(sum.skipped.byReason['bad-json']!.lines).toHaveLength(MAX_LISTED_LINES);
    expect(sum.skipped.byReason['bad-json']!.lines.slice(-2)).toEqual([100, 101]);
    expect(sum.skipped.byReason.binary).toEqual({ count: 1, lines: [104] });
    // The inputs are left as they were.
    expect(a.imported).toBe(3);
    expect(a.skipped.byReason['bad-json']!.count).toBe(MAX_LISTED_LINES - 2);
  });

  it('reads counts stored before a citation count existed as zero', () => {
    const old = JSON.stringify({
      ...emptyCounts(),
      citations: { resolved: 2, unresolved: 1, answersWithUnresolved: 1 },
    });
    expect(countsFromJson(old).citations).toEqual({
      resolved: 2,
      unresolved: 1,
      answersWithUnresolved: 1,
      answersWithoutBasis: 0,
      unresolvedListed: [],
    });
  });
});
