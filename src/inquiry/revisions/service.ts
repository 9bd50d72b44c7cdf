import { z } from 'zod';
import { can, type Viewer } from '../../accounts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/web/errors';
import { renderMarkdown } from '../../platform/web/markdown';
import { zodProblems } from '../../platform/web/validation';
import * as flow from '../answering/repository';
import { resolveAll } from '../content/citations';
import type { Named, NamedStatute } from '../content/names';
import * as content from '../content/repository';
import { saveAnswerContent } from '../content/save';
import { type AnswerInput, answerInputSchema } from '../content/schemas';
import type { InquiryContext } from '../deps';
import type { QuestionService } from '../questions/service';
import { questionPath } from '../questions/slug';
import type { QuestionSearch } from '../search/service';
import { type DiffPart, diffLines, diffWords } from './diff';
import { type RevisionCitation, type RevisionStep, recordRevision, snapshot } from './record';
import * as revisionRepo from './repository';

/** The public revision history of a question's answers (the question page links here). */
export const revisionsPath = (questionId: number) => `/social-security/questions/${questionId}/revisions`;
/** Where editors edit a published answer. */
export const editPublishedAnswerPath = (answerId: number) => `/editor/answers/${answerId}/edit`;

export const noteSchema = z
  .string()
  .trim()
  .min(1, 'revisions.error.noteRequired')
  .max(500, 'revisions.error.noteTooLong');

export type PublishedAnswerEdit = Omit<AnswerInput, 'authorLabel' | 'background'> & { note: string };

export interface RevisionDeps {
  search: QuestionSearch;
  questions: Pick<QuestionService, 'forgetQuestion'>;
  /**
   * Called after an edit is committed (e.g. to notify the answer's followers). The edit stays saved
   * whatever the hook does; an error it throws reaches the caller, so a hook should catch its own.
   */
  onRevised?: (info: { answerId: number; questionId: number }) => Promise<void>;
}

const parseJson = <T>(text: string): T[] => JSON.parse(text) as T[];

/** Lines removed and added between two lists of records, compared whole. */
function diffRecords<T>(before: T[], after: T[]) {
  const byKey = new Map([...before, ...after].map((item) => [JSON.stringify(item), item]));
  return diffLines(
    before.map((s) => JSON.stringify(s)),
    after.map((s) => JSON.stringify(s)),
  ).map((c) => ({ kind: c.kind, item: byKey.get(c.text)! }));
}

