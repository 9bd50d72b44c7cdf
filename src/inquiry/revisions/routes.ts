import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../../accounts';
import { NotFound } from '../../platform/web/errors';
import { type FormErrors, field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import { readAnswerForm, storedAnswerValues, toAnswerInput, withBlankRows } from '../answering/answer-form';
import type { WorkflowService } from '../answering/service';
import type { AnswerEditorValues } from '../answering/views/answer-editor-page';
import { parseQuestionParam } from '../questions/slug';
import { editPublishedAnswerPath, type RevisionService, revisionsPath } from './service';
import { RevisionEditorPage } from './views/revision-editor-page';
import { RevisionsPage } from './views/revisions-page';

/**
 * Editors edit published answers (each save is a revision); anyone reads the revision history. Pages in the
 * reader's language; a saved edit lands on the history in it.
 */
export async function revisionRoutes(
  app: FastifyInstance,
  // `questions` is no longer used here (the workflow names regions in both languages); inquiry/routes.ts still
  // passes it.
  opts: { questions?: unknown; workflow: WorkflowService; revisions: RevisionService },
) {
  const { workflow, revisions } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    answerId: number,
    form: { values: AnswerEditorValues; note: string; fieldErrors?: FormErrors },
    errors: string[],
    preview: Awaited<ReturnType<WorkflowService['preview']>> | null,
  ) => {
    const [{ question }, { regions }] = await Promise.all([revisions.answerToEdit(answerId), workflow.formChoices()]);
    const page = h(RevisionEditorPage, {
      csrfToken: csrfToken(reply),
      action: editPublishedAnswerPath(answerId),
      question,
      regions,
      errors,
      preview,
      ...form,
    }) as VNode;
    return sendPage(request, reply, page);
  };

  r.get('/editor/answers/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    const { answer, steps, citations } = await revisions.answerToEdit(request.params.id);
    const values = storedAnswerValues(answer, steps, citations);
    return renderEditor(request, reply, answer.id, { values, note: '' }, [], null);
  });

  r.post(
    '/editor/answers/:id/edit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requirePermission(request, 'answer.review');
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
        const history = request.i18n.path(revisionsPath(saved.questionId));
        return reply.redirect(`${history}#answer-${saved.answerId}-revision-${saved.revision}`, 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const form = { values, note, fieldErrors: refusal.errors };
        return renderEditor(request, reply.code(refusal.status), answerId, form, refusal.messages, null);
      }
    },
  );

  r.get(
    '/social-security/questions/:idSlug/revisions',
    { schema: { hide: true, params: z.object({ idSlug: z.string().max(300) }) } },
    async (request, reply) => {
      const parsed = parseQuestionParam(request.params.idSlug);
      if (!parsed) throw new NotFound('error.question.notFoundAt', { path: request.url });
      // The history has one URL, by number: links with a slug in them are sent there.
      if (parsed.slug) return reply.redirect(request.i18n.path(revisionsPath(parsed.id)), 301);
      return sendPage(request, reply, h(RevisionsPage, { history: await revisions.history(parsed.id) }) as VNode);
    },
  );
}
