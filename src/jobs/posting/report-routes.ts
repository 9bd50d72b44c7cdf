import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { csrfToken } from '../../accounts';
import { field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import type { PostingService } from './service';
import { titleFor } from './views/labels';
import { ReportPage, ReportThanksPage } from './views/report-form';

/**
 * Reporting a job: anyone may, signed in or not. The job page (board/) includes the form; these are its own
 * page (shown again when the input is refused) and the thanks. Limited per address like the other posts that
 * anonymous people can make.
 */
export async function reportRoutes(app: FastifyInstance, opts: { posting: PostingService }) {
  const { posting } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/jobs/:id/report', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const job = await posting.reportable(request.params.id);
    const props = { jobId: job.id, title: titleFor(job, request.locale).text, csrfToken: csrfToken(reply) };
    return sendPage(request, reply, h(ReportPage, props));
  });

  r.post(
    '/jobs/:id/report',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { hide: true, params: idParams, body: formBody },
    },
    async (request, reply) => {
      const job = await posting.reportable(request.params.id);
      const values = { reason: field(request.body, 'reason'), details: field(request.body, 'details') };
      try {
        await posting.report(request.viewer, job.id, values);
        return sendPage(request, reply, h(ReportThanksPage, { jobPath: job.path }));
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const props = {
          jobId: job.id,
          title: titleFor(job, request.locale).text,
          csrfToken: csrfToken(reply),
          values,
          errors: refusal.errors,
        };
        return sendPage(request, reply.code(refusal.status), h(ReportPage, props));
      }
    },
  );
}
