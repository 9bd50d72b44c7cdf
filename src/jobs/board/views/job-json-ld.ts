/**
 * schema.org JobPosting for Google's job search, in the page's language: only for an open job (an expired, paused
 * or closed one has none, and says so on the page). Money as Google wants it: a CNY range per MONTH.
 * https://developers.google.com/search/docs/appearance/structured-data/job-posting
 */
import { markdownToPlainText } from '../../../platform/web/markdown';
import type { EmploymentType } from '../../tables';
import type { JobPageData } from '../job-page-data';

const EMPLOYMENT_TYPE: Record<EmploymentType, string> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  internship: 'INTERN',
  contract: 'CONTRACTOR',
};

/** Google's educationRequirements categories; "any" asks for none. */
const EDUCATION_CATEGORY: Record<string, string | null> = {
  any: null,
  associate: 'associate degree',
  bachelor: 'bachelor degree',
  master: 'postgraduate degree',
  doctor: 'postgraduate degree',
};

/** Months of experience asked for (the band's lower end): graduates and "under a year" ask for none. */
const EXPERIENCE_MONTHS: Record<string, number> = { graduate: 0, lt1: 0, '1-3': 12, '3-5': 36, '5-10': 60, '10+': 120 };

export interface JobPostingLabels {
  siteName: string;
  /** The place names in the page's language. */
  city: string;
  region: string;
  /** The experience asked for, in words, in the page's language. */
  experience: string;
}

/** The last moment of a day in China (UTC+8), as ISO 8601. */
const endOfDay = (date: string) => `${date}T23:59:59+08:00`;

export function jobPostingJsonLd(data: JobPageData, labels: JobPostingLabels) {
  if (data.state !== 'open') return undefined;
  const { job, company } = data;
  const education = EDUCATION_CATEGORY[job.education] ?? null;
  const months = EXPERIENCE_MONTHS[job.experience] ?? 0;
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: data.title.text,
    description: markdownToPlainText(data.description.markdown),
    datePosted: job.posted_at ?? job.created_at,
    ...(job.valid_through && { validThrough: endOfDay(job.valid_through) }),
    employmentType: EMPLOYMENT_TYPE[job.employment_type],
    hiringOrganization: {
      '@type': 'Organization',
      name: company.name,
      ...(company.website && { sameAs: company.website }),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: labels.city,
        addressRegion: labels.region,
        addressCountry: 'CN',
      },
    },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'CNY',
      value: { '@type': 'QuantitativeValue', minValue: job.salary_min, maxValue: job.salary_max, unitText: 'MONTH' },
    },
    identifier: { '@type': 'PropertyValue', name: labels.siteName, value: String(job.id) },
    ...(education
      ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: education } }
      : { educationRequirements: 'no requirements' }),
    experienceRequirements:
      months > 0
        ? { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: months, description: labels.experience }
        : 'no requirements',
    inLanguage: data.title.locale === 'zh' ? 'zh-CN' : 'en',
  };
}
