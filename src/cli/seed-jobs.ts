/**
 * Loads the shipped (demo) companies and jobs of data/demo/jobs.json: companies first (the companies module
 * returns each key's id), then jobs, published as of the load. Loading twice adds nothing (source keys).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { COMPANY_SIZES, INDUSTRIES, type ShippedCompany } from '../companies';
import { shippedJobSchema } from '../jobs';
import type { Modules } from '../modules';

const shippedCompanySchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  creditCode: z.string().min(18),
  industry: z.enum(INDUSTRIES),
  size: z.enum(COMPANY_SIZES),
  region: z.string().min(1),
  website: z.string().nullable().default(null),
  descriptionEn: z.string().default(''),
  descriptionZh: z.string().default(''),
  verified: z.boolean().default(true),
}) satisfies z.ZodType<ShippedCompany, unknown>;

export const shippedJobsFileSchema = z.object({
  companies: z.array(shippedCompanySchema),
  jobs: z.array(shippedJobSchema),
});

export async function seedJobs(modules: Pick<Modules, 'companies' | 'jobs'>, file: string) {
  const shipped = shippedJobsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const companyIds = await modules.companies.service.loadShipped(shipped.companies);
  const jobsAdded = await modules.jobs.posting.loadShipped(shipped.jobs, companyIds);
  return { jobsAdded };
}
