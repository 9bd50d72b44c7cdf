/** What a job post is checked against besides its schema: the places it names and the benefit tags it picks. */

import { Invalid } from '../../platform/web/errors';
import { validInput } from '../../platform/web/validation';
import { isCityLevel, type Region } from '../../regions';
import type { JobsContext } from '../deps';
import { type JobInput, jobInputSchema } from '../schemas';

export interface PlaceChoice {
  code: string;
  name: { en: string; zh: string };
}

/**
 * The cities a job may be in (the regions module's rule, isCityLevel: a prefecture-level city or a municipality),
 * each with its districts, for the form.
 */
export async function placeChoices(ctx: JobsContext): Promise<(PlaceChoice & { districts: PlaceChoice[] })[]> {
  const regions = await ctx.regions.list();
  const named = (r: Region): PlaceChoice => ({ code: r.code, name: { en: r.nameEn, zh: r.nameZh } });
  return regions.filter(isCityLevel).map((city) => ({
    ...named(city),
    districts: regions.filter((r) => r.level === 'district' && r.parentCode === city.code).map(named),
  }));
}

/**
 * The form's values as a job post, or Invalid naming each field's problem. Read before any transaction opens:
 * regions are another module's, and on SQLite a read outside an open transaction would wait for it.
 */
export async function checkJobInput(ctx: JobsContext, values: unknown): Promise<JobInput> {
  const input = validInput(jobInputSchema, values);
  await checkPlaces(ctx, input);
  const known = new Set(ctx.benefits.map((b) => b.key));
  if (input.benefits.some((tag) => !known.has(tag)))
    throw new Invalid('employer.error.fix', {}, [{ field: 'benefits', key: 'employer.error.benefitUnknown' }]);
  return input;
}

/** The city is one a job may be in, and the district (if any) lies in it. */
export async function checkPlaces(ctx: JobsContext, input: Pick<JobInput, 'city' | 'district'>): Promise<void> {
  const city = await ctx.regions.find(input.city);
  if (!city || !isCityLevel(city))
    throw new Invalid('employer.error.fix', {}, [{ field: 'city', key: 'employer.error.cityChoose' }]);
  if (input.district !== null) {
    const district = await ctx.regions.find(input.district);
    if (district?.level !== 'district' || district.parentCode !== city.code)
      throw new Invalid('employer.error.fix', {}, [{ field: 'district', key: 'employer.error.districtChoose' }]);
  }
}
