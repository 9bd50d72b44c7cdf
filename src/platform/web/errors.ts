import { english, type I18n } from './i18n';
import type { MessageKey, MessageParams } from './messages';

/**
 * The app's typed errors. Services and routes throw them with a message key and its parameters, never a
 * sentence; the error handler (error-handler.ts) renders the message in the reader's language as a page or
 * `{error, code, details}`, and forms show them again beside their fields (forms.ts). Tests assert the code.
 */
export type ErrorCode = 'NOT_FOUND' | 'VALIDATION' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'RATE_LIMITED';

const STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION: 400,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** What is wrong with one field of the input: a message key and its parameters. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

export class AppError extends Error {
  /** The HTTP status (Fastify reads `statusCode`). */
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly details: FieldProblem[] = [],
  ) {
    // The English text, for logs and stack traces; what a reader sees is rendered again when shown.
    super(english.t(key, params));
    this.statusCode = STATUS[code];
  }
}

export class NotFound extends AppError {
  constructor(key: MessageKey, params?: MessageParams) {
    super('NOT_FOUND', key, params);
  }
}

/** The input breaks a rule; `details` say which fields, and why. */
export class Invalid extends AppError {
  constructor(key: MessageKey, params?: MessageParams, details: FieldProblem[] = []) {
    super('VALIDATION', key, params, details);
  }
}

export class Forbidden extends AppError {
  constructor(key: MessageKey = 'error.permission', params?: MessageParams) {
    super('FORBIDDEN', key, params);
  }
}

/** The request is fine but the state of things refuses it (already done, changed meanwhile). */
export class Conflict extends AppError {
  constructor(key: MessageKey, params?: MessageParams, details: FieldProblem[] = []) {
    super('CONFLICT', key, params, details);
  }
}

export class Unauthenticated extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'error.signInRequired');
  }
}

export class RateLimited extends AppError {
  constructor(key: MessageKey = 'error.request.tooMany', params?: MessageParams) {
    super('RATE_LIMITED', key, params);
  }
}

/** A field's message in the reader's words. */
export function problemText(i18n: I18n, problem: FieldProblem): string {
  return i18n.text(problem);
}

/** The error's message in the reader's words. */
export function errorText(i18n: I18n, error: AppError): string {
  return i18n.text(error);
}
