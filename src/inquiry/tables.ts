import type { Generated, Selectable } from 'kysely';
import type { ModuleDb } from '../platform/db/tables';

export interface TopicTable {
  id: Generated<number>;
  slug: string;
  title_en: string;
  title_zh: string;
  summary_en: string;
  /** Filled from data/inquiry/topics.json on start; '' until then (migration 2026-12-07-009). */
  summary_zh: string;
  position: number;
}

export type QuestionStatus = 'answered' | 'awaiting';
export type ContentOrigin = 'seed' | 'demo' | 'user' | 'imported';
export type Locale = 'en' | 'zh';

export interface QuestionTable {
  id: Generated<number>;
  topic_id: number;
  slug: string;
  locale: Locale;
  title: string;
  details: string;
  status: QuestionStatus;
  origin: ContentOrigin;
  /** Stable key of shipped content (seed/demo) so loading it twice adds nothing. */
  source_key: string | null;
  /** A question in another language that says the same; points at the original. */
  translation_of_id: number | null;
  region_code: string;
  view_count: Generated<number>;
  created_at: string;
  updated_at: string;
  asker_id: Generated<number | null>;
  anonymous: Generated<number>;
  /** Set when editors merged this question into another: its URL redirects there. */
  duplicate_of_id: Generated<number | null>;
  /** The collection an imported question came from (npm run import:qa -- --source). */
  import_source: Generated<string | null>;
  /** Title folded for de-duplication of imports (see src/inquiry/import). */
  normalised_title: Generated<string | null>;
}

export interface QuestionAliasTable {
  id: Generated<number>;
  question_id: number;
  text: string;
}

export type AnswerStatus = 'draft' | 'submitted' | 'published' | 'rejected';

export interface AnswerTable {
  id: Generated<number>;
  question_id: number;
  status: AnswerStatus;
  analysis_md: string;
  /** Rendered once when the answer is saved: markdown rendering is the costliest part of a page view. */
  analysis_html: string;
  background_md: string | null;
  background_html: string | null;
  region_code: string;
  verified_on: string;
  author_label: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  author_id: Generated<number | null>;
  review_note: Generated<string | null>;
  /** 1 when the asker accepted this answer. */
  accepted: Generated<number>;
  /** Kept in step with answer_votes, so ordering answers needs no count per page view. */
  helpful_count: Generated<number>;
  /** Why an editor must look at this published answer; null when nothing is pending. */
  review_flag: Generated<'law-amended' | 'imported-unreviewed' | null>;
  flagged_at: Generated<string | null>;
}

export interface AnswerUnresolvedCitationTable {
  id: Generated<number>;
  answer_id: number;
  text: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  source: string;
  file_hash: string;
  lines_done: number;
  finished: number;
  summary_json: string;
  started_at: string;
  updated_at: string;
}

export interface AnswerRevisionTable {
  id: Generated<number>;
  answer_id: number;
  revision: number;
  analysis_md: string;
  steps_json: string;
  citations_json: string;
  region_code: string;
  verified_on: string;
  editor_id: number | null;
  note: string;
  created_at: string;
}

export interface AnswerVoteTable {
  answer_id: number;
  user_id: number;
  created_at: string;
}

export interface AnswerFollowTable {
  answer_id: number;
  user_id: number;
}

export type StepChannel =
  | 'service-outlet'
  | 'online'
  | 'hotline'
  | 'bank'
  | 'employer'
  | 'arbitration'
  | 'hospital'
  | 'other';

export interface AnswerStepTable {
  id: Generated<number>;
  answer_id: number;
  position: number;
  action: string;
  materials: string;
  channel: StepChannel;
  location: string;
  duration: string;
}

export interface AnswerCitationTable {
  id: Generated<number>;
  answer_id: number;
  position: number;
  /** Points at one article of one statute version, so an amendment never silently changes what was cited. */
  article_id: number;
  paragraph: number | null;
  item: number | null;
  citation_text: string;
}

export type TopicRow = Selectable<TopicTable>;
export type QuestionRow = Selectable<QuestionTable>;
export type AnswerRow = Selectable<AnswerTable>;
export type AnswerStepRow = Selectable<AnswerStepTable>;
export type AnswerCitationRow = Selectable<AnswerCitationTable>;

/** The tables inquiry owns (docs/decisions/0110-the-house.md); only inquiry's code names them. */
export interface InquiryTables {
  topics: TopicTable;
  questions: QuestionTable;
  question_aliases: QuestionAliasTable;
  answers: AnswerTable;
  answer_steps: AnswerStepTable;
  answer_citations: AnswerCitationTable;
  answer_revisions: AnswerRevisionTable;
  answer_votes: AnswerVoteTable;
  answer_follows: AnswerFollowTable;
  answer_unresolved_citations: AnswerUnresolvedCitationTable;
  import_runs: ImportRunTable;
}

export const INQUIRY_TABLES = [
  'topics',
  'questions',
  'question_aliases',
  'answers',
  'answer_steps',
  'answer_citations',
  'answer_revisions',
  'answer_votes',
  'answer_follows',
  'answer_unresolved_citations',
  'import_runs',
] as const satisfies readonly (keyof InquiryTables)[];

export type InquiryDb = ModuleDb<InquiryTables>;
