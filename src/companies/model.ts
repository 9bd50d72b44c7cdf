/** The shapes the companies module hands out, and the small rules they are made with. */
import type { SharedTransaction } from '../platform/db/tables';
import type { Locale } from '../platform/web/i18n';
import type { Message } from '../platform/web/messages';
import type { Region } from '../regions';
import type { CompanyRow, CompanySize, CompanyStatus, Industry } from './tables';

/** A company as other modules show it (a job's company box, the jobs board's filters). */
export interface CompanySummary {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  industry: Industry;
  size: CompanySize;
  regionCode: string;
  status: CompanyStatus;
  verified: boolean;
  /** Its own site (https), when it gave one: job pages name it as the organization's sameAs. */
  website: string | null;
  /** Its profile page, without language prefix. */
  path: string;
}

/** A shipped (demo) company of data/demo/jobs.json. */
export interface ShippedCompany {
  key: string;
  nameZh: string;
  nameEn: string;
  creditCode: string;
  industry: Industry;
  size: CompanySize;
  region: string;
  website: string | null;
  descriptionEn: string;
  descriptionZh: string;
  verified: boolean;
}

/** An open job as a company's profile lists it; the jobs module provides them (provideOpenJobs). */
export interface OpenJob {
  id: number;
  title: string;
  path: string;
  salary: string;
  city: string;
}

export type OpenJobsProvider = (companyId: number, locale: Locale) => Promise<OpenJob[]>;

/**
 * Told inside the writing transaction that a company's status or profile changed (a verification decision, an
 * edit), so what other modules derived from it follows: the jobs module reindexes its jobs (onCompanyChanged).
 */
export type CompanyChangedListener = (trx: SharedTransaction, companyId: number) => Promise<void>;

/**
 * How the company answers applications ("replies to 80 % within 3 days"), in the provider's words, or null when
 * there is too little to say; the applications module provides it (provideResponsiveness).
 */
export type ResponsivenessProvider = (companyId: number) => Promise<Message | null>;

/** A name in both languages, as a page shows it (the reader's first, the other beside). */
export type Named = Record<Locale, string>;

export const companyPath = (slug: string) => `/companies/${slug}`;

export function toSummary(row: CompanyRow): CompanySummary {
  return {
    id: row.id,
    slug: row.slug,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    industry: row.industry,
    size: row.size,
    regionCode: row.region_code,
    status: row.status,
    verified: row.status === 'verified',
    website: row.website,
    path: companyPath(row.slug),
  };
}

/** A company as the list, the profile and the API show it; never who its members are. */
export interface CompanyCard extends CompanySummary {
  name: Named;
  city: Named & { code: string };
  website: string | null;
  demo: boolean;
}

export function toCard(row: CompanyRow, regions: Map<string, Region>): CompanyCard {
  const region = regions.get(row.region_code);
  return {
    ...toSummary(row),
    name: { en: row.name_en, zh: row.name_zh },
    city: { code: row.region_code, en: region?.nameEn ?? row.region_code, zh: region?.nameZh ?? row.region_code },
    website: row.website,
    demo: row.origin === 'demo',
  };
}

/** The English name as an address: `Shenzhen Bright Logistics Co., Ltd.` → `shenzhen-bright-logistics-co-ltd`. */
export function slugBase(nameEn: string): string {
  const slug = nameEn
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'company';
}

/** The base itself when free, else the first free `base-2`, `base-3` … */
export function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
