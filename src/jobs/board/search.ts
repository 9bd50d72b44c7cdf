/**
 * Job search: words through the engine (segmentation, synonyms) and/or filters, sorted by relevance, date or
 * salary, 20 a page, with facet counts. Everything is read from the jobs kind's index (its attributes hold the
 * filters' values, its full-text index the words), so a search never reads the jobs table until the page's 20
 * rows, and a job leaves search the day after its last day without any write (`expires` ≥ today).
 */
import { COMPANY_SIZES, INDUSTRIES } from '../../companies';
import type { AttributeView, Db, SearchFilter, SearchKindIndex } from '../../platform/search';
import { tokeniseSubmittedQuery } from '../../platform/search/tokeniser';
import { Invalid } from '../../platform/web/errors';
import type { RegionService } from '../../regions';
import { EDUCATION, EMPLOYMENT_TYPES, EXPERIENCE } from '../tables';
import { todayNumber } from './dates';
import { benefitMask } from './documents';
import {
  bandKey,
  combine,
  type Dimension,
  filterParts,
  type JobFilters,
  type JobSort,
  POSTED_WITHIN,
  postedSince,
  SALARY_BANDS,
  salaryOverlap,
} from './filters';

export const JOBS_PAGE_SIZE = 20;
export const MAX_PAGE = 50;

