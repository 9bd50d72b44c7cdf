import type { Viewer } from '../../accounts';
import { Forbidden, NotFound } from '../../platform/web/errors';
import { findQuestionForAnswering } from '../answering/repository';
import { findAnswer } from '../content/repository';
import type { InquiryContext } from '../deps';
import type { QuestionService } from '../questions/service';
import { questionPath } from '../questions/slug';
import * as repo from './repository';

/**
 * What readers do with answers: find them helpful, accept the one that solved their problem, and follow
 * answers (the asker of the question, and every helpful voter) to hear when they are published or revised.
 */
export function createCommunityService(ctx: InquiryContext, questions: Pick<QuestionService, 'forgetQuestion'>) {
  const { db } = ctx;

  async function publishedAnswer(answerId: number) {
    const answer = await findAnswer(db, answerId);
    if (answer?.status !== 'published') throw new NotFound('error.answer.notPublished', { id: answerId });
    return answer;
  }

  async function answerPath(questionId: number, answerId: number) {
    const question = await findQuestionForAnswering(db, questionId);
    return question ? `${questionPath(question.id, question.slug)}#a${answerId}` : '/social-security';
  }

  return {
    /** One helpful vote per person per answer; voting again changes nothing. Voters follow the answer. */
    async voteHelpful(viewer: Viewer, answerId: number) {
      const answer = await publishedAnswer(answerId);
      await db.transaction().execute(async (trx) => {
        const added = await repo.addVote(trx, answerId, viewer.id, ctx.now().toISOString());
        if (added) await repo.recountVotes(trx, answerId);
      });
      await repo.addFollower(db, answerId, viewer.id);
      questions.forgetQuestion(answer.question_id);
      return { path: await answerPath(answer.question_id, answerId) };
    },

    /** The asker marks the answer that solved their problem; it is shown first. */
    async accept(viewer: Viewer, answerId: number) {
      const answer = await publishedAnswer(answerId);
      const asker = await repo.findAsker(db, answer.question_id);
      if (asker !== viewer.id) throw new Forbidden('error.answer.acceptAskerOnly');
      await db.transaction().execute((trx) => repo.acceptAnswer(trx, answer.question_id, answerId));
      questions.forgetQuestion(answer.question_id);
      return { path: await answerPath(answer.question_id, answerId) };
    },

    /** The asker of a question follows its answer once it is published. */
    async followAsAsker(answerId: number, questionId: number) {
      const asker = await repo.findAsker(db, questionId);
      if (asker !== null) await repo.addFollower(db, answerId, asker);
      return asker;
    },

    /** Called when an editor revises a published answer: its followers hear about it. */
    async notifyRevised(answerId: number, questionId: number) {
      const question = await findQuestionForAnswering(db, questionId);
      if (!question) return;
      await ctx.notifications.notify(await repo.listFollowers(db, answerId), {
        kind: 'revised',
        params: { title: question.title },
        link: questionPath(question.id, question.slug),
      });
    },
  };
}

export type CommunityService = ReturnType<typeof createCommunityService>;
