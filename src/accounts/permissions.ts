import type { Role } from './tables';

/** Someone who may be asked about: a signed-in viewer (only the role matters here), or nobody. */
export interface Actor {
  role: Role;
}

/**
 * What people may do, by role: the one place roles are read (docs/decisions/0110-the-house.md). Routes ask
 * with requirePermission(request, action); pages ask can() to show a link or a button. Ownership rules
 * (only the asker accepts an answer, an expert revises their own draft) are the services' business and use
 * these actions for the exceptions (an admin may revise anyone's draft).
 */
const ALLOWED = {
  /** Ask a question, vote an answer helpful, read one's notifications. */
  'question.ask': ['member', 'employer', 'expert', 'editor', 'admin'],
  'answer.vote': ['member', 'employer', 'expert', 'editor', 'admin'],
  /** Answer questions in the structured editor, and revise one's own answers sent back. */
  'answer.write': ['expert', 'editor', 'admin'],
  /** Revise another author's draft or rejected answer. */
  'answer.reviseAnyDraft': ['admin'],
  /** Approve or send back answers, edit published ones, mark duplicates, handle amended law and imports. */
  'answer.review': ['editor', 'admin'],
  /** Apply for jobs and follow one's applications (job seekers' accounts). */
  'application.apply': ['member'],
  /** Create a company and act for the companies one is a member of: post and manage their jobs, invite. */
  'company.manage': ['employer'],
  /** Verify or refuse companies, approve or reject jobs and their edits, handle reported jobs. */
  'jobs.moderate': ['editor', 'admin'],
  /**
   * Keep a résumé (profile and PDF files) and block companies from it: job seekers' accounts. Employers, experts
   * and staff act for the site or a company; someone looking for work uses a member account.
   */
  'resume.manage': ['member'],
  /** Add a city's contribution period (a new notice) and keep its service outlets (/admin/cities, /admin/outlets). */
  'cities.edit': ['editor', 'admin'],
  /** Change people's roles. */
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ALLOWED;

export function can(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  return (ALLOWED[action] as readonly Role[]).includes(actor.role);
}
