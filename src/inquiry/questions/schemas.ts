import { z } from 'zod';

export const questionInputSchema = z.object({
  topic: z.string().min(1),
  locale: z.enum(['en', 'zh']),
  title: z.string().trim().min(5, 'question.error.titleTooShort').max(300),
  details: z.string().trim().max(5000).default(''),
  region: z.string().min(2).max(20),
  origin: z.enum(['seed', 'demo', 'user', 'imported']),
  sourceKey: z.string().max(200).nullable().default(null),
  translationOfId: z.number().int().positive().nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  createdAt: z.string().optional(),
});

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
