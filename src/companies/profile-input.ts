import type { z } from 'zod';
import { type FieldProblem, Invalid } from '../platform/web/errors';
import type { MessageKey } from '../platform/web/messages';
import { firstProblemPerField, zodProblems } from '../platform/web/validation';
import { isCityLevel, type RegionService } from '../regions';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';
import { companyProfileSchema, newCompanySchema } from './schemas';

export type CompanyProfile = z.output<typeof companyProfileSchema>;

const CREDIT_CODE_MESSAGES: Record<'format' | 'check', MessageKey> = {
  format: 'company.error.creditCodeFormat',
  check: 'company.error.creditCodeCheck',
};

/**
 * The profile as the forms send it, checked all at once, so a refused form shows every field's problem: the
 * schema's, the city (one of the cities companies are in) and, for a new company, the credit code's check.
 */
export async function checkProfile(regions: RegionService, input: unknown): Promise<CompanyProfile> {
  const parsed = companyProfileSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  problems.push(...(await cityProblems(regions, (input as { city?: unknown } | null)?.city)));
  if (!parsed.success || problems.length > 0) throw refusal(problems);
  return parsed.data;
}

export async function checkNewCompany(
  regions: RegionService,
  input: unknown,
): Promise<CompanyProfile & { creditCode: string }> {
  const parsed = newCompanySchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const raw = (input as { creditCode?: unknown; city?: unknown } | null) ?? {};
  const creditCode = normaliseCreditCode(typeof raw.creditCode === 'string' ? raw.creditCode : '');
  const problem = creditCodeProblem(creditCode);
  if (problem) problems.push({ field: 'creditCode', key: CREDIT_CODE_MESSAGES[problem] });
  problems.push(...(await cityProblems(regions, raw.city)));
  if (!parsed.success || problems.length > 0) throw refusal(problems);
  return { ...parsed.data, creditCode };
}

async function cityProblems(regions: RegionService, city: unknown): Promise<FieldProblem[]> {
  if (typeof city !== 'string' || city === '') return [];
  const region = await regions.find(city);
  return region && isCityLevel(region) ? [] : [{ field: 'city', key: 'company.error.cityChoose' }];
}

function refusal(problems: FieldProblem[]): Invalid {
  const details = firstProblemPerField(problems);
  return new Invalid('company.error.form', {}, details);
}
