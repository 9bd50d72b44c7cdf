import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Viewer } from '../accounts/auth';
import type { Database } from '../db/schema';
import type { StatuteService } from '../statutes/service';
import { AppError, invalid, notFound } from '../web/errors';
import { renderMarkdown } from '../web/markdown';
import { type DiffPart, diffLines, diffWords } from './diff';
import * as duplicateRepo from './duplicate-repository';
import * as repo from './repository';
import * as revisionRepo from './revision-repository';
import { type AnswerInput, answerInputSchema } from './schemas';
import type { QuestionSearch } from './search-service';
import { type InquiryService, resolveAll } from './service';
import { questionPath } from './slug';
import * as flow from './workflow-repository';

/** One step as a revision keeps it (answer_revisions.steps_json holds a list of these). */
export interface RevisionStep {
  action: string;
  materials: string;
  channel: string;
  where: string;
  duration: string;
}

/** One citation as a revision keeps it: as written, and the article it resolved to (citations_json). */
export interface RevisionCitation {
  citation_text: string;
  statute: string;
  article: number;
  paragraph: number | null;
  item: number | null;
}

type Trx = Transaction<Database>;

/** The public revision history of a question's answers (the question page links here). */
export const revisionsPath = (questionId: number) => `/social-security/questions/${questionId}/revisions`;
/** Where editors edit a published answer. */
export const editPublishedAnswerPath = (answerId: number) => `/editor/answers/${answerId}/edit`;

/** Copies the answer's current content into answer_revisions as the next number. */
async function snapshot(
  trx: Trx,
  answerId: number,
  editorId: number | null,
  note: string,
  createdAt: string,
): Promise<number> {
  const answer = await flow.findAnswer(trx, answerId);
  if (!answer) throw notFound(`No answer ${answerId}`);
  const [steps, citations, last] = await Promise.all([
    repo.listSteps(trx, [answerId]),
    repo.listCitations(trx, [answerId]),
    revisionRepo.lastRevisionNumber(trx, answerId),
  ]);
  const stepsJson: RevisionStep[] = steps.map((s) => ({
    action: s.action,
    materials: s.materials,
    channel: s.channel,
    where: s.location,
    duration: s.duration,
  }));
  const citationsJson: RevisionCitation[] = citations.map((c) => ({
    citation_text: c.citation_text,
    statute: c.statute_slug,
    article: c.article_number,
    paragraph: c.paragraph,
    item: c.item,
  }));
  const revision = last + 1;
  await revisionRepo.insertRevision(trx, {
    answer_id: answerId,
    revision,
    analysis_md: answer.analysis_md,
    steps_json: JSON.stringify(stepsJson),
    citations_json: JSON.stringify(citationsJson),
    region_code: answer.region_code,
    verified_on: answer.verified_on,
    editor_id: editorId,
    note,
    created_at: createdAt,
  });
  return revision;
}

/**
 * Records what readers now see of a published answer as its next revision (1 when it is first
 * published) and returns the number. Call it inside the transaction that publishes or edits the
 * answer, after its content is written, so the snapshot is exactly what was committed.
 */
export async function recordRevision(
  trx: Trx,
  answerId: number,
  editorId: number | null,
  note: string,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  if (!(await revisionRepo.touchAnswer(trx, answerId, at))) throw notFound(`No answer ${answerId}`);
  return snapshot(trx, answerId, editorId, note, at);
}

export const noteSchema = z
  .string()
  .trim()
  .min(1, 'Say in a few words what changed and why')
  .max(500, 'Keep the note under 500 characters');

export type PublishedAnswerEdit = Omit<AnswerInput, 'authorLabel' | 'background'> & { note: string };

export interface RevisionDeps {
  statutes: StatuteService;
  search: QuestionSearch;
  inquiry: InquiryService;
  /**
   * Called after an edit is committed (e.g. to notify the answer's followers). The edit stays saved
   * whatever the hook does; an error it throws reaches the caller, so a hook should catch its own.
   */
  onRevised?: (info: { answerId: number; questionId: number }) => Promise<void>;
}

const isEditor = (viewer: Viewer) => viewer.role === 'editor' || viewer.role === 'admin';
const parseJson = <T>(text: string): T[] => JSON.parse(text) as T[];

/** Lines removed and added between two lists of records, compared whole. */
function diffRecords<T>(before: T[], after: T[]) {
  const byKey = new Map([...before, ...after].map((item) => [JSON.stringify(item), item]));
  return diffLines(
    before.map((s) => JSON.stringify(s)),
    after.map((s) => JSON.stringify(s)),
  ).map((c) => ({ kind: c.kind, item: byKey.get(c.text)! }));
}

