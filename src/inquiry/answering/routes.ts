import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { can, csrfToken, requirePermission } from '../../accounts';
import { Forbidden } from '../../platform/web/errors';
import { type FormBody, type FormErrors, field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import { readAnswerForm, storedAnswerValues, toAnswerInput, withBlankRows } from './answer-form';
import type { WorkflowService } from './service';
import { AnswerEditorPage, type AnswerEditorValues } from './views/answer-editor-page';
import { ExpertQueuePage, ReviewAnswerPage, ReviewQueuePage } from './views/workflow-pages';

type Preview = Awaited<ReturnType<WorkflowService['preview']>>;

/**
 * Experts answer questions in the structured editor; editors approve answers or send them back. Every page is in
 * the reader's language, and every redirect after a post stays in it.
 */
export async function workflowRoutes(
  app: FastifyInstance,
  // `questions` is no longer used here (the workflow names topics and regions in both languages); inquiry/routes.ts
  // still passes it.
  opts: { questions?: unknown; workflow: WorkflowService },
) {
  const { workflow } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const choices = () => workflow.formChoices();

  // ---- answering -----------------------------------------------------------------------
  r.get(
    '/expert/queue',
    {
      schema: {
        hide: true,
        querystring: z.object({ topic: z.string().max(60).optional(), region: z.string().max(20).optional() }),
      },
    },
    async (request, reply) => {
      const viewer = requirePermission(request, 'answer.write');
      const filter = { topic: request.query.topic || undefined, region: request.query.region || undefined };
      const [queue, mine] = await Promise.all([workflow.queue(filter), workflow.myAnswers(viewer)]);
      return sendPage(request, reply, h(ExpertQueuePage, { queue, mine, filter, ...(await choices()) }) as VNode);
    },
  );

  interface EditorState {
    questionId: number;
    action: string;
    values: AnswerEditorValues;
    errors: string[];
    fieldErrors?: FormErrors;
    preview: Preview | null;
  }

  const renderEditor = async (request: FastifyRequest, reply: FastifyReply, state: EditorState) => {
    const question = await workflow.questionToAnswer(state.questionId);
    const { regions } = await choices();
    const { action, values, errors, fieldErrors, preview } = state;
    const page = h(AnswerEditorPage, {
      csrfToken: csrfToken(reply),
      action,
      question,
      values,
      errors,
      fieldErrors,
      regions,
      preview,
    }) as VNode;
    return sendPage(request, reply, page);
  };

  const handleEditorPost = async (
    request: FastifyRequest & { body: FormBody },
    reply: FastifyReply,
    target: { questionId: number; action: string; answerId?: number },
  ) => {
    const viewer = requirePermission(request, 'answer.write');
    const values = readAnswerForm(request.body);
    const intent = field(request.body, 'intent');
    const state = { ...target, values, errors: [], preview: null };
    if (intent === 'more') {
      return renderEditor(request, reply, { ...state, values: { ...values, steps: withBlankRows(values.steps, 3) } });
    }
    const input = toAnswerInput(values);
    if (intent === 'preview') {
      const preview = await workflow.preview({ analysis: input.analysis, citations: input.citations });
      return renderEditor(request, reply, { ...state, preview });
    }
    try {
      await workflow.submitAnswer(viewer, target.questionId, input, target.answerId);
      return reply.redirect(request.i18n.path('/expert/queue'), 303);
    } catch (error) {
      const refusal = formRefusal(error, request.i18n);
      return renderEditor(request, reply.code(refusal.status), {
        ...state,
        errors: refusal.messages,
        fieldErrors: refusal.errors,
      });
    }
  };

  r.get('/expert/questions/:id/answer', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requirePermission(request, 'answer.write');
    const question = await workflow.questionToAnswer(request.params.id);
    const values = {
      analysis: '',
      steps: withBlankRows([], 3),
      region: question.region_code,
      verifiedOn: new Date().toISOString().slice(0, 10),
      citations: '',
    };
    const action = `/expert/questions/${question.id}/answer`;
    return renderEditor(request, reply, { questionId: question.id, action, values, errors: [], preview: null });
  });

  r.post(
    '/expert/questions/:id/answer',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) =>
      handleEditorPost(request, reply, {
        questionId: request.params.id,
        action: `/expert/questions/${request.params.id}/answer`,
      }),
  );

  /** An answer its author (or an editor) may edit; checked before any intent, a preview included. */
  const answerToEdit = async (request: FastifyRequest, answerId: number) => {
    const viewer = requirePermission(request, 'answer.write');
    const item = await workflow.answerForReview(answerId);
    if (item.answer.author_id !== viewer.id && !can(viewer, 'answer.reviseAnyDraft')) {
      throw new Forbidden('error.answer.authorOnly');
    }
    return item;
  };

  r.get('/expert/answers/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const { answer, steps, citations } = await answerToEdit(request, request.params.id);
    const values = storedAnswerValues(answer, steps, citations);
    const errors = answer.review_note ? [answer.review_note] : [];
    const action = `/expert/answers/${answer.id}/edit`;
    return renderEditor(request, reply, { questionId: answer.question_id, action, values, errors, preview: null });
  });

  r.post(
    '/expert/answers/:id/edit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const { answer } = await answerToEdit(request, request.params.id);
      const action = `/expert/answers/${answer.id}/edit`;
      return handleEditorPost(request, reply, { questionId: answer.question_id, action, answerId: answer.id });
    },
  );

  // ---- review --------------------------------------------------------------------------
  r.get('/editor/review', { schema: { hide: true } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    return sendPage(request, reply, h(ReviewQueuePage, { answers: await workflow.reviewQueue() }) as VNode);
  });

  r.get('/editor/review/:id', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requirePermission(request, 'answer.review');
    const item = await workflow.answerForReview(request.params.id);
    return sendPage(request, reply, h(ReviewAnswerPage, { item, csrfToken: csrfToken(reply), error: null }) as VNode);
  });

  r.post(
    '/editor/review/:id/approve',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requirePermission(request, 'answer.review');
      await workflow.approve(editor, request.params.id);
      return reply.redirect(request.i18n.path('/editor/review'), 303);
    },
  );

  r.post(
    '/editor/review/:id/reject',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requirePermission(request, 'answer.review');
      try {
        await workflow.reject(editor, request.params.id, field(request.body, 'reason'));
        return reply.redirect(request.i18n.path('/editor/review'), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const item = await workflow.answerForReview(request.params.id);
        const page = h(ReviewAnswerPage, {
          item,
          csrfToken: csrfToken(reply),
          error: refusal.messages[0] ?? null,
        }) as VNode;
        return sendPage(request, reply.code(refusal.status), page);
      }
    },
  );
}
