/** The employer's routes: a job's applicants, one application, its moves, notes and file. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../accounts';
import { type FormBody, type FormErrors, field, formBody, formRefusal, idParams } from '../platform/web/forms';
import type { MessageKey } from '../platform/web/messages';
import { sendPage } from '../platform/web/render';
import { applicantsQuerySchema } from './schemas';
import type { ApplicationService } from './service';
import { ApplicantsPage } from './views/applicants-page';
import { ApplicationPage, type ApplicationPageProps } from './views/application-page';

const APPLICATION_NOTICES = {
  moved: 'applications.notice.moved',
  noted: 'applications.notice.noted',
} as const satisfies Record<string, MessageKey>;

const EMPTY_VALUES: ApplicationPageProps['values'] = { reason: '', interviewAt: '', interviewPlace: '', body: '' };

/** A repeated field as a list (checkboxes), a single one as a list of one. */
function list(body: FormBody, name: string): string[] {
  const value = body[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The file's name as an attachment: ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function employerApplicationRoutes(app: FastifyInstance, opts: { applications: ApplicationService }) {
  const { applications } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const employer = (request: FastifyRequest) => requirePermission(request, 'company.manage');

  async function applicantsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    jobId: number,
    query: z.output<typeof applicantsQuerySchema>,
    message: { notice: string | null; error: string | null; message: string | null },
  ) {
    const page = await applications.applicants(employer(request), jobId, query, request.locale);
    return sendPage(request, reply, h(ApplicantsPage, { ...page, ...message, csrfToken: csrfToken(reply) }));
  }

  r.get(
    '/employer/jobs/:id/applicants',
    { schema: { hide: true, params: idParams, querystring: applicantsQuerySchema } },
    async (request, reply) => {
      const { notice } = request.query;
      const counts = notice ? /^(\d+)-(\d+)$/.exec(notice) : null;
      const text = counts
        ? request.i18n.t('applications.notice.rejected', { count: Number(counts[1]), skipped: Number(counts[2]) })
        : null;
      return applicantsPage(request, reply, request.params.id, request.query, {
        notice: text,
        error: null,
        message: null,
      });
    },
  );

  r.post(
    '/employer/jobs/:id/applicants/not-a-fit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = employer(request);
      const message = field(request.body, 'message');
      try {
        const done = await applications.rejectMany(viewer, request.params.id, {
          ids: list(request.body, 'ids'),
          message,
        });
        const back = `/employer/jobs/${request.params.id}/applicants?notice=${done.rejected}-${done.skipped}`;
        return reply.redirect(request.i18n.path(back), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        reply.code(refusal.status);
        const query = { q: '', page: 1 };
        return applicantsPage(request, reply, request.params.id, query, {
          notice: null,
          error: refusal.summary,
          message,
        });
      }
    },
  );

  async function applicationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    message: { notice: string | null; errors: FormErrors; values: ApplicationPageProps['values'] },
  ) {
    const page = await applications.open(employer(request), id, request.locale);
    return sendPage(request, reply, h(ApplicationPage, { ...page, ...message, csrfToken: csrfToken(reply) }));
  }

  r.get(
    '/employer/applications/:id',
    { schema: { hide: true, params: idParams, querystring: z.object({ notice: z.string().max(20).optional() }) } },
    async (request, reply) => {
      const notice = request.query.notice;
      const key =
        notice && notice in APPLICATION_NOTICES
          ? APPLICATION_NOTICES[notice as keyof typeof APPLICATION_NOTICES]
          : null;
      return applicationPage(request, reply, request.params.id, {
        notice: key && request.i18n.t(key),
        errors: {},
        values: EMPTY_VALUES,
      });
    },
  );

  r.post(
    '/employer/applications/:id/move',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = employer(request);
      const input = {
        to: field(request.body, 'to'),
        reason: field(request.body, 'reason'),
        interviewAt: field(request.body, 'interviewAt'),
        interviewPlace: field(request.body, 'interviewPlace'),
      };
      try {
        await applications.move(viewer, request.params.id, input);
        return reply.redirect(request.i18n.path(`/employer/applications/${request.params.id}?notice=moved`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        reply.code(refusal.status);
        const values = { ...EMPTY_VALUES, ...input };
        return applicationPage(request, reply, request.params.id, { notice: null, errors: refusal.errors, values });
      }
    },
  );

  r.post(
    '/employer/applications/:id/notes',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = employer(request);
      const body = field(request.body, 'body');
      try {
        await applications.addNote(viewer, request.params.id, { body });
        return reply.redirect(request.i18n.path(`/employer/applications/${request.params.id}?notice=noted`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        reply.code(refusal.status);
        const values = { ...EMPTY_VALUES, body };
        return applicationPage(request, reply, request.params.id, { notice: null, errors: refusal.errors, values });
      }
    },
  );

  r.get('/employer/applications/:id/file', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const file = await applications.file(employer(request), request.params.id);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', attachment(file.name))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(file.bytes);
  });
}