export interface JobSearchInput extends JobFilters {
  q: string;
  sort?: JobSort;
  page: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** For each filter, how many jobs each choice would give (see filters.ts for how they are counted). */
export type Facets = Record<Dimension, FacetCount[]>;

export interface JobSearchFound {
  ids: number[];
  total: number;
  page: number;
  pageCount: number;
  sort: JobSort;
  facets: Facets;
  /** The query had no searchable words (only punctuation, say): searched by the filters alone. */
  noWords: boolean;
}

interface SearchDeps {
  db: Db;
  index: SearchKindIndex;
  regions: RegionService;
  bits: Map<string, number>;
  now: () => Date;
}

const byValue = (values: readonly string[], counts: Map<string, number>): FacetCount[] =>
  values.map((value) => ({ value, count: counts.get(value) ?? 0 }));

/** Region codes a city filter takes in: the region and every place inside it (a province's cities). */
async function placesWithin(regions: RegionService, code: string, field: string): Promise<string[]> {
  const known = await regions.find(code);
  if (!known) throw new Invalid('jobs.error.place', { code }, [{ field, key: 'jobs.error.place' }]);
  return (await regions.list()).filter((r) => r.code === code || r.code.startsWith(`${code}-`)).map((r) => r.code);
}

export function createJobSearch(deps: SearchDeps) {
  const { db, index } = deps;

  async function facetsOf(
    view: AttributeView,
    base: SearchFilter,
    parts: ReturnType<typeof filterParts>,
    input: JobFilters,
    now: Date,
  ): Promise<Facets> {
    const countValues = async (attribute: string, without: Dimension[]) =>
      view.countBy(combine(base, parts, without), { attribute });
    const countFilters = async (filters: Record<string, SearchFilter>, without: Dimension[]) =>
      view.countBy(combine(base, parts, without), { filters });
    const benefitFilters = Object.fromEntries(
      [...deps.bits].map(([key, bit]) => [key, { benefits: { allBits: bit } }] as const),
    );
    const bandFilters = Object.fromEntries(
      SALARY_BANDS.map((band) => [bandKey(band), salaryOverlap(band.min, band.max)]),
    );
    const postedFilters = Object.fromEntries(
      POSTED_WITHIN.map((days) => [String(days), { posted: { min: postedSince(now, days) } }]),
    );
    // One after the other: SQLite runs one statement at a time anyway, and PostgreSQL's pool stays free for others.
    const city = await countValues('city', ['city', 'district']);
    const district = input.city ? await countValues('district', ['district']) : new Map<string, number>();
    const salary = await countFilters(bandFilters, ['salary']);
    const experience = await countValues('experience', ['experience']);
    const education = await countValues('education', ['education']);
    const type = await countValues('type', ['type']);
    const size = await countValues('company_size', ['size']);
    const industry = await countValues('industry', ['industry']);
    // Benefits add up (all of the chosen): each tag counts under every current filter, the chosen tags included.
    const benefits = await countFilters(benefitFilters, []);
    const posted = await countFilters(postedFilters, ['posted']);
    const ranked = (counts: Map<string, number>) =>
      [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return {
      city: ranked(city),
      district: ranked(district),
      salary: byValue(SALARY_BANDS.map(bandKey), salary),
      experience: byValue(EXPERIENCE, experience),
      education: byValue(EDUCATION, education),
      type: byValue(EMPLOYMENT_TYPES, type),
      benefits: byValue([...deps.bits.keys()], benefits),
      size: byValue(COMPANY_SIZES, size),
      industry: byValue(INDUSTRIES, industry),
      posted: byValue(POSTED_WITHIN.map(String), posted),
    };
  }

  /** The words and filters of a search as the engine's terms and conditions (open jobs only); refuses unknowns. */
  async function conditionsOf(input: JobFilters & { q: string }, now: Date) {
    const unknown = input.benefits.find((key) => !deps.bits.has(key));
    if (unknown !== undefined) {
      throw new Invalid('jobs.error.benefit', { key: unknown }, [{ field: 'benefits', key: 'jobs.error.benefit' }]);
    }
    const cityCodes = input.city ? await placesWithin(deps.regions, input.city, 'city') : undefined;
    if (input.district) await placesWithin(deps.regions, input.district, 'district');
    const terms = input.q.trim() ? tokeniseSubmittedQuery(input.q) : [];
    const base: SearchFilter = { expires: { min: todayNumber(now) } };
    const parts = filterParts(input, { cityCodes, benefitMask: benefitMask(deps.bits, input.benefits) }, now);
    return { terms, base, parts };
  }

  return {
    async search(input: JobSearchInput): Promise<JobSearchFound> {
      const now = deps.now();
      const { terms, base, parts } = await conditionsOf(input, now);
      const noWords = input.q.trim() !== '' && terms.length === 0;
      const filter = combine(base, parts);
      const sort: JobSort =
        input.sort === 'relevance' && terms.length === 0
          ? 'newest'
          : (input.sort ?? (terms.length > 0 ? 'relevance' : 'newest'));
      // The words looked up once for the total, the page and the ten facets (counted in memory: decision 0117).
      const view = await index.view(db, terms);
      const total = await view.count(filter);
      const offset = (input.page - 1) * JOBS_PAGE_SIZE;
      let ids: number[] = [];
      if (offset < total) {
        ids =
          sort === 'relevance'
            ? await this.byRelevance(terms, filter, offset, view)
            : await view.list({
                filter,
                order:
                  sort === 'salary'
                    ? [
                        { attribute: 'salary_max', descending: true },
                        { attribute: 'posted', descending: true },
                      ]
                    : [{ attribute: 'posted', descending: true }],
                offset,
                limit: JOBS_PAGE_SIZE,
              });
      }
      return {
        ids,
        total,
        page: input.page,
        pageCount: Math.min(MAX_PAGE, Math.ceil(total / JOBS_PAGE_SIZE)),
        sort,
        facets: await facetsOf(view, base, parts, input, now),
        noWords,
      };
    },

    /**
     * Open jobs matching the words and filters that were posted in or after the minute of `since` (the index keeps
     * minutes: callers wanting "after this instant" compare the jobs' posted_at), newest first, at most `limit`.
     * For job alerts (src/alerts), which ask what is new since their last run.
     */
    async postedSince(input: JobFilters & { q: string }, since: Date, limit: number): Promise<number[]> {
      const now = deps.now();
      const { terms, base, parts } = await conditionsOf(input, now);
      const sinceMinute = Math.floor(since.getTime() / 60_000);
      const withinMinute = input.postedWithin ? postedSince(now, input.postedWithin) : sinceMinute;
      const filter = combine(base, { ...parts, posted: { posted: { min: Math.max(sinceMinute, withinMinute) } } });
      return index.list(db, terms, { filter, order: [{ attribute: 'posted', descending: true }], offset: 0, limit });
    },

    /**
     * The engine's ranking of the jobs holding every word (it ranks a bounded set of candidates well: at 1 M jobs
     * a common word matches far more), then the other jobs holding every word, newest first. The ranking does not
     * depend on the page asked for, so pages never repeat or skip a job.
     */
    async byRelevance(
      terms: ReturnType<typeof tokeniseSubmittedQuery>,
      filter: SearchFilter,
      offset: number,
      view?: AttributeView,
    ) {
      const window = offset + JOBS_PAGE_SIZE;
      const found = await index.search(db, terms, { filter, offset: 0, limit: window, everyTerm: true });
      const ranked = found.hits.filter((hit) => hit.matchedTerms >= terms.length).map((hit) => hit.id);
      if (ranked.length >= window) return ranked.slice(offset, window);
      const seen = new Set(ranked);
      const rest = await (view ?? (await index.view(db, terms))).list({
        filter,
        order: [{ attribute: 'posted', descending: true }],
        offset: 0,
        limit: window + ranked.length,
      });
      return [...ranked, ...rest.filter((id) => !seen.has(id))].slice(offset, window);
    },
  };
}

export type JobSearch = ReturnType<typeof createJobSearch>;
