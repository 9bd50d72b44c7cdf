import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { addDays } from '../posting/expiry';
import { insertJob, reindex, today } from './testing';

/** A verified shipped company to hang fixture jobs on. */
const anyCompanyId = async (t: TestApp) =>
  (
    await t.db
      .selectFrom('companies')
      .select('id')
      .where('status', '=', 'verified')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

interface OpenJob {
  id: number;
  city: string;
  district: string | null;
  salaryMin: number;
  salaryMax: number;
  experience: string;
  education: string;
  type: string;
  size: string;
  industry: string;
  postedAt: string;
  benefits: string[];
}

type Query = Record<string, string | number | string[]>;

/** The search API's answer, for a query given as parameters. */
async function search(t: TestApp, query: Query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/jobs?${params}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    total: number;
    pageCount: number;
    sort: string;
    results: { id: number; title: string; url: string }[];
    facets: Record<string, { value: string; count: number }[]>;
  };
}

describe.each(testEngines)('job search on $name', (engine) => {
  let t: TestApp;
  let open: OpenJob[];

  /** The open jobs, read straight from the tables (published, last day not passed, company not refused). */
  async function openJobs(): Promise<OpenJob[]> {
    const rows = await t.db
      .selectFrom('jobs')
      .innerJoin('companies', 'companies.id', 'jobs.company_id')
      .select([
        'jobs.id',
        'jobs.region_code',
        'jobs.district_code',
        'jobs.salary_min',
        'jobs.salary_max',
        'jobs.experience',
        'jobs.education',
        'jobs.employment_type',
        'jobs.posted_at',
        'companies.size',
        'companies.industry',
      ])
      .where('jobs.status', '=', 'published')
      .where('jobs.valid_through', '>=', today())
      .where('companies.status', '!=', 'refused')
      .execute();
    const tags = await t.db.selectFrom('job_benefits').select(['job_id', 'tag']).execute();
    return rows.map((r) => ({
      id: r.id,
      city: r.region_code,
      district: r.district_code,
      salaryMin: r.salary_min,
      salaryMax: r.salary_max,
      experience: r.experience,
      education: r.education,
      type: r.employment_type,
      size: r.size,
      industry: r.industry,
      postedAt: r.posted_at ?? '',
      benefits: tags.filter((tag) => tag.job_id === r.id).map((tag) => tag.tag),
    }));
  }

  /** Whether a job meets the query's filters, leaving out one (a facet's own). */
  function meets(job: OpenJob, q: Query, without?: string): boolean {
    const is = (name: string, value: string | null) => without === name || q[name] === undefined || q[name] === value;
    const salary =
      without === 'salary' ||
      ((q.salaryMin === undefined || job.salaryMax >= Number(q.salaryMin)) &&
        (q.salaryMax === undefined || job.salaryMin <= Number(q.salaryMax)));
    const benefits = ((q.benefits as string[] | undefined) ?? []).every((b) => job.benefits.includes(b));
    return (
      is('city', job.city) &&
      (without === 'city' || is('district', job.district)) &&
      salary &&
      is('experience', job.experience) &&
      is('education', job.education) &&
      is('type', job.type) &&
      is('size', job.size) &&
      is('industry', job.industry) &&
      benefits
    );
  }

  const countBy = (jobs: OpenJob[], value: (job: OpenJob) => string | null) => {
    const counts: Record<string, number> = {};
    for (const job of jobs) {
      const v = value(job);
      if (v !== null) counts[v] = (counts[v] ?? 0) + 1;
    }
    return counts;
  };
  const nonZero = (facet: { value: string; count: number }[]) =>
    Object.fromEntries(facet.filter((f) => f.count > 0).map((f) => [f.value, f.count]));

  beforeAll(async () => {
    t = await openTestApp(engine, { seed: { dataDir: 'data', demoFile: 'data/demo/questions.json' } });
    const company = await anyCompanyId(t);
    // Fixtures the demo data may not hold: an English-only driver post (synonyms), a past and a closed job.
    await insertJob(t, company, { title_en: 'Night Driver', slug: 'night-driver', region_code: 'CN-SN-XA' });
    await insertJob(t, company, { title_en: 'Expired Driver', valid_through: addDays(today(), -1) });
    await insertJob(t, company, { title_en: 'Closed Driver', status: 'closed' });
    open = await openJobs();
  }, 300_000);
  afterAll(async () => t?.close());

  it('finds every open job without words, newest first, 20 a page', async () => {
    const found = await search(t, {});
    expect(found.total).toBe(open.length);
    expect(open.length).toBeGreaterThan(20);
    expect(found.sort).toBe('newest');
    expect(found.results).toHaveLength(20);
    const second = await search(t, { page: 2 });
    const ids = [...found.results, ...second.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const newest = [...open].sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : b.id - a.id));
    expect(found.results.map((r) => r.id)).toEqual(newest.slice(0, 20).map((j) => j.id));
  });

  it.each<[string, Query]>([
    ['no filter', {}],
    ['a city', { city: 'CN-BJ' }],
    ['a province, its cities included', { city: 'CN-GD' }],
    ['a salary range, by overlap', { salaryMin: 10000, salaryMax: 20000 }],
    ['experience and education', { experience: '3-5', education: 'bachelor' }],
    ['benefits, all of them', { benefits: ['five-insurances-one-fund', 'weekends-off'] }],
    ['size and industry', { size: '150-499', industry: 'internet' }],
    ['type, city and salary', { type: 'full-time', city: 'CN-SH', salaryMin: 8000 }],
  ])('counts results and facets as the tables do: %s', async (_name, query) => {
    const found = await search(t, query);
    const cityCodes = (code: string) =>
      open.filter((j) => j.city === code || j.city.startsWith(`${code}-`)).map((j) => j.city);
    const q: Query = { ...query };
    // A province filter takes in its cities: compare per city.
    const inCity = (job: OpenJob) => !query.city || cityCodes(String(query.city)).includes(job.city);
    const m = (job: OpenJob, without?: string) =>
      meets(job, { ...q, city: undefined as never }, without) && (without === 'city' || inCity(job));
    expect(found.total).toBe(open.filter((j) => m(j)).length);
    expect(nonZero(found.facets.city!)).toEqual(
      countBy(
        open.filter((j) => m(j, 'city')),
        (j) => j.city,
      ),
    );
    expect(nonZero(found.facets.experience!)).toEqual(
      countBy(
        open.filter((j) => m(j, 'experience')),
        (j) => j.experience,
      ),
    );
    expect(nonZero(found.facets.education!)).toEqual(
      countBy(
        open.filter((j) => m(j, 'education')),
        (j) => j.education,
      ),
    );
    expect(nonZero(found.facets.type!)).toEqual(
      countBy(
        open.filter((j) => m(j, 'type')),
        (j) => j.type,
      ),
    );
    expect(nonZero(found.facets.size!)).toEqual(
      countBy(
        open.filter((j) => m(j, 'size')),
        (j) => j.size,
      ),
    );
    expect(nonZero(found.facets.industry!)).toEqual(
      countBy(
        open.filter((j) => m(j, 'industry')),
        (j) => j.industry,
      ),
    );
    const matching = open.filter((j) => m(j));
    for (const { value, count } of found.facets.benefits!) {
      expect(count, value).toBe(matching.filter((j) => j.benefits.includes(value)).length);
    }
    const bySalary = open.filter((j) => m(j, 'salary'));
    for (const { value, count } of found.facets.salary!) {
      const [min, max] = value.split('-').map((v) => (v === '' ? undefined : Number(v)));
      const expected = bySalary.filter((j) => j.salaryMax >= (min ?? 0) && (max === undefined || j.salaryMin <= max));
      expect(count, value).toBe(expected.length);
    }
  });

  it('counts districts of the chosen city, the district filter left out', async () => {
    const found = await search(t, { city: 'CN-GD-SZ', district: 'CN-GD-SZ-NS' });
    const inCity = open.filter((j) => j.city === 'CN-GD-SZ');
    expect(found.total).toBe(inCity.filter((j) => j.district === 'CN-GD-SZ-NS').length);
    expect(nonZero(found.facets.district!)).toEqual(countBy(inCity, (j) => j.district));
  });

  it('finds a post in the other language through synonyms: 司机 finds an English-only “Night Driver”', async () => {
    const found = await search(t, { q: '司机', city: 'CN-SN-XA' });
    expect(found.results.map((r) => r.title)).toContain('Night Driver');
    expect(found.sort).toBe('relevance');
    const english = await search(t, { q: 'driver' });
    const chinese = await search(t, { q: '驾驶员' });
    expect(chinese.total).toBe(english.total);
  });

  it('leaves out jobs past their last day and closed ones', async () => {
    const found = await search(t, { q: 'driver', page: 1 });
    const titles = found.results.map((r) => r.title);
    expect(titles).not.toContain('Expired Driver');
    expect(titles).not.toContain('Closed Driver');
  });

  it('sorts by salary, highest maximum first', async () => {
    const found = await search(t, { sort: 'salary' });
    const byId = new Map(open.map((j) => [j.id, j]));
    const maxima = found.results.map((r) => byId.get(r.id)!.salaryMax);
    expect(maxima).toEqual([...maxima].sort((a, b) => b - a));
    expect(maxima[0]).toBe(Math.max(...open.map((j) => j.salaryMax)));
  });

  it('keeps every word-matching job across pages with relevance', async () => {
    const all = await search(t, { q: 'engineer' });
    expect(all.total).toBeGreaterThan(0);
    const pages = [];
    for (let page = 1; page <= all.pageCount; page++) pages.push(...(await search(t, { q: 'engineer', page })).results);
    expect(pages).toHaveLength(all.total);
    expect(new Set(pages.map((r) => r.id)).size).toBe(all.total);
  });

  it('takes a job out when it closes, and back when it opens again', async () => {
    const company = await anyCompanyId(t);
    const id = await insertJob(t, company, { title_en: 'Forklift operator Zeta', slug: 'forklift-zeta' });
    expect((await search(t, { q: 'zeta' })).total).toBe(1);
    await t.db.updateTable('jobs').set({ status: 'paused' }).where('id', '=', id).execute();
    await reindex(t, [id]);
    expect((await search(t, { q: 'zeta' })).total).toBe(0);
    await t.db.updateTable('jobs').set({ status: 'published' }).where('id', '=', id).execute();
    await reindex(t, [id]);
    expect((await search(t, { q: 'zeta' })).total).toBe(1);
  });
});
