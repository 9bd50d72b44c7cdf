/**
 * What the job page and GET /api/v1/jobs/:id show. Who sees what: a published job (open, or expired past its last
 * day), a paused one and a closed one have a page that says which; a draft, a job waiting for review or rejected,
 * and any job of a refused company, are not found (404), for everyone (employers see theirs on the dashboard).
 */
import type { CompanySummary } from '../../companies';
import type { SearchKindIndex } from '../../platform/search';
import { tokeniseSubmittedQuery } from '../../platform/search/tokeniser';
import { NotFound } from '../../platform/web/errors';
import type { Locale } from '../../platform/web/i18n';
import { renderMarkdown } from '../../platform/web/markdown';
import type { Region } from '../../regions';
import type { JobsContext, MinimumBaseLoss } from '../deps';
import { isExpired } from '../posting/expiry';
import type { InsuranceBase, JobRow } from '../tables';
import { companyName, inLanguage, type JobCard, jobCards, jobPath } from './cards';
import { todayNumber } from './dates';

/** The inquiry answer on what a contribution base at the city minimum means for the worker. */
export const MINIMUM_BASE_EXPLAINER = 'social-insurance-paid-on-minimum-base';
const SIMILAR_SHOWN = 5;

/** A job as its reader finds it: open, or still shown but no longer taking applications, and why. */
export type JobPageState = 'open' | 'expired' | 'paused' | 'closed';

const VISIBLE = new Set(['published', 'paused', 'closed']);

export interface JobPageData {
  job: JobRow;
  state: JobPageState;
  path: string;
  title: { text: string; locale: Locale };
  description: { html: string; markdown: string; locale: Locale };
  city: Region | undefined;
  district: Region | undefined;
  benefits: { key: string; label: string; explainer: string | null }[];
  insurance: {
    base: InsuranceBase;
    amount: number | null;
    housingFundRate: number | null;
    /** The answer on a minimum base, in the reader's language when it has one. */
    minimumBaseExplainer: string | null;
    /** With a minimum base: what the worker's own accounts get less a month than on the real salary. */
    minimumBaseLoss: MinimumBaseLoss | null;
  };
  company: CompanySummary & { name: string; otherName: string };
  similar: JobCard[];
  /**
   * What the salary range pays in hand a month in the job's city with the declared base and fund rate (a year's
   * average, no special deductions), and the calculator filled in with the job's figures; null when the city has
   * no data. Not exact: a figure the city's data lacks, so these are upper bounds.
   */
  takeHome: { min: number; max: number; exact: boolean; calculatorPath: string } | null;
}

/** The calculator (the cities module's /tools/salary) with a job's figures: its top salary and declared base. */
function calculatorPath(job: JobRow, citySlug: string): string {
  const query = new URLSearchParams({
    city: citySlug,
    gross: String(job.salary_max),
    base: job.insurance_base === 'actual' ? 'gross' : job.insurance_base === 'minimum' ? 'minimum' : 'amount',
    housingFundRate: job.housing_fund_rate === null ? 'none' : String(job.housing_fund_rate),
    // The estimate is a year's average from January, as the calculator works it from month 1.
    startMonth: '1',
  });
  if (job.insurance_base === 'fixed' && job.insurance_base_amount !== null)
    query.set('baseAmount', String(job.insurance_base_amount));
  return `/tools/salary?${query}`;
}

/** The page of a shipped Q&A in the reader's language, else in the other. */
const explainerPath = (versions: Partial<Record<Locale, string>> | undefined, locale: Locale) =>
  versions?.[locale] ?? versions?.[locale === 'zh' ? 'en' : 'zh'] ?? null;

/**
 * Up to five open jobs like this one: in the same city sharing a word of its title (the engine ranks those holding
 * more of its words first), then the newest of the same industry.
 */
