import type { Region } from '../../regions';

/**
 * Answers are written for the country, a province or a city (social security rules are set there); districts,
 * which the jobs board uses, are not offered where an answer's region is chosen or filtered by.
 */
const ANSWER_REGION_LEVELS: ReadonlySet<string> = new Set(['country', 'province', 'city']);

export const answerRegions = (regions: Region[]) => regions.filter((r) => ANSWER_REGION_LEVELS.has(r.level));
