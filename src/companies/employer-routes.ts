import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission, requireViewer } from '../accounts';
import { type FormBody, type FormErrors, field, formBody, formRefusal } from '../platform/web/forms';
import { sendPage } from '../platform/web/render';
import { slugParams, tokenParams } from './schemas';
import type { CompanyService } from './service';
import { EMPTY_PROFILE, type ProfileValues } from './views/company-fields';
import { EditCompanyPage, type EditCompanyPageProps, type EditNotice } from './views/edit-company-page';
import { InvitePage } from './views/invite-page';
import { NewCompanyPage } from './views/new-company-page';

const profileFrom = (body: FormBody | undefined): ProfileValues => ({
  nameZh: field(body, 'nameZh'),
  nameEn: field(body, 'nameEn'),
  industry: field(body, 'industry'),
  size: field(body, 'size'),
  city: field(body, 'city'),
  website: field(body, 'website'),
  descriptionEn: field(body, 'descriptionEn'),
  descriptionZh: field(body, 'descriptionZh'),
});

const editQuery = z.object({ done: z.enum(['invited', 'joined']).optional() });

/**
 * The employer's company pages: create a company, edit its profile, invite a colleague, accept an invitation.
 * Each route asks who may (requirePermission); which company they act for is the service's check (membership).
 */
export async function employerRoutes(app: FastifyInstance, opts: { companies: CompanyService }) {
  const { companies } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/employer/companies/new', { schema: { hide: true } }, async (request, reply) => {
    requirePermission(request, 'company.manage');
    const values = { ...EMPTY_PROFILE, creditCode: '' };
    const cities = await companies.cityChoices();
    return sendPage(request, reply, h(NewCompanyPage, { csrfToken: csrfToken(reply), values, errors: {}, cities }));
  });

  r.post(
    '/employer/companies/new',
    { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'company.manage');
      const values = { ...profileFrom(request.body), creditCode: field(request.body, 'creditCode') };
      try {
        const created = await companies.create(viewer, values);
        return reply.redirect(request.i18n.path(created.path), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        const cities = await companies.cityChoices();
        const props = { csrfToken: csrfToken(reply), values, errors: refusal.errors, cities };
        return sendPage(request, reply.code(refusal.status), h(NewCompanyPage, props));
      }
    },
  );

  /** The edit page, with what the last post left (values and messages of the profile or the invitation form). */
  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    shown: Partial<Pick<EditCompanyPageProps, 'values' | 'errors' | 'invite' | 'notice'>> = {},
  ) {
    const viewer = requirePermission(request, 'company.manage');
    const [editable, cities] = await Promise.all([companies.editable(viewer, slug), companies.cityChoices()]);
    const props: EditCompanyPageProps = {
      ...editable,
      csrfToken: csrfToken(reply),
      values: shown.values ?? editable.values,
      errors: shown.errors ?? {},
      cities,
      invite: shown.invite ?? { email: '', locale: request.locale, errors: {} },
      notice: shown.notice ?? null,
    };
    return sendPage(request, reply, h(EditCompanyPage, props));
  }

  r.get(
    '/employer/companies/:slug/edit',
    { schema: { hide: true, params: slugParams, querystring: editQuery } },
    async (request, reply) =>
      editPage(request, reply, request.params.slug, { notice: (request.query.done ?? null) as EditNotice }),
  );

  r.post(
    '/employer/companies/:slug/edit',
    { preHandler: app.csrfProtection, schema: { hide: true, params: slugParams, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'company.manage');
      const values = profileFrom(request.body);
      try {
        const saved = await companies.update(viewer, request.params.slug, values);
        return reply.redirect(request.i18n.path(saved.path), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return editPage(request, reply.code(refusal.status), request.params.slug, { values, errors: refusal.errors });
      }
    },
  );

  r.post(
    '/employer/companies/:slug/invites',
    {
      preHandler: app.csrfProtection,
      // Each invitation sends a mail: a limit keeps the form from being a way to mail strangers in bulk.
      config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: { hide: true, params: slugParams, body: formBody },
    },
    async (request, reply) => {
      const viewer = requirePermission(request, 'company.manage');
      const invite = { email: field(request.body, 'email'), locale: field(request.body, 'locale') || request.locale };
      try {
        await companies.invite(viewer, request.params.slug, invite);
        return reply.redirect(request.i18n.path(`/employer/companies/${request.params.slug}/edit?done=invited`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return editPage(request, reply.code(refusal.status), request.params.slug, {
          invite: { ...invite, errors: refusal.errors as FormErrors },
        });
      }
    },
  );

  r.get('/employer/invites/:token', { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    // Anonymous readers are sent to sign in and come back here (the error handler's redirect).
    const viewer = requireViewer(request);
    const invitation = await companies.invitation(viewer, request.params.token);
    const props = { ...invitation, csrfToken: csrfToken(reply), action: request.url };
    return sendPage(request, reply, h(InvitePage, props));
  });

  r.post(
    '/employer/invites/:token',
    { preHandler: app.csrfProtection, schema: { hide: true, params: tokenParams } },
    async (request, reply) => {
      // Refusals (not an employer, another address, spent or expired) are shown by the error handler, with their reason.
      const accepted = await companies.acceptInvitation(requireViewer(request), request.params.token);
      return reply.redirect(request.i18n.path(`${accepted.path}?done=joined`), 303);
    },
  );
}
