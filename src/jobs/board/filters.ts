/**
 * A job search's filters as conditions on the jobs kind's attributes, one part per filter, so facet counts can
 * leave out a filter's own part (README.md, "Facets": each choice's count is what the results would be with that
 * choice instead of the current one; benefits, which add up, count under every current filter).
 */
import type { CompanySize, Industry } from '../../companies';
import type { SearchFilter } from '../../platform/search';
import type { Education, EmploymentType, Experience } from '../tables';

export const SORTS = ['relevance', 'newest', 'salary'] as const;
export type JobSort = (typeof SORTS)[number];

/** "Posted within" choices, in days. */
export const POSTED_WITHIN = [1, 3, 7, 14, 30] as const;

/** Monthly salary bands the filter offers (yuan; max null: no upper end), counted by overlap. */
export const SALARY_BANDS: readonly { min: number; max: number | null }[] = [
  { min: 0, max: 5000 },
  { min: 5000, max: 10000 },
  { min: 10000, max: 15000 },
  { min: 15000, max: 20000 },
  { min: 20000, max: 30000 },
  { min: 30000, max: 50000 },
  { min: 50000, max: null },
];

export const bandKey = (band: { min: number; max: number | null }) => `${band.min}-${band.max ?? ''}`;

/** What a seeker asks for (validated: schemas.ts); city and district are region codes. */
export interface JobFilters {
  city?: string;
  district?: string;
  salaryMin?: number;
  salaryMax?: number;
  experience?: Experience;
  education?: Education;
  type?: EmploymentType;
  benefits: string[];
  size?: CompanySize;
  industry?: Industry;
  postedWithin?: number;
}

export const DIMENSIONS = [
  'city',
  'district',
  'salary',
  'experience',
  'education',
  'type',
  'benefits',
  'size',
  'industry',
  'posted',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * A job's salary range meets the asked range when they overlap: a 8–12k job is found by "at least 10k" and by
 * "at most 9k".
 */
export function salaryOverlap(min: number | undefined, max: number | null | undefined): SearchFilter {
  return {
    ...(min !== undefined && min > 0 && { salary_max: { min } }),
    ...(max !== undefined && max !== null && { salary_min: { max } }),
  };
}

export const postedSince = (now: Date, days: number) => Math.floor(now.getTime() / 60_000) - days * 24 * 60;

/** Each filter's own conditions (absent when not asked for). */
export function filterParts(
  input: JobFilters,
  resolved: { cityCodes?: string[]; benefitMask: number },
  now: Date,
): Partial<Record<Dimension, SearchFilter>> {
  return {
    ...(resolved.cityCodes && { city: { city: { in: resolved.cityCodes } } }),
    ...(input.district && { district: { district: { in: [input.district] } } }),
    ...((input.salaryMin !== undefined || input.salaryMax !== undefined) && {
      salary: salaryOverlap(input.salaryMin, input.salaryMax),
    }),
    ...(input.experience && { experience: { experience: { in: [input.experience] } } }),
    ...(input.education && { education: { education: { in: [input.education] } } }),
    ...(input.type && { type: { type: { in: [input.type] } } }),
    ...(resolved.benefitMask !== 0 && { benefits: { benefits: { allBits: resolved.benefitMask } } }),
    ...(input.size && { size: { company_size: { in: [input.size] } } }),
    ...(input.industry && { industry: { industry: { in: [input.industry] } } }),
    ...(input.postedWithin && { posted: { posted: { min: postedSince(now, input.postedWithin) } } }),
  };
}

/** The filter of every part but `without`'s, on top of `base` (open jobs only). */
export function combine(
  base: SearchFilter,
  parts: Partial<Record<Dimension, SearchFilter>>,
  without: readonly Dimension[] = [],
): SearchFilter {
  const filter: SearchFilter = { ...base };
  for (const dimension of DIMENSIONS) {
    if (!without.includes(dimension)) Object.assign(filter, parts[dimension]);
  }
  return filter;
}
