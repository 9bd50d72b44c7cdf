import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfToken, requireRole, requireViewer } from '../accounts/auth';
import { AppError } from '../web/errors';
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
import type { InquiryService } from './service';
import { AnswerEditorPage, type AnswerEditorValues } from './views/answer-editor-page';
import { AskPage } from './views/ask-page';
import { ExpertQueuePage, ReviewAnswerPage, ReviewQueuePage } from './views/workflow-pages';
import type { WorkflowService } from './workflow-service';

const askSchema = z.object({
  title: z
    .string()
    .trim()
    .min(5, 'Write your question in at least 5 characters')
    .max(300, 'Keep the question under 300 characters'),
  details: z.string().trim().max(5000, 'Keep the details under 5,000 characters'),
  topic: z.string().min(1, 'Choose a topic'),
  region: z.string().min(1, 'Choose a region'),
  anonymous: z.boolean(),
});

export async function workflowRoutes(
  app: FastifyInstance,
  opts: { inquiry: InquiryService; workflow: WorkflowService },
) {
  const { inquiry, workflow } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const choices = async () => {
    const [topics, regions] = await Promise.all([inquiry.listTopics(), inquiry.listRegions()]);
    return { topics, regions };
  };

  // ---- asking --------------------------------------------------------------------------
  r.get(
    '/social-security/ask',
    { schema: { hide: true, querystring: z.object({ title: z.string().max(300).default('') }) } },
    async (request, reply) => {
      requireViewer(request);
      const values = {
        title: request.query.title,
        details: '',
        topic: 'social-security-card',
        region: 'CN',
        anonymous: false,
      };
      return sendPage(
        request,
        reply,
        AskPage({ csrfToken: csrfToken(reply), values, errors: {}, similar: null, ...(await choices()) }),
      );
    },
  );

  r.post(
    '/social-security/ask',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { hide: true, body: formBody },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const body = request.body;
      const values = {
        title: field(body, 'title'),
        details: field(body, 'details'),
        topic: field(body, 'topic'),
        region: field(body, 'region') || 'CN',
        anonymous: field(body, 'anonymous') === '1',
      };
      const render = async (status: number, errors: Record<string, string>, similar: AskPageSimilar) =>
        sendPage(
          request,
          reply.code(status),
          AskPage({ csrfToken: csrfToken(reply), values, errors, similar, ...(await choices()) }),
        );
      const parsed = askSchema.safeParse(values);
      if (!parsed.success) {
        return render(400, Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), null);
      }
      // Without JavaScript the similar questions appear on a confirm step before anything is saved.
      if (field(body, 'confirmed') !== '1') {
        const similar = await workflow.similarQuestions(parsed.data.title);
        if (similar.length > 0) return render(200, {}, similar);
      }
      try {
        const { path } = await workflow.askQuestion(viewer, parsed.data);
        return reply.redirect(path, 303);
      } catch (error) {
        if (error instanceof AppError && (error.code === 'VALIDATION' || error.code === 'RATE_LIMITED')) {
          return render(error.statusCode, { [error.details[0]?.field ?? 'form']: error.message }, null);
        }
        throw error;
      }
    },
  );

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
      const viewer = requireRole(request, 'expert', 'editor');
      const filter = { topic: request.query.topic || undefined, region: request.query.region || undefined };
      const [queue, mine] = await Promise.all([workflow.queue(filter), workflow.myAnswers(viewer)]);
      return sendPage(request, reply, ExpertQueuePage({ queue, mine, filter, ...(await choices()) }));
    },
  );

  const renderEditor = async (
    request: Parameters<typeof sendPage>[0],
    reply: Parameters<typeof sendPage>[1],
    questionId: number,
    action: string,
    values: AnswerEditorValues,
    errors: string[],
    preview: Awaited<ReturnType<WorkflowService['preview']>> | null,
  ) => {
    const question = await workflow.questionToAnswer(questionId);
    const { regions } = await choices();
    return sendPage(
      request,
      reply,
      AnswerEditorPage({ csrfToken: csrfToken(reply), action, question, values, errors, regions, preview }),
    );
  };

  const handleEditorPost = async (
    request: Parameters<typeof sendPage>[0] & { body: Record<string, string | string[]> },
    reply: Parameters<typeof sendPage>[1],
    questionId: number,
    action: string,
    answerId?: number,
  ) => {
    const viewer = requireRole(request, 'expert', 'editor');
    const values = readAnswerForm(request.body);
    const intent = field(request.body, 'intent');
    if (intent === 'more')
      return renderEditor(
        request,
        reply,
        questionId,
        action,
        { ...values, steps: withBlankRows(values.steps, 3) },
        [],
        null,
      );
    const input = toAnswerInput(values);
    if (intent === 'preview') {
      return renderEditor(
        request,
        reply,
        questionId,
        action,
        values,
        [],
        await workflow.preview({ analysis: input.analysis, citations: input.citations }),
      );
    }
    try {
      await workflow.submitAnswer(viewer, questionId, input, answerId);
      return reply.redirect('/expert/queue', 303);
    } catch (error) {
      return renderEditor(request, reply.code(400), questionId, action, values, errorMessages(error), null);
    }
  };

  r.get('/expert/questions/:id/answer', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requireRole(request, 'expert', 'editor');
    const question = await workflow.questionToAnswer(request.params.id);
    const values = {
      analysis: '',
      steps: withBlankRows([], 3),
      region: question.region_code,
      verifiedOn: new Date().toISOString().slice(0, 10),
      citations: '',
    };
    return renderEditor(request, reply, question.id, `/expert/questions/${question.id}/answer`, values, [], null);
  });

  r.post(
    '/expert/questions/:id/answer',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) =>
      handleEditorPost(request, reply, request.params.id, `/expert/questions/${request.params.id}/answer`),
  );

  r.get('/expert/answers/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const viewer = requireRole(request, 'expert', 'editor');
    const { answer, steps, citations } = await workflow.answerForReview(request.params.id);
    if (answer.author_id !== viewer.id && viewer.role !== 'admin')
      throw new AppError('FORBIDDEN', 'Only its author can revise this answer');
    const values = storedAnswerValues(answer, steps, citations);
    const errors = answer.review_note ? [answer.review_note] : [];
    return renderEditor(request, reply, answer.question_id, `/expert/answers/${answer.id}/edit`, values, errors, null);
  });

  r.post(
    '/expert/answers/:id/edit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      requireRole(request, 'expert', 'editor');
      const { answer } = await workflow.answerForReview(request.params.id);
      return handleEditorPost(request, reply, answer.question_id, `/expert/answers/${answer.id}/edit`, answer.id);
    },
  );

  // ---- review --------------------------------------------------------------------------
  r.get('/editor/review', { schema: { hide: true } }, async (request, reply) => {
    requireRole(request, 'editor');
    return sendPage(request, reply, ReviewQueuePage({ answers: await workflow.reviewQueue() }));
  });

  r.get('/editor/review/:id', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    requireRole(request, 'editor');
    return sendPage(
      request,
      reply,
      ReviewAnswerPage({
        item: await workflow.answerForReview(request.params.id),
        csrfToken: csrfToken(reply),
        error: null,
      }),
    );
  });

  r.post(
    '/editor/review/:id/approve',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requireRole(request, 'editor');
      await workflow.approve(editor, request.params.id);
      return reply.redirect('/editor/review', 303);
    },
  );

  r.post(
    '/editor/review/:id/reject',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const editor = requireRole(request, 'editor');
      try {
        await workflow.reject(editor, request.params.id, field(request.body, 'reason'));
        return reply.redirect('/editor/review', 303);
      } catch (error) {
        const [message] = errorMessages(error);
        const item = await workflow.answerForReview(request.params.id);
        return sendPage(
          request,
          reply.code(400),
          ReviewAnswerPage({ item, csrfToken: csrfToken(reply), error: message }),
        );
      }
    },
  );
}

type AskPageSimilar = { id: number; title: string; url: string }[] | null;
