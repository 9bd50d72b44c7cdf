/**
 * Jobs as lists show them (search results, similar jobs, a company's profile): in the reader's language when the
 * post has it, else in its other language (and marked so), with company, place, salary and tags.
 */
import type { CompanySummary } from '../../companies';
import { type ModuleDb, sharedIfTransaction } from '../../platform/db/tables';
import type { Locale } from '../../platform/web/i18n';
import type { Region } from '../../regions';
import type { JobsContext } from '../deps';
import { salaryEn, salaryZh } from '../salary';
import type { JobRow, JobTables } from '../tables';
import * as repo from './repository';

export interface JobCard {
  id: number;
  /** Without language prefix. */
  path: string;
  title: string;
  /** The language the title is written in (the reader's, unless the post has none in it). */
  titleLocale: Locale;
  company: { name: string; path: string; verified: boolean } | null;
  /** City, and district when given, in the reader's language. */
  place: string[];
  /** The salary in both notations: 15-25K·13薪 and ¥15k–25k a month · 13 months. */
  salary: { zh: string; en: string };
  tags: string[];
  postedAt: string | null;
  demo: boolean;
}

export const jobPath = (id: number, slug: string) => (slug ? `/jobs/${id}-${slug}` : `/jobs/${id}`);

/** The text of one of a post's two languages: the reader's when written, else the other's. */
export function inLanguage(locale: Locale, en: string | null, zh: string | null): { text: string; locale: Locale } {
  const mine = locale === 'zh' ? zh : en;
  if (mine) return { text: mine, locale };
  return locale === 'zh' ? { text: en ?? '', locale: 'en' } : { text: zh ?? '', locale: 'zh' };
}

export const regionName = (region: Region | undefined, locale: Locale) =>
  region ? (locale === 'zh' ? region.nameZh : region.nameEn) : '';

export const companyName = (company: CompanySummary, locale: Locale) =>
  locale === 'zh' ? company.nameZh : company.nameEn;

/**
 * Companies by id, inside the caller's transaction when there is one (SQLite has one connection: a read outside
 * an open transaction would wait for it to end).
 */
export function describeCompanies(
  ctx: JobsContext,
  ids: number[],
  db: ModuleDb<JobTables>,
): Promise<Map<number, CompanySummary>> {
  return ctx.companies.describe(ids, sharedIfTransaction(db));
}

/** Cards of these jobs, in the order of `ids` (ids of jobs that are gone are left out). */
export async function jobCards(ctx: JobsContext, ids: number[], locale: Locale): Promise<JobCard[]> {
  if (ids.length === 0) return [];
  const rows = await repo.listJobsByIds(ctx.db, ids);
  return cardsOf(ctx, rows, locale, ids);
}

export async function cardsOf(ctx: JobsContext, rows: JobRow[], locale: Locale, order?: number[]): Promise<JobCard[]> {
  const jobIds = rows.map((r) => r.id);
  const [tags, companies, regions] = await Promise.all([
    repo.listBenefits(ctx.db, jobIds),
    ctx.companies.describe([...new Set(rows.map((r) => r.company_id))]),
    ctx.regions.named(rows.flatMap((r) => (r.district_code ? [r.region_code, r.district_code] : [r.region_code]))),
  ]);
  const labels = new Map(ctx.benefits.map((b, i) => [b.key, { label: locale === 'zh' ? b.zh : b.en, position: i }]));
  const tagsOf = new Map<number, { label: string; position: number }[]>();
  for (const t of tags) {
    const label = labels.get(t.tag);
    if (label) tagsOf.set(t.job_id, [...(tagsOf.get(t.job_id) ?? []), label]);
  }
  const byId = new Map(
    rows.map((row): [number, JobCard] => {
      const title = inLanguage(locale, row.title_en, row.title_zh);
      const company = companies.get(row.company_id);
      const salary = { min: row.salary_min, max: row.salary_max, months: row.salary_months };
      return [
        row.id,
        {
          id: row.id,
          path: jobPath(row.id, row.slug),
          title: title.text,
          titleLocale: title.locale,
          company: company
            ? { name: companyName(company, locale), path: company.path, verified: company.verified }
            : null,
          place: [row.region_code, row.district_code]
            .flatMap((code) => (code ? [regionName(regions.get(code), locale)] : []))
            .filter(Boolean),
          salary: { zh: salaryZh(salary), en: salaryEn(salary) },
          tags: (tagsOf.get(row.id) ?? []).sort((a, b) => a.position - b.position).map((t) => t.label),
          postedAt: row.posted_at,
          demo: row.origin === 'demo',
        },
      ];
    }),
  );
  return (order ?? jobIds).flatMap((id) => {
    const card = byId.get(id);
    return card ? [card] : [];
  });
}

/** "12-driver-night-shifts" → {id: 12, slug: "driver-night-shifts"}; anything not starting with an id → null. */
export function parseJobParam(param: string): { id: number; slug: string } | null {
  const match = /^([1-9]\d{0,9})(?:-(.*))?$/.exec(param);
  if (!match) return null;
  const id = Number(match[1]);
  if (id > 2 ** 31 - 1) return null;
  return { id, slug: match[2] ?? '' };
}
