import type { Generated, Selectable } from 'kysely';

/**
 * A job's life (docs/decisions/0112-jobs-board.md): draft → pending (submitted for review) → published or
 * rejected; a published job may be paused (hidden, back on resume) or closed (for good). A published job past its
 * valid_through date is expired: shown as such, out of search, renewable by its employer.
 */
export const JOB_STATUSES = ['draft', 'pending', 'published', 'rejected', 'paused', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Experience asked for, as Chinese job sites band it (应届 / 1年以内 / 1–3年 …). Labels: `job.experience.<key>`. */
export const EXPERIENCE = ['graduate', 'lt1', '1-3', '3-5', '5-10', '10+'] as const;
export type Experience = (typeof EXPERIENCE)[number];

/** The least education asked for (不限 / 大专 / 本科 / 硕士 / 博士). Labels: `job.education.<key>`. */
export const EDUCATION = ['any', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type Education = (typeof EDUCATION)[number];

export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'internship', 'contract'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/**
 * The base the employer declares it pays social insurance on: the actual salary, the city's minimum base
 * (legal only where the salary is at or below it: the post says what that means for the worker), or a stated
 * amount (insurance_base_amount).
 */
export const INSURANCE_BASES = ['actual', 'minimum', 'fixed'] as const;
export type InsuranceBase = (typeof INSURANCE_BASES)[number];

export const REPORT_REASONS = ['deposit', 'fake', 'discriminatory', 'wrong-insurance', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface JobTable {
  id: Generated<number>;
  company_id: number;
  /** Latin slug of the English title ('' when there is none): /jobs/:id-:slug. */
  slug: Generated<string>;
  status: JobStatus;
  title_en: string | null;
  title_zh: string | null;
  description_en_md: string | null;
  description_zh_md: string | null;
  /** The city. */
  region_code: string;
  district_code: string | null;
  /** Whole yuan a month, before deductions. */
  salary_min: number;
  salary_max: number;
  /** Months of salary a year (13薪: 13). */
  salary_months: Generated<number>;
  experience: Experience;
  education: Education;
  employment_type: EmploymentType;
  headcount: Generated<number>;
  insurance_base: InsuranceBase;
  insurance_base_amount: number | null;
  /** Percent of salary each side pays into the housing fund (5–12); null: none is paid. */
  housing_fund_rate: number | null;
  /** When it was first published (ISO). */
  posted_at: string | null;
  /** The last day it is open (YYYY-MM-DD); at most 90 days after publication. */
  valid_through: string | null;
  /** Days it stays open from approval or renewal, as the employer asked (1–90; migration 012). */
  valid_days: Generated<number>;
  origin: 'demo' | 'user';
  source_key: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** The reason of the last rejection, shown to the employer. */
  decision_reason: string | null;
}

export interface JobBenefitTable {
  job_id: number;
  /** A key of data/jobs/benefits.json. */
  tag: string;
}

/** An edit of a published job waiting for review; the approved version stays live meanwhile. */
export interface JobPendingEditTable {
  job_id: number;
  fields_json: string;
  submitted_by: number | null;
  submitted_at: string;
}

/** What happened to a job, by whom and when (submitted, approved, rejected, paused, closed, renewed, …). */
export interface JobEventTable {
  id: Generated<number>;
  job_id: number;
  action: string;
  reason: Generated<string>;
  actor_id: number | null;
  at: string;
}

export interface JobReportTable {
  id: Generated<number>;
  job_id: number;
  reason: ReportReason;
  details: Generated<string>;
  reporter_id: number | null;
  created_at: string;
  status: Generated<'open' | 'dismissed' | 'upheld'>;
  handled_by: number | null;
  handled_at: string | null;
}

export interface JobTables {
  jobs: JobTable;
  job_benefits: JobBenefitTable;
  job_pending_edits: JobPendingEditTable;
  job_events: JobEventTable;
  job_reports: JobReportTable;
}

export const JOB_TABLES = [
  'jobs',
  'job_benefits',
  'job_pending_edits',
  'job_events',
  'job_reports',
] as const satisfies readonly (keyof JobTables)[];

export type JobRow = Selectable<JobTable>;
