import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertRates } from './convert';
import { convertTax } from './convert-tax';

const SHARED = '../shared/data/cities';
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The shared copy lies outside the repository: a clone elsewhere (CI) skips these, with a message. */
const sharedPresent = existsSync(`${SHARED}/rates.json`);
if (!sharedPresent) console.warn(`${SHARED} is not here: the city data converter tests are skipped.`);

describe.skipIf(!sharedPresent)('the city data converter', () => {
  // Collected even when skipped: read the shared copy only when it is there.
  const rates = sharedPresent
    ? convertRates(read(`${SHARED}/rates.json`), 'x')
    : (null as unknown as ReturnType<typeof convertRates>);
  const shippedRates = read('data/cities/rates.json');

  it('wrote the shipped files from the shared copy (run src/cli/convert-cities.ts after a change)', () => {
    expect({ ...rates, convertedFrom: shippedRates.convertedFrom }).toEqual(shippedRates);
    const tax = convertTax(read(`${SHARED}/iit.json`), 'x');
    const shippedTax = read('data/cities/iit.json');
    expect({ ...tax, convertedFrom: shippedTax.convertedFrom }).toEqual(shippedTax);
  });

  it('maps every city to its region and keeps undated periods undated', () => {
    expect(rates.cities.map((c) => `${c.slug}:${c.region}`)).toContain('shenzhen:CN-GD-SZ');
    expect(rates.cities.map((c) => c.region)).toContain('CN-CQ');
    const hangzhou = rates.periods.find((p) => p.key === 'hangzhou-2025');
    expect(hangzhou).toMatchObject({ from: null, to: null });
  });

  it('keeps every null of the shared data a null, and grades figures SOURCE.md doubts', () => {
    const shared = read(`${SHARED}/rates.json`) as { rates: { housing_fund: { min: number | null } } }[];
    const nullFundRates = shared.filter((p) => p.rates.housing_fund.min === null).length;
    const fund = rates.periods.flatMap((p) => p.rates.filter((r) => r.insurance === 'housing_fund'));
    expect(fund.filter((r) => r.rateMin === null)).toHaveLength(nullFundRates);
    const period = (key: string) => rates.periods.find((p) => p.key === key)!;
    const row = (key: string, insurance: string) => period(key).rates.find((r) => r.insurance === insurance)!;
    // Beijing's 3-yuan medical item: in 2024, carried forward into 2025 by the data's notes, unknown in 2026.
    expect([2024, 2025, 2026].map((y) => row(`beijing-${y}`, 'medical').employeeFixed)).toEqual([3, 3, null]);
    expect(row('beijing-2025', 'housing_fund').baseConfidence).toBe('low');
    expect(row('guangzhou-2024', 'pension').baseConfidence).toBe('low');
    expect(row('shanghai-2025', 'housing_fund').rounding).toBe('yuan');
    expect(row('shanghai-2024', 'housing_fund').rounding).toBe('fen');
    expect(row('guangzhou-2024', 'medical')).toMatchObject({ baseFloor: 5996, baseCeiling: 29979 });
    expect(row('hangzhou-2025', 'medical')).toMatchObject({ baseFloor: null, employeeRate: null });
  });
});
