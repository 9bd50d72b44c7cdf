import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission, type Viewer } from '../../accounts';
import { type FormBody, type FormErrors, field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import type { MessageKey } from '../../platform/web/messages';
import { sendPage } from '../../platform/web/render';
import type { JobInput } from '../schemas';
import type { PostingService } from './service';
import { DashboardPage } from './views/dashboard-page';
import { EMPTY_JOB_FORM, JobFormPage, type JobFormValues, jobFormValues } from './views/job-form-page';

/** What the dashboard says after an action, by the `notice` its redirect names. */
const NOTICES = {
  created: 'employer.notice.created',
  saved: 'employer.notice.saved',
  review: 'employer.notice.review',
  submitted: 'employer.notice.submitted',
  paused: 'employer.notice.paused',
  resumed: 'employer.notice.resumed',
  closed: 'employer.notice.closed',
  renewed: 'employer.notice.renewed',
} as const satisfies Record<string, MessageKey>;
type Notice = keyof typeof NOTICES;

const TEXT_FIELDS = Object.keys(EMPTY_JOB_FORM).filter((name) => name !== 'benefits') as Exclude<
  keyof JobInput,
  'benefits'
>[];

/** The posted form as typed: one string per field, the ticked benefits as a list. */
function readJobForm(body: FormBody): JobFormValues {
  const values = { ...EMPTY_JOB_FORM };
  for (const name of TEXT_FIELDS) values[name] = field(body, name);
  const ticked = body.benefits;
  values.benefits = ticked === undefined ? [] : Array.isArray(ticked) ? ticked : [ticked];
  return values;
}

const companyQuery = z.object({ company: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The employer's pages: the dashboard, the job form, and the actions on a job (each a small form). */
export async function employerRoutes(app: FastifyInstance, opts: { posting: PostingService }) {
  const { posting } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const employer = (request: FastifyRequest) => requirePermission(request, 'company.manage');

  async function dashboard(
    request: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    message: { notice?: string; error?: string },
  ) {
    const companies = await posting.dashboard(viewer);
    const props = {
      companies,
      csrfToken: csrfToken(reply),
      notice: message.notice ?? null,
      error: message.error ?? null,
    };
    return sendPage(request, reply, h(DashboardPage, props));
  }

  r.get(
    '/employer',
    { schema: { hide: true, querystring: z.object({ notice: z.string().max(20).optional() }) } },
    async (request, reply) => {
      const viewer = employer(request);
      const notice = request.query.notice;
      const key = notice && notice in NOTICES ? NOTICES[notice as Notice] : undefined;
      return dashboard(request, reply, viewer, { notice: key && request.i18n.t(key) });
    },
  );

  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    page: { action: string; companyName: string; live: boolean; pendingEdit: boolean },
    values: JobFormValues,
    errors: FormErrors,
  ) {
    const choices = await posting.formChoices();
    const props = { ...page, ...choices, values, errors, csrfToken: csrfToken(reply) };
    return sendPage(request, reply, h(JobFormPage, props));
  }

  const nameOf = (request: FastifyRequest, company: { nameEn: string; nameZh: string }) =>
    request.locale === 'zh' ? company.nameZh : company.nameEn;

  // ---- a new job ----------------------------------------------------------------------------------
  r.get('/employer/jobs/new', { schema: { hide: true, querystring: companyQuery } }, async (request, reply) => {
    const company = await posting.companyFor(employer(request), request.query.company);
    const page = { action: `/employer/jobs/new?company=${company.id}`, companyName: nameOf(request, company) };
    return form(request, reply, { ...page, live: false, pendingEdit: false }, EMPTY_JOB_FORM, {});
  });

  r.post(
    '/employer/jobs/new',
    { preHandler: app.csrfProtection, schema: { hide: true, querystring: companyQuery, body: formBody } },
    async (request, reply) => {
      const viewer = employer(request);
      const company = await posting.companyFor(viewer, request.query.company);
      const values = readJobForm(request.body);
      try {
        await posting.createDraft(viewer, company.id, values);
        return reply.redirect(request.i18n.path('/employer?notice=created'), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const page = { action: `/employer/jobs/new?company=${company.id}`, companyName: nameOf(request, company) };
        return form(
          request,
          reply.code(refusal.status),
          { ...page, live: false, pendingEdit: false },
          values,
          refusal.errors,
        );
      }
    },
  );

  // ---- editing ------------------------------------------------------------------------------------
  async function editPage(request: FastifyRequest, viewer: Viewer, jobId: number) {
    const item = await posting.jobForEdit(viewer, jobId);
    const company = await posting.companyFor(viewer, item.job.company_id);
    return {
      item,
      page: {
        action: `/employer/jobs/${jobId}/edit`,
        companyName: nameOf(request, company),
        live: item.job.status === 'published' || item.job.status === 'paused',
        pendingEdit: item.pendingEdit,
      },
    };
  }

  r.get('/employer/jobs/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const { item, page } = await editPage(request, employer(request), request.params.id);
    return form(request, reply, page, jobFormValues(item.values), {});
  });

  r.post(
    '/employer/jobs/:id/edit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      const viewer = employer(request);
      const values = readJobForm(request.body);
      try {
        const { review } = await posting.saveEdit(viewer, request.params.id, values);
        return reply.redirect(request.i18n.path(`/employer?notice=${review ? 'review' : 'saved'}`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const { page } = await editPage(request, viewer, request.params.id);
        return form(request, reply.code(refusal.status), page, values, refusal.errors);
      }
    },
  );

  // ---- actions ------------------------------------------------------------------------------------
  const actions = {
    submit: (viewer: Viewer, id: number) => posting.submit(viewer, id),
    pause: (viewer: Viewer, id: number) => posting.pause(viewer, id),
    resume: (viewer: Viewer, id: number) => posting.resume(viewer, id),
    close: (viewer: Viewer, id: number) => posting.close(viewer, id),
    renew: (viewer: Viewer, id: number, body: FormBody) => posting.renew(viewer, id, Number(field(body, 'days'))),
  };
  const done: Record<keyof typeof actions, Notice> = {
    submit: 'submitted',
    pause: 'paused',
    resume: 'resumed',
    close: 'closed',
    renew: 'renewed',
  };
  for (const [name, act] of Object.entries(actions) as [keyof typeof actions, (typeof actions)['renew']][]) {
    r.post(
      `/employer/jobs/:id/${name}`,
      { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
      async (request, reply) => {
        const viewer = employer(request);
        try {
          await act(viewer, request.params.id, request.body);
          return reply.redirect(request.i18n.path(`/employer?notice=${done[name]}`), 303);
        } catch (error) {
          const refusal = formRefusal(error, request.i18n);
          return dashboard(request, reply.code(refusal.status), viewer, { error: refusal.summary });
        }
      },
    );
  }
}
