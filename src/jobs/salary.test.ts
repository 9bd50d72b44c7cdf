import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSalary, type Salary, salaryEn, salaryZh } from './salary';

describe('salary as Chinese job sites write it', () => {
  it('writes whole thousands with K and the months only when not 12', () => {
    expect(salaryZh({ min: 15000, max: 25000, months: 13 })).toBe('15-25K·13薪');
    expect(salaryZh({ min: 15000, max: 25000, months: 12 })).toBe('15-25K');
    expect(salaryZh({ min: 30000, max: 30000, months: 14 })).toBe('30K·14薪');
  });

  it('writes yuan a month when an end is not a whole thousand', () => {
    expect(salaryZh({ min: 8500, max: 9500, months: 12 })).toBe('8500-9500元/月');
    expect(salaryZh({ min: 8000, max: 9500, months: 13 })).toBe('8000-9500元/月·13薪');
  });
});

describe('salary in English', () => {
  it('writes ¥15k–25k a month · 13 months', () => {
    expect(salaryEn({ min: 15000, max: 25000, months: 13 })).toBe('¥15k–25k a month · 13 months');
    expect(salaryEn({ min: 15000, max: 25000, months: 12 })).toBe('¥15k–25k a month');
    expect(salaryEn({ min: 8500, max: 9500, months: 12 })).toBe('¥8,500–9,500 a month');
    expect(salaryEn({ min: 200000, max: 200000, months: 16 })).toBe('¥200k a month · 16 months');
  });

  it('follows the locale', () => {
    const s = { min: 6000, max: 8000, months: 12 };
    expect(formatSalary('zh', s)).toBe('6-8K');
    expect(formatSalary('en', s)).toBe('¥6k–8k a month');
  });
});

const salaries = fc
  .record({
    a: fc.integer({ min: 1000, max: 1_000_000 }),
    b: fc.integer({ min: 1000, max: 1_000_000 }),
    months: fc.integer({ min: 12, max: 16 }),
    thousands: fc.boolean(),
  })
  .map(({ a, b, months, thousands }): Salary => {
    const round = (n: number) => (thousands ? Math.max(1, Math.round(n / 1000)) * 1000 : n);
    const [min, max] = [round(Math.min(a, b)), round(Math.max(a, b))];
    return { min, max, months };
  });

/** Reads a Chinese salary back: the ends in yuan and the months. */
function parseZh(text: string): Salary {
  const match = /^(\d+)(?:-(\d+))?(K|元\/月)(?:·(\d+)薪)?$/.exec(text);
  if (!match) throw new Error(`unreadable: ${text}`);
  const unit = match[3] === 'K' ? 1000 : 1;
  const min = Number(match[1]) * unit;
  return { min, max: match[2] ? Number(match[2]) * unit : min, months: match[4] ? Number(match[4]) : 12 };
}

describe('salary formats, for any salary', () => {
  it('say the same salary as was given (Chinese reads back exactly)', () => {
    fc.assert(
      fc.property(salaries, (s) => {
        expect(parseZh(salaryZh(s))).toEqual(s);
      }),
    );
  });

  it('name the months exactly when they are not 12, in both languages', () => {
    fc.assert(
      fc.property(salaries, (s) => {
        expect(salaryZh(s).includes('薪')).toBe(s.months !== 12);
        expect(salaryEn(s).includes('months')).toBe(s.months !== 12);
      }),
    );
  });

  it('use K in both languages exactly when both ends are whole thousands', () => {
    fc.assert(
      fc.property(salaries, (s) => {
        const whole = s.min % 1000 === 0 && s.max % 1000 === 0;
        expect(salaryZh(s).includes('K')).toBe(whole);
        expect(/\dk/.test(salaryEn(s))).toBe(whole);
      }),
    );
  });
});
