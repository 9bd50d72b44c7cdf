import type { Region } from './service';

/** The four municipalities (直辖市): the region data files them as provinces, but they are cities too. */
const MUNICIPALITIES: ReadonlySet<string> = new Set(['CN-BJ', 'CN-SH', 'CN-TJ', 'CN-CQ']);

/** A place a company or a job is in: a prefecture-level city, or a municipality. */
export function isCityLevel(region: Region): boolean {
  return region.level === 'city' || MUNICIPALITIES.has(region.code);
}
