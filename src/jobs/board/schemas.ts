/**
 * The job search's parameters, for the page (GET /jobs, a form's fields: blank means "any") and the API (GET
 * /api/v1/jobs). Messages are catalogue keys (messages/{en,zh}/jobs.ts): a bad parameter is a 400 with the reason.
 */
import { z } from 'zod';
import { COMPANY_SIZES, INDUSTRIES } from '../../companies';
import { EDUCATION, EMPLOYMENT_TYPES, EXPERIENCE } from '../tables';
import { POSTED_WITHIN, SORTS } from './filters';
import { MAX_PAGE } from './search';

export const MAX_JOB_QUERY = 200;
const REGION = /^CN(-[A-Z]{2}){1,3}$/;
const SALARY_MAX = 1_000_000;

/** A form sends an empty field for "any". */
const blank = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const salary = z.coerce
  .number({ error: 'jobs.error.salary' })
  .int('jobs.error.salary')
  .min(0, 'jobs.error.salary')
  .max(SALARY_MAX, 'jobs.error.salary');

/** `benefits=a,b` or `benefits=a&benefits=b` (a form's checkboxes). */
const benefits = z.preprocess(
  (value) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value])
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'jobs.error.benefit')).max(20, 'jobs.error.benefit'),
);

export const jobSearchFields = {
  q: z.string().trim().max(MAX_JOB_QUERY, 'jobs.error.queryTooLong').default(''),
  city: optional(z.string().regex(REGION, 'jobs.error.place')),
  district: optional(z.string().regex(REGION, 'jobs.error.place')),
  salaryMin: optional(salary),
  salaryMax: optional(salary),
  experience: optional(z.enum(EXPERIENCE, 'jobs.error.experience')),
  education: optional(z.enum(EDUCATION, 'jobs.error.education')),
  type: optional(z.enum(EMPLOYMENT_TYPES, 'jobs.error.type')),
  benefits,
  size: optional(z.enum(COMPANY_SIZES, 'jobs.error.size')),
  industry: optional(z.enum(INDUSTRIES, 'jobs.error.industry')),
  postedWithin: optional(
    z.coerce
      .number({ error: 'jobs.error.postedWithin' })
      .refine((days) => (POSTED_WITHIN as readonly number[]).includes(days), 'jobs.error.postedWithin'),
  ),
  sort: optional(z.enum(SORTS, 'jobs.error.sort')),
  page: z.coerce
    .number({ error: 'jobs.error.page' })
    .int('jobs.error.page')
    .min(1, 'jobs.error.page')
    .max(MAX_PAGE, 'jobs.error.pageMax')
    .default(1),
};

const salaryOrder = (query: { salaryMin?: number; salaryMax?: number }) =>
  query.salaryMin === undefined || query.salaryMax === undefined || query.salaryMin <= query.salaryMax;

export const jobSearchPageQuerySchema = z
  .object(jobSearchFields)
  .refine(salaryOrder, { path: ['salaryMax'], message: 'jobs.error.salaryOrder' });

export const jobSearchQuerySchema = z
  .object({
    ...jobSearchFields,
    lang: z
      .enum(['en', 'zh'], { error: 'jobs.error.lang' })
      .optional()
      .describe('The reader’s language, zh or en (without it: Accept-Language, else English)'),
  })
  .refine(salaryOrder, { path: ['salaryMax'], message: 'jobs.error.salaryOrder' });

export const jobIdParamsSchema = z.object({
  id: z.coerce
    .number({ error: 'jobs.error.id' })
    .int('jobs.error.id')
    .min(1, 'jobs.error.id')
    .max(2 ** 31 - 1, 'jobs.error.id'),
});
