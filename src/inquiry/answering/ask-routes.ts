import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../../accounts';
import { type FormErrors, field, formBody, formRefusal } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import type { WorkflowService } from './service';
import { AskPage, type AskPageProps } from './views/ask-page';

const askSchema = z.object({
  title: z.string().trim().min(5, 'ask.error.titleTooShort').max(300, 'ask.error.titleTooLong'),
  details: z.string().trim().max(5000, 'ask.error.detailsTooLong'),
  topic: z.string().min(1, 'error.topic.choose'),
  region: z.string().min(1, 'error.region.choose'),
  anonymous: z.boolean(),
});

type Similar = AskPageProps['similar'];

/**
 * Asking a question: the form, similar questions first (a confirm step without JavaScript), then posting it. The
 * question is stored in the language of the page it was asked on, and the asker lands on it in that language.
 */
export async function askRoutes(
  app: FastifyInstance,
  // `questions` is no longer used here (the workflow names topics and regions in both languages); inquiry/routes.ts
  // still passes it.
  opts: { questions?: unknown; workflow: WorkflowService },
) {
  const { workflow } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const page = async (props: Omit<AskPageProps, 'topics' | 'regions'>) =>
    h(AskPage, { ...props, ...(await workflow.formChoices()) }) as VNode;

  r.get(
    '/social-security/ask',
    { schema: { hide: true, querystring: z.object({ title: z.string().max(300).default('') }) } },
    async (request, reply) => {
      requirePermission(request, 'question.ask');
      const values = {
        title: request.query.title,
        details: '',
        topic: 'social-security-card',
        region: 'CN',
        anonymous: false,
      };
      // A title brought from a search: the law that may apply shows at once.
      const law = values.title.trim() ? await workflow.lawThatMayApply(values.title, '') : [];
      return sendPage(
        request,
        reply,
        await page({ csrfToken: csrfToken(reply), values, errors: {}, similar: null, law }),
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
      const viewer = requirePermission(request, 'question.ask');
      const body = request.body;
      const values = {
        title: field(body, 'title'),
        details: field(body, 'details'),
        topic: field(body, 'topic'),
        region: field(body, 'region') || 'CN',
        anonymous: field(body, 'anonymous') === '1',
      };
      const render = async (status: number, errors: FormErrors, similar: Similar, law: AskPageProps['law'] = []) =>
        sendPage(
          request,
          reply.code(status),
          await page({ csrfToken: csrfToken(reply), values, errors, similar, law }),
        );
      try {
        const input = askSchema.parse(values);
        // Without JavaScript the similar questions appear on a confirm step before anything is saved.
        if (field(body, 'confirmed') !== '1') {
          const similar = await workflow.similarQuestions(input.title, request.locale);
          // The confirm step also shows the law that may apply; a question nobody asked before is saved at once.
          if (similar.length > 0)
            return render(200, {}, similar, await workflow.lawThatMayApply(input.title, input.details));
        }
        const { path } = await workflow.askQuestion(viewer, { ...input, locale: request.locale });
        return reply.redirect(request.i18n.path(path), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return render(refusal.status, refusal.errors, null);
      }
    },
  );
}
