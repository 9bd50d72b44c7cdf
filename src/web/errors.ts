/**
 * The one error type of the app. Services and routes throw these; the error
 * handler in src/web/error-handler.ts turns them into an HTML page or JSON.
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

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.statusCode = STATUS[code];
  }
}

export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const invalid = (message: string, details: ErrorDetail[] = []) => new AppError('VALIDATION', message, details);
