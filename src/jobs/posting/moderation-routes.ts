import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission, type Viewer } from '../../accounts';
import { type FormErrors, field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import type { MessageKey } from '../../platform/web/messages';
import { sendPage } from '../../platform/web/render';
import type { PostingService } from './service';
import { ModerationJobPage, ModerationQueuePage } from './views/moderation-pages';

const NOTICES = {
  approved: 'jobModeration.notice.approved',
  rejected: 'jobModeration.notice.rejected',
  editApproved: 'jobModeration.notice.editApproved',
  editRejected: 'jobModeration.notice.editRejected',
  dismissed: 'jobModeration.notice.dismissed',
  upheld: 'jobModeration.notice.upheld',
} as const satisfies Record<string, MessageKey>;
type Notice = keyof typeof NOTICES;

const reportParams = z.object({ reportId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** Editors and admins: the queue, one job with its history, and the decisions (each a small form). */
export async function moderationRoutes(app: FastifyInstance, opts: { posting: PostingService }) {
  const { posting } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const moderator = (request: FastifyRequest) => requirePermission(request, 'jobs.moderate');

  r.get(
    '/moderation/jobs',
    { schema: { hide: true, querystring: z.object({ notice: z.string().max(20).optional() }) } },
    async (request, reply) => {
      const queue = await posting.queue(moderator(request));
      const notice = request.query.notice;
      const key = notice && notice in NOTICES ? NOTICES[notice as Notice] : undefined;
      return sendPage(request, reply, h(ModerationQueuePage, { queue, notice: key ? request.i18n.t(key) : null }));
    },
  );

  async function jobPage(
    request: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    jobId: number,
    errors: FormErrors,
  ) {
    const [item, choices] = await Promise.all([posting.jobForModeration(viewer, jobId), posting.formChoices()]);
    const props = { item, benefits: choices.benefits, csrfToken: csrfToken(reply), errors };
    return sendPage(request, reply, h(ModerationJobPage, props));
  }

  r.get('/moderation/jobs/:id', { schema: { hide: true, params: idParams } }, async (request, reply) =>
    jobPage(request, reply, moderator(request), request.params.id, {}),
  );

  /** A decision on a job: done → back to the queue; refused → the job's page again, the message on its form. */
  const decisions = [
    { path: 'approve', form: 'form', notice: 'approved', act: (v: Viewer, id: number) => posting.approve(v, id) },
    {
      path: 'reject',
      form: 'reject',
      notice: 'rejected',
      act: (v: Viewer, id: number, reason: string) => posting.reject(v, id, reason),
    },
    {
      path: 'edits/approve',
      form: 'form',
      notice: 'editApproved',
      act: (v: Viewer, id: number) => posting.approveEdit(v, id),
    },
    {
      path: 'edits/reject',
      form: 'editReject',
      notice: 'editRejected',
      act: (v: Viewer, id: number, reason: string) => posting.rejectEdit(v, id, reason),
    },
  ] as const;
  for (const decision of decisions) {
    r.post(
      `/moderation/jobs/:id/${decision.path}`,
      { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
      async (request, reply) => {
        const viewer = moderator(request);
        try {
          await decision.act(viewer, request.params.id, field(request.body, 'reason'));
          return reply.redirect(request.i18n.path(`/moderation/jobs?notice=${decision.notice}`), 303);
        } catch (error) {
          const refusal = formRefusal(error, request.i18n);
          const errors = { form: refusal.summary, [decision.form]: refusal.errors.reason ?? refusal.summary };
          return jobPage(request, reply.code(refusal.status), viewer, request.params.id, errors);
        }
      },
    );
  }

  for (const [path, notice] of [
    ['dismiss', 'dismissed'],
    ['uphold', 'upheld'],
  ] as const) {
    r.post(
      `/moderation/jobs/reports/:reportId/${path}`,
      { preHandler: app.csrfProtection, schema: { hide: true, params: reportParams, body: formBody } },
      async (request, reply) => {
        const viewer = moderator(request);
        const { reportId } = request.params;
        if (path === 'dismiss') await posting.dismissReport(viewer, reportId);
        else await posting.upholdReport(viewer, reportId);
        return reply.redirect(request.i18n.path(`/moderation/jobs?notice=${notice}`), 303);
      },
    );
  }
}
