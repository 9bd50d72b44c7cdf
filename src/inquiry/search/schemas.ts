import { z } from 'zod';

export const MAX_SEARCH_QUERY = 500;
export const MAX_SUGGEST_QUERY = 200;

// Messages are catalogue keys: the error handler writes them in the reader's language (the page's, or the API's
// `lang`). Keys carry no parameters here, so the limits are written into the messages: keep them in step.
const searchFilters = {
  topic: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'search.error.topic')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  region: z
    .string()
    .regex(/^CN(-[A-Z]{2}(-[A-Z]{2})?)?$/, 'search.error.region')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  page: z.coerce
    .number({ error: 'search.error.pageNumber' })
    .int('search.error.pageNumber')
    .min(1, 'search.error.pageMin')
    .max(50, 'search.error.pageMax')
    .default(1),
};

/**
 * The API's language (results and titles shown in it, its messages written in it): read by request.locale
 * (platform/web/i18n.ts, apiLocale) after validation, so the schema must keep it.
 */
const lang = z
  .enum(['en', 'zh'], { error: 'search.error.lang' })
  .optional()
  .describe('The reader’s language, zh or en (without it: Accept-Language, else English)');

/** The API refuses an empty query; the HTML page shows the search form instead (see searchPageQuerySchema). */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'search.error.queryEmpty').max(MAX_SEARCH_QUERY, 'search.error.queryTooLong'),
  ...searchFilters,
  lang,
});

export const searchPageQuerySchema = z.object({
  q: z.string().max(MAX_SEARCH_QUERY, 'search.error.queryTooLong').default(''),
  ...searchFilters,
});

export const suggestQuerySchema = z.object({
  q: z.string().max(MAX_SUGGEST_QUERY, 'search.error.suggestTooLong').default(''),
  lang,
});
