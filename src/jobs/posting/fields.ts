/** A job post's fields between the form's shape (JobInput) and the row's columns. */
import { type JobInput, REVIEWED_FIELDS, type ReviewedFields } from '../schemas';
import type { JobRow } from '../tables';

/** Latin slug of the English title ('' without one: the id alone is the job's address). */
export function jobSlug(titleEn: string | null): string {
  return (titleEn ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** The job page (the board serves it), without language prefix. */
export function jobPath(id: number, slug: string): string {
  return slug ? `/jobs/${id}-${slug}` : `/jobs/${id}`;
}

/** The columns the reviewed fields live in. */
export function reviewedColumns(fields: ReviewedFields) {
  return {
    title_en: fields.titleEn,
    title_zh: fields.titleZh,
    description_en_md: fields.descriptionEn,
    description_zh_md: fields.descriptionZh,
    slug: jobSlug(fields.titleEn),
    region_code: fields.city,
    district_code: fields.district,
    salary_min: fields.salaryMin,
    salary_max: fields.salaryMax,
    salary_months: fields.salaryMonths,
    insurance_base: fields.insuranceBase,
    insurance_base_amount: fields.insuranceBaseAmount,
    housing_fund_rate: fields.housingFundRate,
  };
}

/** The columns that take effect at once, even on a live post. */
export function immediateColumns(input: JobInput) {
  return {
    experience: input.experience,
    education: input.education,
    employment_type: input.employmentType,
    headcount: input.headcount,
  };
}

export function jobColumns(input: JobInput) {
  return { ...reviewedColumns(input), ...immediateColumns(input), valid_days: input.validDays };
}

/** A stored job as the form shows it. */
export function jobInputOf(row: JobRow, benefits: string[]): JobInput {
  return {
    titleEn: row.title_en,
    titleZh: row.title_zh,
    descriptionEn: row.description_en_md,
    descriptionZh: row.description_zh_md,
    city: row.region_code,
    district: row.district_code,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryMonths: row.salary_months,
    experience: row.experience,
    education: row.education,
    employmentType: row.employment_type,
    headcount: row.headcount,
    benefits,
    insuranceBase: row.insurance_base,
    insuranceBaseAmount: row.insurance_base_amount,
    housingFundRate: row.housing_fund_rate === null ? null : Number(row.housing_fund_rate),
    validDays: row.valid_days,
  };
}

export function reviewedFieldsOf(input: JobInput): ReviewedFields {
  const picked = Object.fromEntries(REVIEWED_FIELDS.map((name) => [name, input[name]])) as ReviewedFields;
  // Benefits are a set: the order they were ticked in is no change.
  return { ...picked, benefits: [...picked.benefits].sort() };
}

/** The reviewed fields whose values differ (what a pending edit changes). */
export function changedFields(before: ReviewedFields, after: ReviewedFields): (keyof ReviewedFields)[] {
  return REVIEWED_FIELDS.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
