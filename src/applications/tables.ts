import type { Generated, Selectable } from 'kysely';

/**
 * Where an application stands (docs/decisions/0115-applications.md). The moves between them are in
 * transitions.ts; the words people know (已投递, 被查看 …) in the applications catalogue.
 */
export const APPLICATION_STATUSES = ['submitted', 'viewed', 'interview', 'offer', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who made a change: the seeker (apply, withdraw) or an employer of the job's company. */
export type EventSide = 'seeker' | 'employer';

/** A seeker's application to one job, with the résumé as it was when they applied. */
export interface ApplicationTable {
  id: Generated<number>;
  job_id: number;
  /** The job's company when applied (a job never changes company): employers' access and responsiveness. */
  company_id: number;
  /** Null once the seeker's account is forgotten (the application stays, anonymised, for the employer). */
  seeker_id: number | null;
  /** The name on the résumé snapshot, for the applicant list ('' once forgotten). */
  seeker_name: string;
  status: ApplicationStatus;
  /** The stage a not-a-fit came from, where undoing it returns (null otherwise). */
  previous_status: ApplicationStatus | null;
  status_changed_at: string;
  /** The chosen PDF (the resumes module's id), if any. */
  resume_file_id: string | null;
  resume_file_name: string | null;
  /** The seeker's note to the employer (≤ 1,000 characters). */
  note: string;
  /** The latest interview invitation: when (China time, YYYY-MM-DD HH:MM) and where (a place or a link). */
  interview_at: string | null;
  interview_place: string | null;
  /** Why not a fit, as the employer wrote it to the seeker ('' when none given). */
  reject_reason: string | null;
  /** When an employer first opened it. */
  viewed_at: string | null;
  created_at: string;
}

/**
 * The résumé as sent with an application, apart from it: the applicant list reads the small rows of
 * `applications` and touches these long texts only to search them.
 */
export interface ApplicationDocumentTable {
  application_id: number;
  /** The ResumeSnapshot's profile and file summary, as JSON ('{}' once forgotten). */
  resume_json: string;
  /** Lower-cased name, note and résumé text (profile and PDF), for employers' search of their applicants. */
  search_text: string;
}

/** One change of an application's status: from, to, who, when, and why or the interview's details. */
export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  /** Null for the submission itself. */
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  actor_id: number | null;
  side: EventSide;
  at: string;
  reason: string | null;
  interview_at: string | null;
  interview_place: string | null;
}

/** An employer's private note on an application; the seeker never sees these. */
export interface ApplicationNoteTable {
  id: Generated<number>;
  application_id: number;
  author_id: number | null;
  body: string;
  created_at: string;
}

export interface ApplicationTables {
  applications: ApplicationTable;
  application_documents: ApplicationDocumentTable;
  application_events: ApplicationEventTable;
  application_notes: ApplicationNoteTable;
}

export const APPLICATION_TABLES = [
  'applications',
  'application_documents',
  'application_events',
  'application_notes',
] as const satisfies readonly (keyof ApplicationTables)[];

export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
