/**
 * Catalogue keys of the board's filters and states, written out (messages.test.ts looks for every key as it is
 * written). The choices a post is made of (experience, education, type, insurance base) are the posting side's
 * labels, the companies' industry and size theirs: one word for each thing across the site.
 */
import type { MessageKey } from '../../../platform/web/messages';
import type { Dimension, JobSort } from '../filters';
import type { JobPageState } from '../job-page-data';

export { INDUSTRY_LABELS, SIZE_LABELS } from '../../../companies';
export {
  EDUCATION_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  EXPERIENCE_LABELS,
  INSURANCE_BASE_LABELS,
} from '../../posting/views/labels';

export const DIMENSION_LABELS: Record<Dimension, MessageKey> = {
  city: 'jobs.filter.city',
  district: 'jobs.filter.district',
  salary: 'jobs.filter.salary',
  experience: 'jobs.filter.experience',
  education: 'jobs.filter.education',
  type: 'jobs.filter.type',
  benefits: 'jobs.filter.benefits',
  size: 'jobs.filter.size',
  industry: 'jobs.filter.industry',
  posted: 'jobs.filter.posted',
};

export const SORT_LABELS: Record<JobSort, MessageKey> = {
  relevance: 'jobs.sort.relevance',
  newest: 'jobs.sort.newest',
  salary: 'jobs.sort.salary',
};

/** What the page says of a job that takes no applications (an open one says nothing). */
export const STATE_NOTICES: Record<Exclude<JobPageState, 'open'>, MessageKey> = {
  expired: 'jobs.job.state.expired',
  paused: 'jobs.job.state.paused',
  closed: 'jobs.job.state.closed',
};

/** A post shown in the language it was written in, not the reader's. */
export const OTHER_LANGUAGE: Record<'en' | 'zh', MessageKey> = {
  en: 'jobs.otherLanguage.en',
  zh: 'jobs.otherLanguage.zh',
};
