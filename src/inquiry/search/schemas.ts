import { z } from 'zod';

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