export function createRevisionService(db: Kysely<Database>, deps: RevisionDeps, now: () => Date = () => new Date()) {
  const { statutes, search, inquiry } = deps;

  return {
    /** A published answer with its question, steps and citations, for the editors' edit form. */
    async answerToEdit(answerId: number) {
      const answer = await flow.findAnswer(db, answerId);
      if (!answer) throw notFound(`No answer ${answerId}`);
      if (answer.status !== 'published')
        throw new AppError('CONFLICT', 'Only published answers are edited here; this one is still in review');
      const [question, steps, citations] = await Promise.all([
        flow.findQuestionForAnswering(db, answer.question_id),
        repo.listSteps(db, [answerId]),
        repo.listCitations(db, [answerId]),
      ]);
      return { answer, question: { ...question!, path: questionPath(question!.id, question!.slug) }, steps, citations };
    },

    /**
     * An editor changes a published answer: it stays published, the change becomes a new revision
     * with the editor and their note, and search and the page cache follow at once. An answer
     * published before revisions were kept first gets its old content recorded, so the edit has a diff.
     */
    async editPublishedAnswer(editor: Viewer, answerId: number, input: PublishedAnswerEdit) {
      if (!isEditor(editor)) throw new AppError('FORBIDDEN', 'Only editors revise published answers');
      const existing = await flow.findAnswer(db, answerId);
      if (!existing) throw notFound(`No answer ${answerId}`);
      if (existing.status !== 'published')
        throw new AppError('CONFLICT', 'Only published answers are edited here; this one is still in review');
      const note = noteSchema.safeParse(input.note);
      const parsed = answerInputSchema.safeParse({ ...input, authorLabel: existing.author_label });
      const problems = [
        ...(note.success ? [] : note.error.issues.map((i) => ({ field: 'note', message: i.message }))),
        ...(parsed.success
          ? []
          : parsed.error.issues.map((i) => ({
              field: i.path.join('.'),
              message: `${i.path.join('.')}: ${i.message}`,
            }))),
      ];
      if (!note.success || !parsed.success) throw invalid('The revision is not complete', problems);
      const answer = parsed.data;
      if (!(await repo.findRegion(db, answer.region)))
        throw invalid('Choose a region', [{ field: 'region', message: 'unknown region' }]);
      // Every citation must resolve before anything is written: a refused edit changes nothing.
      const citations = await resolveAll(statutes, answer.citations);

      const result = await db.transaction().execute(async (trx) => {
        const at = now();
        if (!(await revisionRepo.touchAnswer(trx, answerId, at.toISOString()))) throw notFound(`No answer ${answerId}`);
        // Read again under the row lock: the status checked above may have changed meanwhile.
        const current = (await flow.findAnswer(trx, answerId))!;
        if (current.status !== 'published') throw new AppError('CONFLICT', 'Only published answers are edited here');
        if ((await revisionRepo.lastRevisionNumber(trx, answerId)) === 0) {
          await snapshot(trx, answerId, null, '', current.published_at ?? current.created_at);
        }
        await flow.updateAnswerContent(trx, answerId, {
          analysis_md: answer.analysis,
          analysis_html: renderMarkdown(answer.analysis),
          region_code: answer.region,
          verified_on: answer.verifiedOn,
          status: 'published',
          review_note: null,
          updated_at: at.toISOString(),
        });
        await repo.insertSteps(
          trx,
          answerId,
          answer.steps.map((s) => ({
            action: s.action,
            materials: s.materials,
            channel: s.channel,
            location: s.where,
            duration: s.duration,
          })),
        );
        await repo.insertCitations(
          trx,
          answerId,
          citations.map((c) => ({
            article_id: c.article.id,
            paragraph: c.paragraph,
            item: c.item,
            citation_text: c.raw,
          })),
        );
        // An editor's edit is a review: the citations now resolve against the law in force.
        await trx
          .updateTable('answers')
          .set({ review_flag: null, flagged_at: null })
          .where('id', '=', answerId)
          .execute();
        const revision = await recordRevision(trx, answerId, editor.id, note.data, at);
        // A question merged into another stays out of the index (it redirects there).
        const question = await duplicateRepo.findQuestionForMerge(trx, current.question_id);
        if (question?.duplicate_of_id == null) await search.reindexQuestions(trx, [current.question_id]);
        else await search.removeQuestion(trx, current.question_id);
        return { questionId: current.question_id, answerId, revision };
      });
      inquiry.forgetQuestion(result.questionId);
      await deps.onRevised?.({ answerId, questionId: result.questionId });
      return result;
    },

    /** The revisions of a question's published answers, newest first, each with its diff against the one before. */
    async history(questionId: number) {
      const question = await flow.findQuestionForAnswering(db, questionId);
      if (!question) throw notFound(`No question ${questionId}`);
      const answers = await repo.listPublishedAnswers(db, [questionId]);
      const rows = await revisionRepo.listRevisions(
        db,
        answers.map((a) => a.id),
      );
      return {
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
                editorName: r.editor_name,
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
