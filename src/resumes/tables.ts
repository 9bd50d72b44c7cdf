import type { Selectable } from 'kysely';

/**
 * A seeker's structured résumé: one per user. The repeatable parts (education, work history, skills,
 * languages) are JSON arrays: they are read and written whole, never queried inside.
 */
export interface ResumeTable {
  user_id: number;
  full_name: string;
  email: string;
  phone: string;
  /** Where they live and where they want to work (regions codes). */
  city_code: string | null;
  expected_city_code: string | null;
  /** Whole yuan a month. */
  expected_salary_min: number | null;
  expected_salary_max: number | null;
  education_json: string;
  work_json: string;
  skills_json: string;
  languages_json: string;
  summary: string;
  created_at: string;
  updated_at: string;
}

/** An uploaded PDF résumé. The bytes live on disk under the files directory, by a random name. */
export interface ResumeFileTable {
  /** Random (it is in the file's URL): nobody can guess another seeker's file. */
  id: string;
  user_id: number;
  /** The name the seeker's computer gave it (shown and used as the download name, never as a path). */
  name: string;
  /** The random name on disk, inside the résumé files directory. */
  stored_name: string;
  size: number;
  /** The text unpdf extracted, for employers' search of their applicants (empty for a scanned PDF). */
  text: string;
  uploaded_at: string;
}

/** A company the seeker blocked (屏蔽): it may not see their résumé or files. */
export interface ResumeBlockedCompanyTable {
  user_id: number;
  company_id: number;
  created_at: string;
}

export interface ResumeTables {
  resumes: ResumeTable;
  resume_files: ResumeFileTable;
  resume_blocked_companies: ResumeBlockedCompanyTable;
}

export const RESUME_TABLES = [
  'resumes',
  'resume_files',
  'resume_blocked_companies',
] as const satisfies readonly (keyof ResumeTables)[];

export type ResumeRow = Selectable<ResumeTable>;
export type ResumeFileRow = Selectable<ResumeFileTable>;
