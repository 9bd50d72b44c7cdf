import { z } from 'zod';

export const STEP_CHANNELS = [
  'service-outlet',
  'online',
  'hotline',
  'bank',
  'employer',
  'arbitration',
  'hospital',
  'other',
] as const;

export const stepInputSchema = z.object({
  action: z.string().trim().min(1, 'say what to do').max(1000),
  materials: z.string().trim().max(1000).default(''),
  channel: z.enum(STEP_CHANNELS),
  where: z.string().trim().max(500).default(''),
  duration: z.string().trim().max(200).default(''),
});

const isoDate = z.iso.date('use the form YYYY-MM-DD');

export const answerInputSchema = z.object({
  analysis: z.string().trim().min(1, 'the legal analysis is required').max(20_000),
  background: z.string().trim().max(10_000).nullable().default(null),
  steps: z.array(stepInputSchema).max(20).default([]),
  region: z.string().min(2).max(20),
  verifiedOn: isoDate,
  /** Citations as typed, in English or Chinese; every one must resolve to an article in force. */
  citations: z.array(z.string().trim().min(1).max(500)).min(1, 'at least one legal basis is required').max(20),
  authorLabel: z.string().trim().min(1).max(200),
});

export const questionInputSchema = z.object({
  topic: z.string().min(1),
  locale: z.enum(['en', 'zh']),
  title: z.string().trim().min(5, 'the question is too short').max(300),
  details: z.string().trim().max(5000).default(''),
  region: z.string().min(2).max(20),
  origin: z.enum(['seed', 'demo', 'user', 'imported']),
  sourceKey: z.string().max(200).nullable().default(null),
  translationOfId: z.number().int().positive().nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  createdAt: z.string().optional(),
});

export type StepInput = z.input<typeof stepInputSchema>;
export type AnswerInput = z.input<typeof answerInputSchema>;
export type QuestionInput = z.input<typeof questionInputSchema>;

export const PAGE_SIZE = 20;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1, 'page starts at 1').max(10_000).default(1),
});

export const questionListQuerySchema = pageQuerySchema.extend({
  topic: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'topic is a topic slug such as social-security-card')
    .optional(),
});

export const questionIdParamsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const MAX_SEARCH_QUERY = 500;

const searchFilters = {
  topic: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'topic is a topic slug such as pension')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  region: z
    .string()
    .regex(/^CN(-[A-Z]{2}(-[A-Z]{2})?)?$/, 'region is a region code such as CN, CN-GD or CN-GD-SZ')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1, 'page starts at 1').max(50, 'only the first 50 pages are shown').default(1),
};

/** The API refuses an empty query; the HTML page shows the search form instead (see searchPageQuerySchema). */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'q is empty: type what you are looking for')
    .max(MAX_SEARCH_QUERY, `q is longer than ${MAX_SEARCH_QUERY} characters`),
  ...searchFilters,
});

export const searchPageQuerySchema = z.object({
  q: z.string().max(MAX_SEARCH_QUERY, `the query is longer than ${MAX_SEARCH_QUERY} characters`).default(''),
  ...searchFilters,
});

export const suggestQuerySchema = z.object({
  q: z.string().max(200, 'q is longer than 200 characters').default(''),
});
