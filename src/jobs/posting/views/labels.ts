/**
 * The catalogue keys of the choices a job post is made of, written out (messages.test.ts looks for every key in
 * the code as it is written).
 */
import type { MessageKey } from '../../../platform/web/messages';
import type { Education, EmploymentType, Experience, InsuranceBase, ReportReason } from '../../tables';
import type { JobState } from '../expiry';

export const EXPERIENCE_LABELS: Record<Experience, MessageKey> = {
  graduate: 'employer.experience.graduate',
  lt1: 'employer.experience.lt1',
  '1-3': 'employer.experience.1-3',
  '3-5': 'employer.experience.3-5',
  '5-10': 'employer.experience.5-10',
  '10+': 'employer.experience.10+',
};

export const EDUCATION_LABELS: Record<Education, MessageKey> = {
  any: 'employer.education.any',
  associate: 'employer.education.associate',
  bachelor: 'employer.education.bachelor',
  master: 'employer.education.master',
  doctor: 'employer.education.doctor',
};

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, MessageKey> = {
  'full-time': 'employer.type.full-time',
  'part-time': 'employer.type.part-time',
  internship: 'employer.type.internship',
  contract: 'employer.type.contract',
};

export const INSURANCE_BASE_LABELS: Record<InsuranceBase, MessageKey> = {
  actual: 'employer.insuranceBase.actual',
  minimum: 'employer.insuranceBase.minimum',
  fixed: 'employer.insuranceBase.fixed',
};

export const REPORT_REASON_LABELS: Record<ReportReason, MessageKey> = {
  deposit: 'employer.report.reason.deposit',
  fake: 'employer.report.reason.fake',
  discriminatory: 'employer.report.reason.discriminatory',
  'wrong-insurance': 'employer.report.reason.wrong-insurance',
  other: 'employer.report.reason.other',
};

export const STATE_LABELS: Record<JobState, MessageKey> = {
  draft: 'employer.state.draft',
  pending: 'employer.state.pending',
  published: 'employer.state.published',
  rejected: 'employer.state.rejected',
  paused: 'employer.state.paused',
  closed: 'employer.state.closed',
  expired: 'employer.state.expired',
};

/** What happened to a job, as its history lists it (job_events.action). */
export const EVENT_LABELS: Record<string, MessageKey> = {
  created: 'jobModeration.event.created',
  edited: 'jobModeration.event.edited',
  submitted: 'jobModeration.event.submitted',
  approved: 'jobModeration.event.approved',
  rejected: 'jobModeration.event.rejected',
  paused: 'jobModeration.event.paused',
  resumed: 'jobModeration.event.resumed',
  closed: 'jobModeration.event.closed',
  renewed: 'jobModeration.event.renewed',
  expired: 'jobModeration.event.expired',
  'edit-submitted': 'jobModeration.event.edit-submitted',
  'edit-withdrawn': 'jobModeration.event.edit-withdrawn',
  'edit-approved': 'jobModeration.event.edit-approved',
  'edit-rejected': 'jobModeration.event.edit-rejected',
  'report-dismissed': 'jobModeration.event.report-dismissed',
  'report-upheld': 'jobModeration.event.report-upheld',
};

/** A job's title in the reader's language, else in the other one (with `lang` for the page to mark it). */
export function titleFor(
  job: { title_en: string | null; title_zh: string | null; id: number },
  locale: 'en' | 'zh',
): { text: string; lang: 'en' | 'zh' } {
  const own = locale === 'zh' ? job.title_zh : job.title_en;
  if (own) return { text: own, lang: locale };
  const other = locale === 'zh' ? job.title_en : job.title_zh;
  return { text: other ?? `#${job.id}`, lang: locale === 'zh' ? 'en' : 'zh' };
}
