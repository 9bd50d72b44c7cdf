import { z } from 'zod';
import { COMPANY_SIZES, INDUSTRIES } from './tables';

/** What an employer writes about their company (the create and edit forms), as the service checks it. */
export const companyProfileSchema = z.object({
  nameZh: z.string().trim().min(2, 'company.error.nameZhRequired').max(100, 'company.error.nameTooLong'),
  nameEn: z
    .string()
    .trim()
    .min(2, 'company.error.nameEnRequired')
    .max(100, 'company.error.nameTooLong')
    // The English name makes the company's address (slug); it needs a letter or a digit in it.
    .regex(/[A-Za-z0-9]/, 'company.error.nameEnLatin'),
  industry: z.enum(INDUSTRIES, 'company.error.industryChoose'),
  size: z.enum(COMPANY_SIZES, 'company.error.sizeChoose'),
  city: z.string().min(1, 'company.error.cityChoose').max(20, 'company.error.cityChoose'),
  website: z
    .string()
    .trim()
    .max(300, 'company.error.website')
    .transform((value, ctx) => {
      if (value === '') return null;
      const url = URL.canParse(value) ? new URL(value) : null;
      // Only web addresses: a javascript: or data: link would run in the reader's page.
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
        ctx.addIssue({ code: 'custom', message: 'company.error.website' });
        return z.NEVER;
      }
      return url.href;
    }),
  descriptionEn: z.string().trim().max(10_000, 'company.error.descriptionTooLong'),
  descriptionZh: z.string().trim().max(10_000, 'company.error.descriptionTooLong'),
});
export type CompanyProfileInput = z.input<typeof companyProfileSchema>;

export const newCompanySchema = companyProfileSchema.extend({ creditCode: z.string().max(60) });
export type NewCompanyInput = z.input<typeof newCompanySchema>;

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('company.error.inviteEmail').max(254, 'company.error.inviteEmail')),
  locale: z.enum(['en', 'zh']),
});

export const refusalSchema = z.object({
  reason: z.string().trim().min(5, 'company.error.reasonRequired').max(2000, 'company.error.reasonTooLong'),
});

export const COMPANIES_PAGE_SIZE = 20;

/** The filters of the company list (page and API). Empty fields (a form sent without choosing) mean "any". */
export const companyListQuerySchema = z.object({
  industry: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(INDUSTRIES, 'company.error.industryChoose').optional(),
  ),
  city: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^CN(-[A-Z]{2}){1,2}$/, 'company.error.cityCode')
      .optional(),
  ),
  page: z.coerce
    .number('company.error.page')
    .int('company.error.page')
    .min(1, 'company.error.page')
    .max(10_000, 'company.error.page')
    .default(1),
});
export type CompanyListQuery = z.output<typeof companyListQuerySchema>;

export const slugParams = z.object({ slug: z.string().min(1).max(120) });
export const tokenParams = z.object({ token: z.string().min(1).max(100) });

// ---- the JSON API's answers (also in /api/openapi.json) ----------------------------------

const regionResponse = z.object({ code: z.string(), name: z.string(), nameZh: z.string() });

export const companyResponse = z.object({
  slug: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  industry: z.enum(INDUSTRIES),
  size: z.enum(COMPANY_SIZES),
  city: regionResponse,
  website: z.string().nullable(),
  verified: z.boolean(),
  status: z.enum(['pending', 'verified']),
  demo: z.boolean(),
  path: z.string(),
});

export const companyDetailResponse = companyResponse.extend({
  descriptionEn: z.string().describe('Markdown'),
  descriptionZh: z.string().describe('Markdown'),
  openJobs: z.array(
    z.object({ id: z.number().int(), title: z.string(), path: z.string(), salary: z.string(), city: z.string() }),
  ),
});

export const companyListResponse = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
  companies: z.array(companyResponse),
});