export function createRevisionService(ctx: InquiryContext, deps: RevisionDeps) {
  const { db, statutes, now } = ctx;
  const { search, questions } = deps;

  async function publishedAnswer(answerId: number) {
    const answer = await content.findAnswer(db, answerId);
    if (!answer) throw new NotFound('error.answer.notFound', { id: answerId });
    if (answer.status !== 'published') throw new Conflict('error.revision.notPublished');
    return answer;
  }

  /** Statutes by slug (citations_json keeps slugs) and the regions the revisions name, in both languages. */
  async function namesIn(rows: { region_code: string }[]) {
    const [library, regions] = await Promise.all([
      statutes.listStatutes(),
      ctx.regions.named(rows.map((r) => r.region_code)),
    ]);
    return {
      statutes: new Map<string, NamedStatute>(library.map((s) => [s.slug, s])),
      regions: new Map<string, Named>([...regions].map(([code, r]) => [code, { en: r.nameEn, zh: r.nameZh }])),
    };
  }

  return {
    /** A published answer with its question, steps and citations, for the editors' edit form. */
    async answerToEdit(answerId: number) {
      const answer = await publishedAnswer(answerId);
      const [question, steps, citations] = await Promise.all([
        flow.findQuestionForAnswering(db, answer.question_id),
        content.listSteps(db, [answerId]),
        content.listCitations(db, [answerId]),
      ]);
      if (!question) throw new NotFound('error.question.notFound', { id: answer.question_id });
      return { answer, question: { ...question, path: questionPath(question.id, question.slug) }, steps, citations };
    },

    /**
     * An editor changes a published answer: it stays published, the change becomes a new revision
     * with the editor and their note, and search and the page cache follow at once. An answer
     * published before revisions were kept first gets its old content recorded, so the edit has a diff.
     */
    async editPublishedAnswer(editor: Viewer, answerId: number, input: PublishedAnswerEdit) {
      if (!can(editor, 'answer.review')) throw new Forbidden('error.revision.editorsOnly');
      const existing = await publishedAnswer(answerId);
      const note = noteSchema.safeParse(input.note);
      const parsed = answerInputSchema.safeParse({ ...input, authorLabel: existing.author_label });
      const problems = [
        ...(note.success ? [] : zodProblems(note.error).map((p) => ({ ...p, field: 'note' }))),
        ...(parsed.success ? [] : zodProblems(parsed.error)),
      ];
      if (!note.success || !parsed.success) throw new Invalid('error.revision.incomplete', {}, problems);
      const answer = parsed.data;
      await ctx.regions.requireKnown(answer.region);
      // Every citation must resolve before anything is written: a refused edit changes nothing.
      const citations = await resolveAll(statutes, answer.citations);

      const result = await db.transaction().execute(async (trx) => {
        const at = now();
        if (!(await revisionRepo.touchAnswer(trx, answerId, at.toISOString()))) {
          throw new NotFound('error.answer.notFound', { id: answerId });
        }
        // Read again under the row lock: the status checked above may have changed meanwhile.
        const current = (await content.findAnswer(trx, answerId))!;
        if (current.status !== 'published') throw new Conflict('error.revision.notPublished');
        if ((await revisionRepo.lastRevisionNumber(trx, answerId)) === 0) {
          await snapshot(trx, statutes, answerId, null, '', current.published_at ?? current.created_at);
        }
        await content.updateAnswerContent(trx, answerId, {
          analysis_md: answer.analysis,
          analysis_html: renderMarkdown(answer.analysis),
          region_code: answer.region,
          verified_on: answer.verifiedOn,
          status: 'published',
          review_note: null,
          updated_at: at.toISOString(),
        });
        await saveAnswerContent(trx, answerId, answer.steps, citations);
        // An editor's edit is a review: the citations now resolve against the law in force.
        await content.setReviewFlag(trx, [answerId], null, null);
        const revision = await recordRevision(trx, statutes, answerId, editor.id, note.data, at);
        // A question merged into another stays out of the index (it redirects there).
        const question = await flow.findQuestionForAnswering(trx, current.question_id);
        if (question?.duplicate_of_id == null) await search.reindexQuestions(trx, [current.question_id]);
        else await search.removeQuestion(trx, current.question_id);
        return { questionId: current.question_id, answerId, revision };
      });
      questions.forgetQuestion(result.questionId);
      await deps.onRevised?.({ answerId, questionId: result.questionId });
      return result;
    },

    /** The revisions of a question's published answers, newest first, each with its diff against the one before. */
    async history(questionId: number) {
      const question = await flow.findQuestionForAnswering(db, questionId);
      if (!question) throw new NotFound('error.question.notFound', { id: questionId });
      const answers = await content.listPublishedAnswers(db, [questionId]);
      const rows = await revisionRepo.listRevisions(
        db,
        answers.map((a) => a.id),
      );
      const editors = await ctx.accounts.displayNames(rows.flatMap((r) => (r.editor_id === null ? [] : [r.editor_id])));
      return {
        names: await namesIn(rows),
        question: {
          id: question.id,
          title: question.title,
          locale: question.locale,
          path: questionPath(question.id, question.slug),
        },
        answers: answers.map((a) => {
          let previous = {
            analysis: '',
            steps: [] as RevisionStep[],
            citations: [] as RevisionCitation[],
            region: null as string | null,
            verifiedOn: null as string | null,
          };
          const revisions = rows
            .filter((r) => r.answer_id === a.id)
            .map((r) => {
              const next = {
                analysis: r.analysis_md,
                steps: parseJson<RevisionStep>(r.steps_json),
                citations: parseJson<RevisionCitation>(r.citations_json),
                region: r.region_code,
                verifiedOn: r.verified_on,
              };
              const entry = {
                revision: r.revision,
                createdAt: r.created_at,
                editorName: r.editor_id === null ? null : (editors.get(r.editor_id) ?? null),
                note: r.note,
                analysis: diffWords(previous.analysis, next.analysis) as DiffPart[],
                steps: diffRecords(previous.steps, next.steps),
                citations: diffRecords(previous.citations, next.citations),
                region: previous.region === next.region ? null : { before: previous.region, after: next.region },
                verifiedOn:
                  previous.verifiedOn === next.verifiedOn
                    ? null
                    : { before: previous.verifiedOn, after: next.verifiedOn },
              };
              previous = next;
              return entry;
            })
            .reverse();
          return { id: a.id, author: a.author_label, publishedAt: a.published_at, revisions };
        }),
      };
    },
  };
}

export type RevisionService = ReturnType<typeof createRevisionService>;
export type RevisionHistory = Awaited<ReturnType<RevisionService['history']>>;