async function similarJobs(
  ctx: JobsContext,
  index: SearchKindIndex,
  job: JobRow,
  company: CompanySummary,
  title: string,
  locale: Locale,
): Promise<JobCard[]> {
  const open = { expires: { min: todayNumber(ctx.now()) } };
  const chosen: number[] = [];
  const terms = tokeniseSubmittedQuery(title);
  if (terms.length > 0) {
    const found = await index.search(ctx.db, terms, {
      filter: { ...open, city: { in: [job.region_code] } },
      offset: 0,
      limit: SIMILAR_SHOWN + 1,
    });
    chosen.push(...found.hits.map((h) => h.id).filter((id) => id !== job.id));
  }
  if (chosen.length < SIMILAR_SHOWN) {
    const sameIndustry = await index.list(ctx.db, [], {
      filter: { ...open, industry: { in: [company.industry] } },
      order: [{ attribute: 'posted', descending: true }],
      offset: 0,
      limit: 2 * SIMILAR_SHOWN + 1,
    });
    for (const id of sameIndustry) if (id !== job.id && !chosen.includes(id)) chosen.push(id);
  }
  return jobCards(ctx, chosen.slice(0, SIMILAR_SHOWN), locale);
}

export async function loadJobPage(
  ctx: JobsContext,
  engine: { index: SearchKindIndex },
  id: number,
  locale: Locale,
): Promise<JobPageData> {
  const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || !VISIBLE.has(job.status)) throw new NotFound('jobs.error.notFound', { id });
  const company = (await ctx.companies.describe([job.company_id])).get(job.company_id);
  if (!company || company.status === 'refused') throw new NotFound('jobs.error.notFound', { id });
  const now = ctx.now();
  const state: JobPageState =
    job.status === 'published' ? (isExpired(job, now) ? 'expired' : 'open') : (job.status as JobPageState);
  const tags = await ctx.db.selectFrom('job_benefits').select('tag').where('job_id', '=', id).execute();
  const held = new Set(tags.map((t) => t.tag));
  const offered = ctx.benefits.filter((b) => held.has(b.key));
  const explainers = await ctx.explainers([...offered.map((b) => b.explainer), MINIMUM_BASE_EXPLAINER]);
  const places = await ctx.regions.named([job.region_code, ...(job.district_code ? [job.district_code] : [])]);
  const estimate = await ctx.takeHome({
    regionCode: job.region_code,
    grossMin: job.salary_min,
    grossMax: job.salary_max,
    base: job.insurance_base,
    baseAmount: job.insurance_base_amount,
    housingFundRate: job.housing_fund_rate,
    on: now,
  });
  const title = inLanguage(locale, job.title_en, job.title_zh);
  const description = inLanguage(locale, job.description_en_md, job.description_zh_md);
  return {
    job,
    state,
    path: jobPath(job.id, job.slug),
    title,
    description: { ...description, markdown: description.text, html: renderMarkdown(description.text) },
    city: places.get(job.region_code),
    district: job.district_code ? places.get(job.district_code) : undefined,
    benefits: offered.map((b) => ({
      key: b.key,
      label: locale === 'zh' ? b.zh : b.en,
      explainer: explainerPath(explainers.get(b.explainer), locale),
    })),
    insurance: {
      base: job.insurance_base,
      amount: job.insurance_base_amount,
      housingFundRate: job.housing_fund_rate,
      minimumBaseExplainer: explainerPath(explainers.get(MINIMUM_BASE_EXPLAINER), locale),
      minimumBaseLoss: job.insurance_base === 'minimum' ? (estimate?.minimumBaseLoss ?? null) : null,
    },
    company: {
      ...company,
      name: companyName(company, locale),
      otherName: companyName(company, locale === 'zh' ? 'en' : 'zh'),
    },
    similar: await similarJobs(ctx, engine.index, job, company, title.text, locale),
    takeHome: estimate && {
      min: Math.round(estimate.min),
      max: Math.round(estimate.max),
      exact: estimate.exact,
      calculatorPath: calculatorPath(job, estimate.citySlug),
    },
  };
}
