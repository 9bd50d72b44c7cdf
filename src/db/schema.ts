import type { OutboxTable, PasswordResetTable, SessionTable, SignInFailureTable, UserTable } from '../accounts/tables';
import type {
  AnswerCitationTable,
  AnswerFollowTable,
  AnswerRevisionTable,
  AnswerStepTable,
  AnswerTable,
  AnswerUnresolvedCitationTable,
  AnswerVoteTable,
  ImportRunTable,
  NotificationTable,
  QuestionAliasTable,
  QuestionTable,
  RegionTable,
  TopicTable,
} from '../inquiry/tables';
import type { ArticleChangeTable, ArticleTable, StatuteTable, StatuteVersionTable } from '../statutes/tables';

/** The whole database, assembled from each capability's own table types. */
export interface Database {
  topics: TopicTable;
  regions: RegionTable;
  questions: QuestionTable;
  question_aliases: QuestionAliasTable;
  answers: AnswerTable;
  answer_steps: AnswerStepTable;
  answer_citations: AnswerCitationTable;
  answer_revisions: AnswerRevisionTable;
  answer_votes: AnswerVoteTable;
  answer_follows: AnswerFollowTable;
  notifications: NotificationTable;
  answer_unresolved_citations: AnswerUnresolvedCitationTable;
  import_runs: ImportRunTable;
  article_changes: ArticleChangeTable;
  statutes: StatuteTable;
  statute_versions: StatuteVersionTable;
  articles: ArticleTable;
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  outbox: OutboxTable;
  sign_in_failures: SignInFailureTable;
}
