import { z } from 'zod';
import { AppError, type FieldProblem } from './errors';
import type { I18n } from './i18n';
import { firstProblemPerField, zodProblems } from './validation';

/** A posted form as Fastify parses it: every field a string, or a list when repeated. */
export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});
export type FormBody = Record<string, string | string[]>;
export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** A field's first value; a repeated field cannot smuggle a list where one string is expected. */
export function field(body: FormBody | undefined, name: string): string {
  const value = body?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Field → message, in the reader's words: what a form shows beside its fields (`form` above them all). */
export type FormErrors = Record<string, string>;

export function formErrors(i18n: I18n, problems: FieldProblem[]): FormErrors {
  const errors: FormErrors = Object.create(null);
  for (const problem of firstProblemPerField(problems)) errors[problem.field] = i18n.text(problem);
  return errors;
}

/** Codes a form answers by showing itself again: the input or the state of things refused the submission. */
const REFUSALS = new Set(['VALIDATION', 'CONFLICT', 'RATE_LIMITED']);

export interface FormRefusal {
  /** The status to answer with: 400, 409 or 429. */
  status: number;
  /** The refusal in one sentence, for a form with one message. */
  summary: string;
  /** By field; a refusal without field details is under `form`. */
  errors: FormErrors;
  /** Every problem, in order, for a form that lists them. */
  messages: string[];
}

/**
 * What a refused form shows again: the status to answer with, and the messages by field (a refusal without
 * field details is shown above the form, as `form`). Anything that is not a refusal (a missing page, a
 * forbidden action, a crash) is rethrown for the error handler. Every form route's catch calls this, with the
 * request's I18n: the messages are in the reader's language.
 */
export function formRefusal(error: unknown, i18n: I18n): FormRefusal {
  if (error instanceof z.ZodError) {
    const problems = zodProblems(error);
    const messages = problems.map((p) => i18n.text(p));
    return { status: 400, summary: messages[0] ?? '', errors: formErrors(i18n, problems), messages };
  }
  if (error instanceof AppError && REFUSALS.has(error.code)) {
    const problems: FieldProblem[] =
      error.details.length > 0 ? error.details : [{ field: 'form', key: error.key, params: error.params }];
    const messages = problems.map((p) => i18n.text(p));
    return { status: error.statusCode, summary: i18n.text(error), errors: formErrors(i18n, problems), messages };
  }
  throw error;
}
