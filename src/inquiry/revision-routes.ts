import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfToken, requireRole } from '../accounts/auth';
import { notFound } from '../web/errors';
import { sendPage } from '../web/render';
import {
  errorMessages,
  field,
  formBody,
  idParams,
  readAnswerForm,
  storedAnswerValues,
  toAnswerInput,
  withBlankRows,
} from './answer-form';
import { editPublishedAnswerPath, type RevisionService, revisionsPath } from './revisions';
import type { InquiryService } from './service';
import { parseQuestionParam } from './slug';
import type { AnswerEditorValues } from './views/answer-editor-page';
import { RevisionEditorPage } from './views/revision-editor-page';
import { RevisionsPage } from './views/revisions-page';
import type { WorkflowService } from './workflow-service';

/** Editors edit published answers (each save is a revision); anyone reads the revision history. */
export async function revisionRoutes(
  app: FastifyInstance,
  opts: { inquiry: InquiryService; workflow: WorkflowService; revisions: RevisionService },
) {
  const { inquiry, workflow, revisions } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    answerId: number,
    form: { values: AnswerEditorValues; note: string },
    errors: string[],
    preview: Awaited<ReturnType<WorkflowService['preview']>> | null,
  ) => {
    const [{ question }, regions] = await Promise.all([revisions.answerToEdit(answerId), inquiry.listRegions()]);
    const page = RevisionEditorPage({
      csrfToken: csrfToken(reply),
      action: editPublishedAnswerPath(answerId),
      question,
      regions,
      errors,
      preview,
      ...form,
    });
    return sendPage(request, reply, page);
  };

  r.get('/editor/answers/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requireRole(request, 'editor');
    const { answer, steps, citations } = await revisions.answerToEdit(request.params.id);
    const values = storedAnswerValues(answer, steps, citations);
    return renderEditor(request, reply, answer.id, { values, note: '' }, [], null);
  });

  r.post(
    '/editor/answers/:id/edit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requireRole(request, 'editor');
      const answerId = request.params.id;
      const values = readAnswerForm(request.body);
      const note = field(request.body, 'note');
      const intent = field(request.body, 'intent');
      if (intent === 'more')
        return renderEditor(
          request,
          reply,
          answerId,
          { values: { ...values, steps: withBlankRows(values.steps, 3) }, note },
          [],
          null,
        );
      const input = toAnswerInput(values);
      if (intent === 'preview') {
        return renderEditor(
          request,
          reply,
          answerId,
          { values, note },
          [],
          await workflow.preview({ analysis: input.analysis, citations: input.citations }),
        );
      }
      try {
        const saved = await revisions.editPublishedAnswer(editor, answerId, { ...input, note });
        return reply.redirect(
          `${revisionsPath(saved.questionId)}#answer-${saved.answerId}-revision-${saved.revision}`,
          303,
        );
      } catch (error) {
        return renderEditor(request, reply.code(400), answerId, { values, note }, errorMessages(error), null);
      }
    },
  );

  r.get(
    '/social-security/questions/:idSlug/revisions',
    { schema: { hide: true, params: z.object({ idSlug: z.string().max(300) }) } },
    async (request, reply) => {
      const parsed = parseQuestionParam(request.params.idSlug);
      if (!parsed) throw notFound(`No question at ${request.url}`);
      // The history has one URL, by number: links with a slug in them are sent there.
      if (parsed.slug) return reply.redirect(revisionsPath(parsed.id), 301);
      return sendPage(request, reply, RevisionsPage({ history: await revisions.history(parsed.id) }));
    },
  );
}
