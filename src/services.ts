import type { Kysely } from 'kysely';
import { type MailLog, type MailTransport, OutboxMailTransport, silentLog } from './accounts/mail';
import { createAccountService } from './accounts/service';
import type { DialectName } from './db/connection';
import type { Database } from './db/schema';
import { createDuplicateService } from './inquiry/duplicates';
import { createImportService } from './inquiry/import/service';
import { createNotificationService } from './inquiry/notifications';
import { addViews } from './inquiry/repository';
import { createRevisionService } from './inquiry/revisions';
import { createQuestionSearch } from './inquiry/search-service';
import { createInquiryService } from './inquiry/service';
import { createStaleAnswerService } from './inquiry/stale';
import { ViewCounter } from './inquiry/view-counter';
import { createWorkflowService } from './inquiry/workflow-service';
import { createSearchEngine } from './search/engine';
import { createStatuteService } from './statutes/service';

export interface ServiceOptions {
  /** Where the outbox logs queued mail (the app passes its logger). */
  log?: MailLog;
  /** Replaces the outbox, e.g. with an SMTP transport (src/accounts/mail.ts). */
  mail?: MailTransport;
  /** For links in mail (config.PUBLIC_BASE_URL). */
  baseUrl?: string;
}

/** Wires the capabilities' services together once; the app, the CLI and tests all start here. */
export function createServices(db: Kysely<Database>, dialect: DialectName, options: ServiceOptions = {}) {
  const statutes = createStatuteService(db);
  const views = new ViewCounter((batch) => addViews(db, batch));
  const search = createQuestionSearch(db, createSearchEngine(dialect));
  const inquiry = createInquiryService(db, statutes, views, search);
  const mail = options.mail ?? new OutboxMailTransport(db, options.log ?? silentLog);
  const notifications = createNotificationService(db, mail, options.baseUrl ?? 'http://localhost:3000');
  const workflow = createWorkflowService(db, { statutes, search, inquiry, notifications });
  const accounts = createAccountService(db, mail);
  // An edit of a published answer tells the people following it.
  const revisions = createRevisionService(db, {
    statutes,
    search,
    inquiry,
    onRevised: ({ answerId, questionId }) => workflow.notifyRevised(answerId, questionId),
  });
  const duplicates = createDuplicateService(db, { search, inquiry });
  const stale = createStaleAnswerService(db, { search, inquiry });
  const imports = createImportService(db, { statutes, search, inquiry });
  return { statutes, views, search, inquiry, workflow, accounts, notifications, revisions, duplicates, stale, imports };
}

export type Services = ReturnType<typeof createServices>;
