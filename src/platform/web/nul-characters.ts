import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/** Nesting deeper than this is not looked into (no form or API of ours nests past three levels). */
const DEEPEST = 8;

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth >= DEEPEST || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  // Own keys only: a key is user text too (a form field named "a\u0000b").
  return Object.keys(value).some(
    (key) => key.includes('\u0000') || holdsNul((value as Record<string, unknown>)[key], depth + 1),
  );
}

/**
 * Refuses, with a 400 and its reason, any request whose path parameters, query or parsed body hold U+0000. No text
 * we keep or look up has one, and PostgreSQL cannot even compare one ("invalid byte sequence for encoding UTF8:
 * 0x00"): a NUL reaching a query answered 500 on PostgreSQL only (GET /companies/%00, found by
 * src/routes.property.test.ts). One check for every route, so a new route cannot forget it.
 */
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      throw new AppError('VALIDATION', 'error.nulCharacter');
    }
  });
}
