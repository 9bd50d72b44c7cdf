/**
 * The résumé form, read and checked. Repeatable entries (education, work) come as numbered fields
 * (`education.0.school`), as many rows as the page showed; a row left blank is no entry, so clearing a row removes
 * it. Every field's problem is reported at once, under the field's own name, so the page shows it beside the field.
 */
import { z } from 'zod';
import { type FieldProblem, Invalid } from '../platform/web/errors';
import { type FormBody, field } from '../platform/web/forms';
import { zodProblems } from '../platform/web/validation';
import type { EducationEntry, ResumeProfile, WorkEntry } from './model';

/** At most this many entries of each kind (and rows on the page). */
export const MAX_ENTRIES = 10;
export const MAX_LIST_ITEMS = 30;

const EDUCATION_FIELDS = ['school', 'degree', 'major', 'from', 'to'] as const;
const WORK_FIELDS = ['company', 'title', 'from', 'to', 'description'] as const;

/** The form as the page holds it: every field a string, rows as they were typed. */
export interface ResumeFormValues {
  fullName: string;
  email: string;
  phone: string;
  city: string;
  expectedCity: string;
  salaryMin: string;
  salaryMax: string;
  education: Record<(typeof EDUCATION_FIELDS)[number], string>[];
  work: Record<(typeof WORK_FIELDS)[number], string>[];
  skills: string;
  languages: string;
  summary: string;
}

const rowCount = (body: FormBody | undefined, name: string) => {
  const n = Number.parseInt(field(body, name), 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_ENTRIES) : 0;
};

function rowsFrom<F extends string>(body: FormBody | undefined, prefix: string, fields: readonly F[]) {
  const rows: Record<F, string>[] = [];
  for (let i = 0; i < rowCount(body, `${prefix}Rows`); i++) {
    rows.push(Object.fromEntries(fields.map((f) => [f, field(body, `${prefix}.${i}.${f}`)])) as Record<F, string>);
  }
  return rows;
}

export function formValuesFrom(body: FormBody | undefined): ResumeFormValues {
  return {
    fullName: field(body, 'fullName'),
    email: field(body, 'email'),
    phone: field(body, 'phone'),
    city: field(body, 'city'),
    expectedCity: field(body, 'expectedCity'),
    salaryMin: field(body, 'salaryMin'),
    salaryMax: field(body, 'salaryMax'),
    education: rowsFrom(body, 'education', EDUCATION_FIELDS),
    work: rowsFrom(body, 'work', WORK_FIELDS),
    skills: field(body, 'skills'),
    languages: field(body, 'languages'),
    summary: field(body, 'summary'),
  };
}

/** A stored profile as the form shows it. */
export function formValuesOf(
  profile: ResumeProfile | null,
  fallback: { name: string; email: string },
): ResumeFormValues {
  if (!profile) {
    return {
      fullName: fallback.name,
      email: fallback.email,
      phone: '',
      city: '',
      expectedCity: '',
      salaryMin: '',
      salaryMax: '',
      education: [],
      work: [],
      skills: '',
      languages: '',
      summary: '',
    };
  }
  return {
    fullName: profile.fullName,
    email: profile.email,
    phone: profile.phone,
    city: profile.cityCode ?? '',
    expectedCity: profile.expectedCityCode ?? '',
    salaryMin: profile.expectedSalaryMin?.toString() ?? '',
    salaryMax: profile.expectedSalaryMax?.toString() ?? '',
    education: profile.education.map((e) => ({ ...e, to: e.to ?? '' })),
    work: profile.work.map((w) => ({ ...w, to: w.to ?? '' })),
    skills: profile.skills.join('\n'),
    languages: profile.languages.join('\n'),
    summary: profile.summary,
  };
}

const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'resume.error.month');
const optionalMonth = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(month.nullable());
const text = (max: number, required?: 'required') =>
  required
    ? z.string().trim().min(1, 'resume.error.required').max(max, 'resume.error.tooLong')
    : z.string().trim().max(max, 'resume.error.tooLong');
const yuan = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(
    z
      .string()
      .regex(/^\d{1,7}$/, 'resume.error.salary')
      .transform(Number)
      .nullable(),
  );
const cityCode = z
  .string()
  .trim()
  .max(20, 'resume.error.city')
  .transform((v) => (v === '' ? null : v));
/** One per line, or separated by commas (either width) or 、. */
const list = z
  .string()
  .max(3000, 'resume.error.tooLong')
  .transform((v) =>
    v
      .split(/[\n,，、;；]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.string().max(60, 'resume.error.listItemTooLong')).max(MAX_LIST_ITEMS, 'resume.error.listTooLong'));

const endsAfterStart = (entry: { from: string; to: string | null }) => entry.to === null || entry.to >= entry.from;

const educationSchema = z
  .object({
    school: text(100, 'required'),
    degree: text(60),
    major: text(100),
    from: month,
    to: optionalMonth,
  })
  .refine(endsAfterStart, { message: 'resume.error.endBeforeStart', path: ['to'] });

const workSchema = z
  .object({
    company: text(100, 'required'),
    title: text(100, 'required'),
    from: month,
    to: optionalMonth,
    description: text(2000),
  })
  .refine(endsAfterStart, { message: 'resume.error.endBeforeStart', path: ['to'] });

const mainSchema = z
  .object({
    fullName: text(60, 'required'),
    email: z.string().trim().max(254, 'resume.error.email').pipe(z.email('resume.error.email')),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'resume.error.phone'),
    city: cityCode,
    expectedCity: cityCode,
    salaryMin: yuan,
    salaryMax: yuan,
    skills: list,
    languages: list,
    summary: text(2000),
  })
  .refine((p) => p.salaryMin === null || p.salaryMax === null || p.salaryMin <= p.salaryMax, {
    message: 'resume.error.salaryRange',
    path: ['salaryMax'],
  });

const isBlank = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === '');

function checkRows<S extends z.ZodType>(schema: S, prefix: string, rows: Record<string, string>[]) {
  const problems: FieldProblem[] = [];
  const entries: z.output<S>[] = [];
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const result = schema.safeParse(row);
    if (result.success) entries.push(result.data);
    else problems.push(...zodProblems(result.error).map((p) => ({ ...p, field: `${prefix}.${index}.${p.field}` })));
  });
  return { problems, entries };
}

/** The profile the form describes, or Invalid with every field's problem. */
export function checkProfile(values: ResumeFormValues): ResumeProfile {
  const main = mainSchema.safeParse(values);
  const education = checkRows(educationSchema, 'education', values.education);
  const work = checkRows(workSchema, 'work', values.work);
  const problems = [...(main.success ? [] : zodProblems(main.error)), ...education.problems, ...work.problems];
  if (!main.success || problems.length > 0) throw new Invalid('resume.error.fixErrors', {}, problems);
  const p = main.data;
  return {
    fullName: p.fullName,
    email: p.email,
    phone: p.phone,
    cityCode: p.city,
    expectedCityCode: p.expectedCity,
    expectedSalaryMin: p.salaryMin,
    expectedSalaryMax: p.salaryMax,
    education: education.entries as EducationEntry[],
    work: work.entries as WorkEntry[],
    skills: p.skills,
    languages: p.languages,
    summary: p.summary,
  };
}
