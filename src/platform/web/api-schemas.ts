import { z } from 'zod';

/** The JSON body of every refused API request (error-handler.ts); documented in /api/openapi.json. */
export const errorResponse = z.object({
  error: z.string(),
  code: z.string(),
  details: z.array(z.object({ field: z.string().optional(), message: z.string() })),
});
