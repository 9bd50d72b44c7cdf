import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { formRefusal } from '../platform/web/forms';
import { sendPage } from '../platform/web/render';
import { csrfToken, requirePermission } from './auth';
import { adminUsersQuerySchema, bodyText, roleChangeInputSchema, userIdParamsSchema } from './schemas';
import type { AccountService } from './service';
import { AdminUsersPage } from './views/admin-users-page';

/** Admins: the list of users and changing their roles (registered inside accountRoutes, under its hooks). */
export async function adminRoutes(app: FastifyInstance, opts: { accounts: AccountService }) {
  const { accounts } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function showUsers(
    request: FastifyRequest,
    reply: FastifyReply,
    page: number,
    notice: string | null,
    error: string | null,
  ) {
    const viewer = requirePermission(request, 'users.manage');
    const list = await accounts.listUsers(page);
    return sendPage(
      request,
      reply,
      h(AdminUsersPage, { ...list, csrfToken: csrfToken(reply), viewerId: viewer.id, notice, error }),
    );
  }

  r.get('/admin/users', { schema: { hide: true, querystring: adminUsersQuerySchema } }, async (request, reply) => {
    const notice = request.query.updated === '1' ? request.i18n.t('admin.users.updated') : null;
    return showUsers(request, reply, request.query.page, notice, null);
  });

  r.post(
    '/admin/users/:id/role',
    { schema: { hide: true, params: userIdParamsSchema }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const viewer = requirePermission(request, 'users.manage');
      const page = adminUsersQuerySchema.parse({ page: bodyText(request.body, 'page') }).page;
      try {
        const { role } = roleChangeInputSchema.parse(request.body ?? {});
        await accounts.changeRole(viewer, request.params.id, role);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return showUsers(request, reply.code(refusal.status), page, null, refusal.messages[0] ?? null);
      }
      const query = new URLSearchParams({ page: String(page), updated: '1' });
      return reply.redirect(request.i18n.path(`/admin/users?${query}`), 303);
    },
  );
}
