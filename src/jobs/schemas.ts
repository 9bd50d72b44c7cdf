/**
 * A job post as an employer writes it (the form, shipped demo jobs), checked by one schema for both sides of the
 * board. What needs data (a known city, a district inside it, known benefit tags) is checked by the posting
 * service; everything else is here. Messages are catalogue keys (src/platform/web/messages/{en,zh}/employer.ts).
 */
import { z } from 'zod';
import type { MessageKey } from '../platform/web/messages';
import { EDUCATION, EMPLOYMENT_TYPES, EXPERIENCE, INSURANCE_BASES, REPORT_REASONS } from './tables';

export const SALARY_LIMITS = { min: 1000, max: 1_000_000 } as const;
export const SALARY_MONTHS = { min: 12, max: 16 } as const;
export const HEADCOUNT_MAX = 999;
export const HOUSING_FUND_RATES = { min: 5, max: 12 } as const;
/** A post is open at most 90 days from approval or renewal; 30 unless the employer says otherwise. */
export const VALID_DAYS = { min: 1, max: 90, default: 30 } as const;
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 20_000;
export const REPORT_DETAILS_MAX = 2000;

/** A blank form field is no value. */
const blankAsNull = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value;

const optionalText = (max: number, tooLong: MessageKey) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? blankAsNull(v.trim()) : blankAsNull(v)),
    z.string().max(max, tooLong).nullable(),
  );

const wholeNumber = (min: number, max: number, message: MessageKey) =>
  z.coerce.number(message).int(message).min(min, message).max(max, message);

const salary = wholeNumber(SALARY_LIMITS.min, SALARY_LIMITS.max, 'employer.error.salaryRange');

export const jobInputSchema = z
  .object({
    titleEn: optionalText(TITLE_MAX, 'employer.error.titleTooLong'),
    titleZh: optionalText(TITLE_MAX, 'employer.error.titleTooLong'),
    descriptionEn: optionalText(DESCRIPTION_MAX, 'employer.error.descriptionTooLong'),
    descriptionZh: optionalText(DESCRIPTION_MAX, 'employer.error.descriptionTooLong'),
    city: z.string().trim().min(1, 'employer.error.cityChoose'),
    district: z.preprocess(blankAsNull, z.string().trim().nullable()),
    salaryMin: salary,
    salaryMax: salary,
    salaryMonths: wholeNumber(SALARY_MONTHS.min, SALARY_MONTHS.max, 'employer.error.salaryMonths'),
    experience: z.enum(EXPERIENCE, 'employer.error.choose'),
    education: z.enum(EDUCATION, 'employer.error.choose'),
    employmentType: z.enum(EMPLOYMENT_TYPES, 'employer.error.choose'),
    headcount: wholeNumber(1, HEADCOUNT_MAX, 'employer.error.headcount'),
    // A form with one box ticked sends one string.
    benefits: z.preprocess(
      (v) => (typeof v === 'string' ? [v] : (v ?? [])),
      z.array(z.string().max(60), 'employer.error.benefitUnknown').max(40, 'employer.error.benefitUnknown'),
    ),
    insuranceBase: z.enum(INSURANCE_BASES, 'employer.error.choose'),
    insuranceBaseAmount: z.preprocess(
      blankAsNull,
      wholeNumber(SALARY_LIMITS.min, SALARY_LIMITS.max, 'employer.error.insuranceAmount').nullable(),
    ),
    // Percent of the salary each side pays into the housing fund; none (null) is a declaration too.
    housingFundRate: z.preprocess(
      blankAsNull,
      z.coerce
        .number('employer.error.housingFundRate')
        .min(HOUSING_FUND_RATES.min, 'employer.error.housingFundRate')
        .max(HOUSING_FUND_RATES.max, 'employer.error.housingFundRate')
        .refine((rate) => Number.isInteger(rate * 10), 'employer.error.housingFundRate')
        .nullable(),
    ),
    validDays: z.preprocess(
      (v) => blankAsNull(v) ?? VALID_DAYS.default,
      wholeNumber(VALID_DAYS.min, VALID_DAYS.max, 'employer.error.validDays'),
    ),
  })
  .superRefine((job, ctx) => {
    if (job.salaryMin > job.salaryMax)
      ctx.addIssue({ code: 'custom', path: ['salaryMax'], message: 'employer.error.salaryOrder' });
    // A language is there when both its title and description are; a half-written one is refused, not dropped.
    const complete = { en: Boolean(job.titleEn && job.descriptionEn), zh: Boolean(job.titleZh && job.descriptionZh) };
    for (const [lang, title, description] of [
      ['En', job.titleEn, job.descriptionEn],
      ['Zh', job.titleZh, job.descriptionZh],
    ] as const) {
      if (title && !description)
        ctx.addIssue({ code: 'custom', path: [`description${lang}`], message: 'employer.error.descriptionMissing' });
      if (description && !title)
        ctx.addIssue({ code: 'custom', path: [`title${lang}`], message: 'employer.error.titleMissing' });
    }
    if (!complete.en && !complete.zh && !job.titleEn && !job.titleZh && !job.descriptionEn && !job.descriptionZh)
      ctx.addIssue({ code: 'custom', path: ['titleZh'], message: 'employer.error.oneLanguage' });
    if (job.insuranceBase === 'fixed' && job.insuranceBaseAmount === null)
      ctx.addIssue({ code: 'custom', path: ['insuranceBaseAmount'], message: 'employer.error.insuranceAmount' });
    if (new Set(job.benefits).size !== job.benefits.length)
      ctx.addIssue({ code: 'custom', path: ['benefits'], message: 'employer.error.benefitUnknown' });
  })
  // A stated amount means something only with a fixed base.
  .transform((job) => ({
    ...job,
    insuranceBaseAmount: job.insuranceBase === 'fixed' ? job.insuranceBaseAmount : null,
  }));

