import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../accounts';
import { field, formBody } from '../platform/web/forms';
import { sendPage } from '../platform/web/render';
import type { ResumeService } from './service';
import { BlockedPage, type BlockedPageProps } from './views/blocked-page';

const pageQuery = z.object({
  q: z.string().max(100).optional(),
  done: z.enum(['blocked', 'unblocked']).optional(),
});

const companyIdOf = (body: Record<string, string | string[]> | undefined) => {
  const id = Number(field(body, 'companyId'));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** 屏蔽公司: /account/blocked-companies, find companies by name, block and unblock them. */
export async function blockedRoutes(app: FastifyInstance, deps: { resumes: ResumeService }) {
  const { resumes } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { words?: string; notice?: BlockedPageProps['notice']; error?: string | null } = {},
  ) {
    const viewer = requirePermission(request, 'resume.manage');
    const words = shown.words?.trim() ?? '';
    const [blocked, found] = await Promise.all([
      resumes.blocked(viewer.id),
      words === '' ? Promise.resolve(null) : resumes.findCompanies(words),
    ]);
    const props: BlockedPageProps = {
      csrfToken: csrfToken(reply),
      blocked,
      search: found ? { words, found } : null,
      notice: shown.notice ?? null,
      error: shown.error ?? null,
    };
    return sendPage(request, reply, h(BlockedPage, props));
  }

  r.get('/account/blocked-companies', { schema: { hide: true, querystring: pageQuery } }, async (request, reply) =>
    page(request, reply, { words: request.query.q, notice: request.query.done ?? null }),
  );

  for (const [url, action] of [
    ['/account/blocked-companies', 'block'],
    ['/account/blocked-companies/remove', 'unblock'],
  ] as const) {
    r.post(url, { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } }, async (request, reply) => {
      const viewer = requirePermission(request, 'resume.manage');
      const companyId = companyIdOf(request.body);
      if (companyId === null) {
        return page(request, reply.code(400), { error: request.i18n.t('resume.error.companyChoose') });
      }
      // An unknown company is a 404 (the error page), as for any address naming nothing.
      if (action === 'block') await resumes.block(viewer.id, companyId);
      else await resumes.unblock(viewer.id, companyId);
      const done = action === 'block' ? 'blocked' : 'unblocked';
      return reply.redirect(request.i18n.path(`/account/blocked-companies?done=${done}`), 303);
    });
  }
}
