import type { z } from 'zod';
import { type FieldProblem, Invalid } from './errors';
import { isMessageKey } from './messages';

/**
 * A zod issue as a field problem. Schemas name a catalogue key as their message where they have one of their
 * own (`z.string().min(5, 'ask.error.titleTooShort')`); zod's built-in messages are shown as they are.
 */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'form';
    return isMessageKey(issue.message)
      ? { field, key: issue.message }
      : { field, key: 'error.field.invalid', params: { reason: issue.message } };
  });
}

/** One problem per field (the first), in the order the fields appear in the input. */
export function firstProblemPerField(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}

/** The input as the schema reads it, or an Invalid error naming each field's first problem. */
export function validInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = firstProblemPerField(zodProblems(result.error));
  const first = details[0];
  throw new Invalid(first?.key ?? 'error.badRequest.title', first?.params, details);
}
