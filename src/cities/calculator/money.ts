/**
 * Money in fen (integers), so sums are exact and rounding happens where the rules say, not where floating point
 * drifts. Rates are held in hundredths of a percent (9.8 % → 980, 0.16 % → 16): a base in fen times such a rate
 * is an integer, and one integer division rounds it.
 */
import type { Rounding } from '../shipped';

export type Fen = number;

export const toFen = (yuan: number): Fen => Math.round(yuan * 100);
export const toYuan = (fen: Fen): number => fen / 100;

/** A percent as hundredths of a percent (basis points), the unit the contribution arithmetic uses. */
export const basisPoints = (percent: number): number => Math.round(percent * 100);

/** Half up, as the contribution and tax notices do (四舍五入); n and d positive integers. */
function divideHalfUp(n: number, d: number): number {
  return Math.floor((n + d / 2) / d);
}

/** base × rate, rounded to the fen, or to whole yuan where the city rounds so (Shanghai's housing fund). */
export function applyRate(base: Fen, bp: number, rounding: Rounding): Fen {
  const product = base * bp; // fen × 1/10,000
  return rounding === 'yuan' ? divideHalfUp(product, 1_000_000) * 100 : divideHalfUp(product, 10_000);
}

/** amount × percent (an integer percent such as a tax rate of 3 or 45), to the fen. */
export function percentOf(amount: Fen, percent: number): Fen {
  return divideHalfUp(amount * percent, 100);
}

export const clamp = (value: number, floor: number, ceiling: number): number =>
  Math.min(Math.max(value, floor), ceiling);
