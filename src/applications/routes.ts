/** The seeker's routes: the apply page and its post, /account/applications and withdrawing. */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requireViewer } from '../accounts';
import { RateLimited } from '../platform/web/errors';
import { type FormErrors, field, formBody, formRefusal, idParams } from '../platform/web/forms';
import type { MessageKey } from '../platform/web/messages';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { sendPage } from '../platform/web/render';
import { employerApplicationRoutes } from './employer-routes';
import { PROFILE_ONLY } from './seeker-service';
import type { ApplicationService } from './service';
import { MY_APPLICATIONS_PATH } from './tell-seeker';
import { ApplyPage } from './views/apply-page';
import { MyApplicationsPage } from './views/my-applications-page';

const SEEKER_NOTICES = {
  applied: 'applications.notice.applied',
  withdrawn: 'applications.notice.withdrawn',
} as const satisfies Record<string, MessageKey>;

/** Applications a seeker may send, and withdrawals they may make, in an hour (decision 0115). */
export const APPLY_LIMIT_PER_HOUR = 30;

/**
 * At most APPLY_LIMIT_PER_HOUR posts an hour per signed-in seeker (per address for anyone else, who is refused
 * anyway): a person reads a job before applying, a script sprays them. Refused with a 429 that says when to try again.
 */
const perSeekerHourly = (key: MessageKey) => ({
  rateLimit: {
    max: APPLY_LIMIT_PER_HOUR,
    timeWindow: '1 hour',
    keyGenerator: (request: FastifyRequest) => (request.viewer ? `user:${request.viewer.id}` : request.ip),
    errorResponseBuilder: (_request: FastifyRequest, context: { max: number; ttl: number }) =>
      new RateLimited(key, { max: context.max, minutes: Math.max(1, Math.ceil(context.ttl / 60_000)) }),
  },
});

export async function applicationRoutes(app: FastifyInstance, opts: { applications: ApplicationService }) {
  const { applications } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only routes that ask for a limit (config.rateLimit) are limited: here, applying and withdrawing.
  await app.register(rateLimit, rateLimitOptions(app));

  async function applyPage(
    request: FastifyRequest,
    reply: FastifyReply,
    jobId: number,
    values: { resume: string; note: string },
    errors: FormErrors,
  ) {
    const viewer = requireViewer(request);
    const page = await applications.applyPage(viewer, jobId, request.locale);
    const props = { ...page, values, errors, csrfToken: csrfToken(reply) };
    return sendPage(request, reply, h(ApplyPage, props));
  }

  r.get('/jobs/:id/apply', { schema: { hide: true, params: idParams } }, async (request, reply) =>
    applyPage(request, reply, request.params.id, { resume: PROFILE_ONLY, note: '' }, {}),
  );

  r.post(
    '/jobs/:id/apply',
    {
      preHandler: app.csrfProtection,
      schema: { hide: true, params: idParams, body: formBody },
      config: perSeekerHourly('applications.error.applyLimit'),
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const values = { resume: field(request.body, 'resume') || PROFILE_ONLY, note: field(request.body, 'note') };
      try {
        await applications.apply(viewer, request.params.id, values);
        return reply.redirect(request.i18n.path(`${MY_APPLICATIONS_PATH}?notice=applied`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        reply.code(refusal.status);
        return applyPage(request, reply, request.params.id, values, refusal.errors);
      }
    },
  );

  async function myApplications(
    request: FastifyRequest,
    reply: FastifyReply,
    message: { notice: string | null; error: string | null },
  ) {
    const viewer = requireViewer(request);
    const list = await applications.myApplications(viewer, request.locale);
    return sendPage(
      request,
      reply,
      h(MyApplicationsPage, { applications: list, csrfToken: csrfToken(reply), ...message }),
    );
  }

  r.get(
    MY_APPLICATIONS_PATH,
    { schema: { hide: true, querystring: z.object({ notice: z.string().max(20).optional() }) } },
    async (request, reply) => {
      const notice = request.query.notice;
      const key = notice && notice in SEEKER_NOTICES ? SEEKER_NOTICES[notice as keyof typeof SEEKER_NOTICES] : null;
      return myApplications(request, reply, { notice: key && request.i18n.t(key), error: null });
    },
  );

  r.post(
    `${MY_APPLICATIONS_PATH}/:id/withdraw`,
    {
      preHandler: app.csrfProtection,
      schema: { hide: true, params: idParams, body: formBody },
      config: perSeekerHourly('applications.error.withdrawLimit'),
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      try {
        await applications.withdraw(viewer, request.params.id);
        return reply.redirect(request.i18n.path(`${MY_APPLICATIONS_PATH}?notice=withdrawn`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        reply.code(refusal.status);
        return myApplications(request, reply, { notice: null, error: refusal.summary });
      }
    },
  );

  await app.register(employerApplicationRoutes, { applications });
}
