import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { askRoutes } from './answering/ask-routes';
import { workflowRoutes } from './answering/routes';
import type { WorkflowService } from './answering/service';
import { communityRoutes } from './community/routes';
import type { CommunityService } from './community/service';
import { duplicateRoutes } from './moderation/duplicate-routes';
import type { DuplicateService } from './moderation/duplicates';
import type { StaleAnswerService } from './moderation/stale';
import { staleRoutes } from './moderation/stale-routes';
import { questionRoutes } from './questions/routes';
import type { QuestionService } from './questions/service';
import { revisionRoutes } from './revisions/routes';
import type { RevisionService } from './revisions/service';
import { searchRoutes } from './search/routes';
import type { QuestionSearch } from './search/service';

export interface InquiryServices {
  questions: QuestionService;
  search: QuestionSearch;
  workflow: WorkflowService;
  community: CommunityService;
  revisions: RevisionService;
  duplicates: DuplicateService;
  stale: StaleAnswerService;
}

/** Every route of the inquiry center, each part with the services it uses. */
export async function inquiryRoutes(app: FastifyInstance, opts: { services: InquiryServices; baseUrl: string }) {
  const { questions, search, workflow, community, revisions, duplicates, stale } = opts.services;
  // Only routes that ask for a limit (config.rateLimit) are limited.
  await app.register(rateLimit, rateLimitOptions(app));
  await app.register(questionRoutes, { questions, baseUrl: opts.baseUrl });
  await app.register(searchRoutes, { search });
  await app.register(askRoutes, { questions, workflow });
  await app.register(workflowRoutes, { questions, workflow });
  await app.register(communityRoutes, { community });
  await app.register(staleRoutes, { stale });
  await app.register(revisionRoutes, { questions, workflow, revisions });
  await app.register(duplicateRoutes, { duplicates });
}
