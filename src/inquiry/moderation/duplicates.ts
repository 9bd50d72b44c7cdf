import { can, type Viewer } from '../../accounts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/web/errors';
import type { MessageKey, MessageParams } from '../../platform/web/messages';
import type { InquiryContext } from '../deps';
import * as repo from '../questions/repository';
import type { QuestionService } from '../questions/service';
import { questionPath } from '../questions/slug';
import * as searchRepo from '../search/repository';
import type { QuestionSearch } from '../search/service';
import * as duplicateRepo from './duplicate-repository';

type Db = Parameters<typeof duplicateRepo.findQuestionForMerge>[0];
type MergeRow = NonNullable<Awaited<ReturnType<typeof duplicateRepo.findQuestionForMerge>>>;

/**
 * The question an editor means by what they typed: its number ("12", "#12") or its URL, absolute or
 * not, with or without slug, query or fragment. Null when it is neither.
 */
export function parseQuestionReference(text: string): number | null {
  const s = text.trim();
  const match =
    /^#?([1-9]\d{0,15})$/.exec(s) ?? /(?:^|\/)social-security\/questions\/([1-9]\d{0,15})(?=$|[-/?#])/.exec(s);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : null;
}

const targetField = (key: MessageKey, params?: MessageParams) =>
  new Invalid(key, params, [{ field: 'target', key, params }]);

/**
 * The question `questionId` may be merged into when the editor names `targetId`: the target itself, or
 * where the target already redirects. Refuses the question itself, a missing target and circles.
 */
async function resolveTarget(db: Db, question: MergeRow, targetId: number): Promise<MergeRow> {
  if (question.duplicate_of_id !== null) {
    const params = { id: question.duplicate_of_id };
    throw new Conflict('error.duplicate.already', params, [
      { field: 'target', key: 'error.duplicate.already', params },
    ]);
  }
  if (targetId === question.id) throw targetField('error.duplicate.itself');
  let target = await duplicateRepo.findQuestionForMerge(db, targetId);
  if (!target) throw targetField('error.duplicate.noTarget', { id: targetId });
  // A duplicate named as target stands for the question it redirects to. That one is never a duplicate
  // itself (merging re-points chains), but follow a few hops in case two merges raced into a chain.
  for (let hops = 0; target.duplicate_of_id !== null; hops++) {
    const next: MergeRow | undefined =
      hops < 5 ? await duplicateRepo.findQuestionForMerge(db, target.duplicate_of_id) : undefined;
    if (!next) throw targetField('error.duplicate.targetIsDuplicate', { id: targetId });
    target = next;
  }
  if (target.id === question.id) {
    throw targetField('error.duplicate.circle', { id: targetId });
  }
  return target;
}

export function createDuplicateService(
  ctx: InquiryContext,
  deps: { search: QuestionSearch; questions: Pick<QuestionService, 'forgetQuestion'> },
) {
  const { db, now } = ctx;
  const { search, questions } = deps;

  return {
    /** The question for the editors' "mark as duplicate" form, with likely targets from search. */
    async questionToMerge(questionId: number) {
      const question = await duplicateRepo.findQuestionForMerge(db, questionId);
      if (!question) throw new NotFound('error.question.notFound', { id: questionId });
      const target =
        question.duplicate_of_id === null
          ? undefined
          : await duplicateRepo.findQuestionForMerge(db, question.duplicate_of_id);
      // Likely targets in the question's own language first: a duplicate is asked in the same words.
      const found = await search.search({ q: question.title, locale: question.locale, page: 1 });
      return {
        question: {
          id: question.id,
          title: question.title,
          details: question.details,
          locale: question.locale,
          path: questionPath(question.id, question.slug),
        },
        duplicateOf: target
          ? { id: target.id, title: target.title, locale: target.locale, path: questionPath(target.id, target.slug) }
          : null,
        similar: found.results
          .filter((r) => r.id !== question.id)
          .slice(0, 5)
          .map((r) => ({ id: r.id, title: r.title, locale: r.locale, path: r.path })),
      };
    },

    /**
     * Merges a question into another in one transaction: it redirects there, its title and aliases become
     * the target's aliases, questions merged into it follow it, and it leaves the search index.
     */
    async markDuplicate(editor: Viewer, questionId: number, targetText: string) {
      if (!can(editor, 'answer.review')) throw new Forbidden('error.duplicate.editorsOnly');
      const targetId = parseQuestionReference(targetText);
      if (targetId === null) throw targetField('error.duplicate.giveTarget');
      const result = await db.transaction().execute(async (trx) => {
        const at = now().toISOString();
        await duplicateRepo.touchQuestions(trx, [questionId, targetId], at);
        const question = await duplicateRepo.findQuestionForMerge(trx, questionId);
        if (!question) throw new NotFound('error.question.notFound', { id: questionId });
        const target = await resolveTarget(trx, question, targetId);
        await duplicateRepo.setDuplicateOf(trx, question.id, target.id, at);
        const known = new Set([target.title, ...(await searchRepo.listAliases(trx, [target.id])).map((a) => a.text)]);
        if (!known.has(question.title)) await repo.insertAliases(trx, target.id, [question.title]);
        await duplicateRepo.moveAliases(trx, question.id, target.id);
        const followers = await duplicateRepo.repointDuplicates(trx, question.id, target.id, at);
        await search.removeQuestion(trx, question.id);
        await search.reindexQuestions(trx, [target.id]);
        return {
          questionId: question.id,
          target: { id: target.id, path: questionPath(target.id, target.slug) },
          followers,
        };
      });
      for (const id of [result.questionId, result.target.id, ...result.followers]) questions.forgetQuestion(id);
      return result;
    },
  };
}

export type DuplicateService = ReturnType<typeof createDuplicateService>;
