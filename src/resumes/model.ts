/** The résumé as other modules see it (the agreed contract, docs/decisions/0114-resumes-and-privacy.md). */
import type { ResumeFileRow, ResumeRow } from './tables';

export interface EducationEntry {
  school: string;
  degree: string;
  major: string;
  /** Month, `YYYY-MM`. */
  from: string;
  /** Month, `YYYY-MM`; null while still there. */
  to: string | null;
}

export interface WorkEntry {
  company: string;
  title: string;
  from: string;
  to: string | null;
  description: string;
}

export interface ResumeProfile {
  fullName: string;
  email: string;
  phone: string;
  cityCode: string | null;
  expectedCityCode: string | null;
  /** Whole yuan a month. */
  expectedSalaryMin: number | null;
  expectedSalaryMax: number | null;
  education: EducationEntry[];
  work: WorkEntry[];
  skills: string[];
  languages: string[];
  summary: string;
}

export interface ResumeFileSummary {
  id: string;
  name: string;
  size: number;
  uploadedAt: string;
}

/** What an application keeps of the résumé at the moment of applying (a copy: later edits do not change it). */
export interface ResumeSnapshot {
  profile: ResumeProfile;
  file: ResumeFileSummary | null;
  /** The profile's words and the file's text, for employers' search of their applicants. */
  text: string;
}

export function toProfile(row: ResumeRow): ResumeProfile {
  return {
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    cityCode: row.city_code,
    expectedCityCode: row.expected_city_code,
    expectedSalaryMin: row.expected_salary_min,
    expectedSalaryMax: row.expected_salary_max,
    education: JSON.parse(row.education_json) as EducationEntry[],
    work: JSON.parse(row.work_json) as WorkEntry[],
    skills: JSON.parse(row.skills_json) as string[],
    languages: JSON.parse(row.languages_json) as string[],
    summary: row.summary,
  };
}

export function profileColumns(profile: ResumeProfile) {
  return {
    full_name: profile.fullName,
    email: profile.email,
    phone: profile.phone,
    city_code: profile.cityCode,
    expected_city_code: profile.expectedCityCode,
    expected_salary_min: profile.expectedSalaryMin,
    expected_salary_max: profile.expectedSalaryMax,
    education_json: JSON.stringify(profile.education),
    work_json: JSON.stringify(profile.work),
    skills_json: JSON.stringify(profile.skills),
    languages_json: JSON.stringify(profile.languages),
    summary: profile.summary,
  };
}

export function toFileSummary(row: Pick<ResumeFileRow, 'id' | 'name' | 'size' | 'uploaded_at'>): ResumeFileSummary {
  return { id: row.id, name: row.name, size: row.size, uploadedAt: row.uploaded_at };
}

/** The profile's searchable words: names, places as codes are not words, so only the written parts. */
export function profileText(profile: ResumeProfile): string {
  return [
    profile.fullName,
    profile.summary,
    ...profile.education.flatMap((e) => [e.school, e.degree, e.major]),
    ...profile.work.flatMap((w) => [w.company, w.title, w.description]),
    ...profile.skills,
    ...profile.languages,
  ]
    .filter((part) => part.trim() !== '')
    .join('\n');
}
