import { z } from 'zod';
import { MAX_QUERY_STRING } from './query';

export const MAX_NAME_LENGTH = 120;

/** The "save this search" form: the search's query string (the /jobs page puts it in) and an optional name. */
export const saveSearchSchema = z.object({
  query: z.string().max(MAX_QUERY_STRING, 'alerts.error.query'),
  name: z.string().trim().max(MAX_NAME_LENGTH, 'alerts.error.nameTooLong'),
});
