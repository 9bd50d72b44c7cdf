/**
 * Jobs as the search engine indexes them: the jobs kind (its fields, weights and filter attributes) and each
 * open job's document. Only open jobs are in the index (published, not past their last day, of a company not
 * refused); the attributes carry everything a filter, a sort or a facet reads, the company's size and industry
 * included, so a search never joins another table.
 */
import type { CompanySummary } from '../../companies';
import { defineSearchKind, type SearchDocument } from '../../platform/search';
import type { Region } from '../../regions';
import type { BenefitTag } from '../benefits';
import type { JobRow } from '../tables';
import { dayNumber } from './dates';

/**
 * Titles (both languages) rank highest; the body holds the descriptions, the company's names and the place's
 * names, so `会计 上海` or `driver Shenzhen` find the jobs there. Attributes: see JobAttributes.
 */
export const JOB_KIND = defineSearchKind({
  name: 'job',
  title: { name: 'title', weight: 10, typicalLength: 8 },
  fields: [{ name: 'body', weight: 2, typicalLength: 250, bigrams: 'own-column' }],
  attributes: {
    city: 'text',
    district: 'text',
    salary_min: 'integer',
    salary_max: 'integer',
    experience: 'text',
    education: 'text',
    type: 'text',
    company_size: 'text',
    industry: 'text',
    /** When it was posted, in whole minutes since 1970 (newest first; "posted within N days"). */
    posted: 'integer',
    /** Its last open day, as days since 1970: a search asks for today or later, so it leaves search at once. */
    expires: 'integer',
    /** Its benefit tags as bits, in the order of data/jobs/benefits.json (bit i = the i-th tag). */
    benefits: 'integer',
  },
});

/** The bit of each benefit tag (its position in the tag list). */
export function benefitBits(tags: readonly BenefitTag[]): Map<string, number> {
  return new Map(tags.map((tag, i) => [tag.key, 2 ** i]));
}

export function benefitMask(bits: Map<string, number>, keys: readonly string[]): number {
  let mask = 0;
  for (const key of keys) mask |= bits.get(key) ?? 0;
  return mask;
}

/** The `expires` of a job without a last day (none should be published so; year 2243). */
const NEVER_EXPIRES = 100_000;

export const postedMinute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/** What the index takes from one open job. */
export interface JobIndexParts {
  job: JobRow;
  benefits: string[];
  company: CompanySummary;
  city: Region | undefined;
  district: Region | undefined;
}

export function jobDocument(parts: JobIndexParts, bits: Map<string, number>): SearchDocument {
  const { job, company, city, district } = parts;
  const place = [city?.nameZh, city?.nameEn, district?.nameZh, district?.nameEn].filter(Boolean);
  return {
    id: job.id,
    text: {
      title: [job.title_zh, job.title_en].filter(Boolean).join('\n'),
      body: [job.description_zh_md, job.description_en_md, company.nameZh, company.nameEn, ...place]
        .filter(Boolean)
        .join('\n'),
    },
    attributes: {
      city: job.region_code,
      district: job.district_code,
      salary_min: job.salary_min,
      salary_max: job.salary_max,
      experience: job.experience,
      education: job.education,
      type: job.employment_type,
      company_size: company.size,
      industry: company.industry,
      posted: postedMinute(job.posted_at ?? job.created_at),
      expires: job.valid_through ? dayNumber(job.valid_through) : NEVER_EXPIRES,
      benefits: benefitMask(bits, parts.benefits),
    },
  };
}