/** A job post as checked: what the posting service stores. */
export type JobInput = z.output<typeof jobInputSchema>;

/**
 * The fields an editor reviews again when the employer changes them on a live post (the approved version stays
 * public meanwhile): what it says and pays (title, description, salary, benefits, declared insurance) and where
 * (the city's minimum base and wages are what its salary and insurance are read against). The rest (experience,
 * education, type, head count) takes effect at once. CONTEXT.md, "Pending edit".
 */
export const REVIEWED_FIELDS = [
  'titleEn',
  'titleZh',
  'descriptionEn',
  'descriptionZh',
  'city',
  'district',
  'salaryMin',
  'salaryMax',
  'salaryMonths',
  'benefits',
  'insuranceBase',
  'insuranceBaseAmount',
  'housingFundRate',
] as const satisfies readonly (keyof JobInput)[];
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];
export type ReviewedFields = Pick<JobInput, ReviewedField>;

/** The reviewed fields of a pending edit as stored (job_pending_edits.fields_json). */
export const reviewedFieldsSchema = z.object({
  titleEn: z.string().nullable(),
  titleZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionZh: z.string().nullable(),
  city: z.string(),
  district: z.string().nullable(),
  salaryMin: z.number().int(),
  salaryMax: z.number().int(),
  salaryMonths: z.number().int(),
  benefits: z.array(z.string()),
  insuranceBase: z.enum(INSURANCE_BASES),
  insuranceBaseAmount: z.number().int().nullable(),
  housingFundRate: z.number().nullable(),
}) satisfies z.ZodType<ReviewedFields>;

/** Someone reports a job to moderation (anonymous reports welcome). */
export const reportInputSchema = z.object({
  reason: z.enum(REPORT_REASONS, 'employer.error.reportReason'),
  details: z.string().trim().max(REPORT_DETAILS_MAX, 'employer.error.reportDetails').default(''),
});
export type ReportInput = z.output<typeof reportInputSchema>;

/** A shipped (demo) job of data/demo/jobs.json: the same checks as a posted one, plus its key and company. */
export const shippedJobSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    company: z.string().min(1),
    region: z.string().min(1),
    district: z.string().nullable().optional(),
    titleEn: z.string().nullable().optional(),
    titleZh: z.string().nullable().optional(),
    descriptionEn: z.string().nullable().optional(),
    descriptionZh: z.string().nullable().optional(),
    salaryMin: z.number().int(),
    salaryMax: z.number().int(),
    salaryMonths: z.number().int().default(12),
    experience: z.string(),
    education: z.string(),
    type: z.string(),
    headcount: z.number().int().default(1),
    benefits: z.array(z.string()).default([]),
    insuranceBase: z.string(),
    insuranceBaseAmount: z.number().int().nullable().optional(),
    housingFundRate: z.number().nullable().optional(),
    postedDaysAgo: z.number().int().min(0).max(29),
  })
  .transform(({ key, company, postedDaysAgo, region, type, ...rest }, ctx) => {
    const parsed = jobInputSchema.safeParse({ ...rest, city: region, employmentType: type });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: [key, ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    return { key, company, postedDaysAgo, job: parsed.data };
  });
export type ShippedJob = z.output<typeof shippedJobSchema>;
