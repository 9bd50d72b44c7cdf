import { z } from 'zod';

/** What an answer is made of, however it arrives: the expert's form, an editor's revision, shipped content. */
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
  action: z.string().trim().min(1, 'answer.error.stepAction').max(1000),
  materials: z.string().trim().max(1000).default(''),
  channel: z.enum(STEP_CHANNELS),
  where: z.string().trim().max(500).default(''),
  duration: z.string().trim().max(200).default(''),
});

const isoDate = z.iso.date('answer.error.dateFormat');

export const answerInputSchema = z.object({
  analysis: z.string().trim().min(1, 'answer.error.analysisRequired').max(20_000),
  background: z.string().trim().max(10_000).nullable().default(null),
  steps: z.array(stepInputSchema).max(20).default([]),
  region: z.string().min(2).max(20),
  verifiedOn: isoDate,
  /** Citations as typed, in English or Chinese; every one must resolve to an article in force. */
  citations: z.array(z.string().trim().min(1).max(500)).min(1, 'answer.error.citationRequired').max(20),
  authorLabel: z.string().trim().min(1).max(200),
});

export type StepInput = z.input<typeof stepInputSchema>;
export type AnswerInput = z.input<typeof answerInputSchema>;
