/** The JSON API's answers (GET /api/v1/jobs, /api/v1/jobs/:id), as /api/openapi.json documents them. */
import { z } from 'zod';

const salary = z.object({
  min: z.number().int().describe('Yuan a month, before deductions'),
  max: z.number().int(),
  months: z.number().int().describe('Months of salary a year (13: a 13th month)'),
  zh: z.string().describe('As Chinese job sites write it: 15-25K·13薪'),
  en: z.string().describe('¥15k–25k a month · 13 months'),
});

const place = z.object({ code: z.string(), name: z.string() });

export const jobCardResponse = z.object({
  id: z.number().int(),
  title: z.string(),
  locale: z.enum(['en', 'zh']).describe('The language of the title (the asked one unless the post has none in it)'),
  company: z.object({ name: z.string(), url: z.string(), verified: z.boolean() }).nullable(),
  place: z.array(z.string()).describe('City, then district when given'),
  salary: z.object({ zh: z.string(), en: z.string() }),
  tags: z.array(z.string()),
  postedAt: z.string().nullable(),
  demo: z.boolean(),
  url: z.string().describe("The job's page in the language asked for"),
});

const facet = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const jobSearchResponse = z.object({
  total: z.number().int().describe('Open jobs matching every word and filter'),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  sort: z.enum(['relevance', 'newest', 'salary']),
  message: z.string().nullable().describe('Why the words were not searched (none usable), when so'),
  results: z.array(jobCardResponse),
  facets: z
    .object({
      city: facet,
      district: facet,
      salary: facet.describe('Bands "min-max" (yuan; no max: and more), counted by overlap'),
      experience: facet,
      education: facet,
      type: facet,
      benefits: facet,
      size: facet,
      industry: facet,
      posted: facet.describe('Posted within this many days'),
    })
    .describe(
      'For each filter, the jobs each choice would give with the other filters kept (its own left out); ' +
        'benefits, which add up, under every filter',
    ),
});

export const jobResponse = z.object({
  id: z.number().int(),
  url: z.string(),
  state: z.enum(['open', 'expired', 'paused', 'closed']),
  titleEn: z.string().nullable(),
  titleZh: z.string().nullable(),
  descriptionEn: z.string().nullable().describe('Markdown'),
  descriptionZh: z.string().nullable().describe('Markdown'),
  city: place,
  district: place.nullable(),
  salary,
  experience: z.string(),
  education: z.string(),
  type: z.string(),
  headcount: z.number().int(),
  benefits: z.array(z.object({ key: z.string(), label: z.string(), explainerUrl: z.string().nullable() })),
  insurance: z.object({
    base: z.enum(['actual', 'minimum', 'fixed']).describe('What social insurance is paid on, as declared'),
    amount: z.number().int().nullable().describe('The stated base, yuan a month (base "fixed")'),
    housingFundRate: z.number().nullable().describe('Percent each side pays; null: no housing fund'),
  }),
  company: z.object({
    nameEn: z.string(),
    nameZh: z.string(),
    industry: z.string(),
    size: z.string(),
    verified: z.boolean(),
    url: z.string(),
  }),
  postedAt: z.string().nullable(),
  validThrough: z.string().nullable(),
  demo: z.boolean(),
});
