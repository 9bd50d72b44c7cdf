import { z } from 'zod';
import { APPLICATION_STATUSES } from './tables';

export const NOTE_MAX = 1000;
export const REASON_MAX = 1000;
export const PRIVATE_NOTE_MAX = 2000;
export const APPLICANTS_PAGE_SIZE = 50;
/** The most applications one "not a fit" may name (a page and a half of the list). */
export const BULK_MAX = 100;

/** Applying: the profile alone (`profile`) or one of the seeker's PDFs (its id), and a note. */
export const applyInputSchema = z.object({
  resume: z.string().trim().min(1, 'applications.error.resumeChoose').max(64, 'applications.error.resumeChoose'),
  note: z.string().trim().max(NOTE_MAX, 'applications.error.noteTooLong'),
});

/** An interview's time as the browser's datetime-local field sends it (China time). */
const INTERVIEW_AT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/** An employer's move: where to, and why (not a fit) or when and where (interview). */
export const moveInputSchema = z
  .object({
    to: z.enum(APPLICATION_STATUSES, 'applications.error.move.notAllowed'),
    reason: z.string().trim().max(REASON_MAX, 'applications.error.reasonTooLong').default(''),
    interviewAt: z.string().trim().max(20, 'applications.error.interviewAt').default(''),
    interviewPlace: z.string().trim().max(300, 'applications.error.interviewPlaceTooLong').default(''),
  })
  .superRefine((input, ctx) => {
    if (input.to !== 'interview') return;
    const m = INTERVIEW_AT.exec(input.interviewAt);
    const valid =
      m !== null &&
      Number(m[2]) >= 1 &&
      Number(m[2]) <= 12 &&
      Number(m[3]) >= 1 &&
      Number(m[3]) <= 31 &&
      Number(m[4]) <= 23 &&
      Number(m[5]) <= 59;
    if (!valid) ctx.addIssue({ code: 'custom', path: ['interviewAt'], message: 'applications.error.interviewAt' });
    if (input.interviewPlace === '')
      ctx.addIssue({ code: 'custom', path: ['interviewPlace'], message: 'applications.error.interviewPlace' });
  })
  .transform((input) => ({ ...input, interviewAt: input.interviewAt.replace('T', ' ') }));
export type MoveInput = z.input<typeof moveInputSchema>;

export const privateNoteSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'applications.error.noteEmpty')
    .max(PRIVATE_NOTE_MAX, 'applications.error.privateNoteTooLong'),
});

export const bulkRejectSchema = z.object({
  ids: z
    .array(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER))
    .min(1, 'applications.error.selectSome')
    .max(BULK_MAX, 'applications.error.tooMany'),
  message: z.string().trim().max(REASON_MAX, 'applications.error.reasonTooLong'),
});

export const applicantsQuerySchema = z.object({
  stage: z.enum(APPLICATION_STATUSES, 'applications.error.stage').optional(),
  q: z.string().trim().max(100, 'applications.error.searchTooLong').default(''),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  notice: z.string().max(20).optional(),
});
