/**
 * What inquiry does when the law changes under its answers, told by statutes inside the import's transaction
 * (statutes.onArticlesChanged): citations of articles whose text stayed move to the new version, and published
 * answers citing an amended or removed article are flagged for an editor (stale.ts lists them). And what it
 * answers when the article page asks who cites an article.
 */
import { ownTransaction } from '../../platform/db/tables';
import type { ArticlesChangedListener, CitingQuestionsProvider } from '../../statutes';
import type { InquiryContext } from '../deps';
import { questionPath } from '../questions/slug';
import type { InquiryTables } from '../tables';
import * as repo from './stale-repository';

export function amendmentListener(): ArticlesChangedListener {
  return async (shared, change) => {
    const trx = ownTransaction<InquiryTables>(shared);
    await repo.repointCitations(trx, change.unchanged);
    return repo.flagAnswersCiting(trx, change.amended, change.at);
  };
}

export function citingQuestionsProvider(ctx: InquiryContext): CitingQuestionsProvider {
  return async (articleIds) =>
    (await repo.listQuestionsCiting(ctx.db, articleIds)).map((q) => ({ ...q, path: questionPath(q.id, q.slug) }));
}
