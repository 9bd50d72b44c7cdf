import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../../accounts';
import { field, formBody, formRefusal, idParams } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import { officialHosts } from '../pages/channels';
import type { CityService } from '../service';
import { MAX_IMPORT_LINES } from './import';
import { OUTLET_SERVICES } from './model';
import { OUTLETS_PATH } from './paths';
import { OutletImportRefused, type OutletServiceApi } from './service';
import { AdminOutletsPage, type AdminOutletsPageProps } from './views/admin-outlets-page';
import { OutletsPage } from './views/outlets-page';

const blank = (v: unknown) => (v === '' ? undefined : v);
const outletsQuery = z.object({
  city: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z]{2,30}$/, 'cities.error.chooseCity')
      .optional(),
  ),
  service: z.preprocess(blank, z.enum(OUTLET_SERVICES, { error: 'cities.outlets.error.chooseService' }).optional()),
  // A Q&A's region (CN-BJ): the city it is, when we hold it; chosen once, then kept in the URL as `city`.
  region: z.preprocess(
    blank,
    z
      .string()
      .regex(/^CN(-[A-Z0-9]{1,4}){0,3}$/)
      .optional(),
  ),
});
const adminQuery = z.object({
  imported: z.coerce.number().int().min(0).optional(),
  deleted: z.literal('1').optional(),
});

export async function outletRoutes(app: FastifyInstance, opts: { cities: CityService; outlets: OutletServiceApi }) {
  const { cities, outlets } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(OUTLETS_PATH, { schema: { hide: true, querystring: outletsQuery } }, async (request, reply) => {
    const { city: slug, service, region } = request.query;
    if (region && !slug) {
      const city = await cities.cityOfRegion(region);
      const query = new URLSearchParams();
      if (city) query.set('city', city.slug);
      if (service) query.set('service', service);
      return reply.redirect(request.i18n.path(`${OUTLETS_PATH}${query.size > 0 ? `?${query}` : ''}`), 303);
    }
    const list = await cities.listCities();
    const city = slug ? list.find((c) => c.slug === slug) : undefined;
    if (slug && !city) reply.code(404);
    // The city's outlets read once: those offering the service are picked from them.
    const [all, periods] = city ? await Promise.all([outlets.list(city.slug), cities.periodsOf(city.slug)]) : [[], []];
    const shown = service ? all.filter((o) => o.services.includes(service)) : all;
    const hosts = officialHosts(await cities.sourcesOf(periods.flatMap((p) => p.sources)));
    const props = {
      cities: list,
      city: city ?? null,
      service: service ?? null,
      outlets: shown,
      listed: all.length,
      hosts,
    };
    return sendPage(request, reply, h(OutletsPage, props));
  });

  async function adminPage(request: FastifyRequest, reply: FastifyReply, shown: Partial<AdminOutletsPageProps>) {
    requirePermission(request, 'cities.edit');
    const [list, all] = await Promise.all([cities.listCities(), outlets.list()]);
    const props: AdminOutletsPageProps = {
      cities: list,
      outlets: all,
      csv: '',
      imported: null,
      deleted: false,
      problems: [],
      maxLines: MAX_IMPORT_LINES,
      csrfToken: csrfToken(reply),
      ...shown,
    };
    return sendPage(request, reply, h(AdminOutletsPage, props));
  }

  r.get('/admin/outlets', { schema: { hide: true, querystring: adminQuery } }, async (request, reply) =>
    adminPage(request, reply, { imported: request.query.imported ?? null, deleted: request.query.deleted === '1' }),
  );

  r.post(
    '/admin/outlets/import',
    { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'cities.edit');
      const csv = field(request.body, 'csv');
      try {
        const { imported } = await outlets.importCsv(viewer.id, csv);
        return reply.redirect(request.i18n.path(`/admin/outlets?imported=${imported}`), 303);
      } catch (error) {
        if (error instanceof OutletImportRefused) {
          const problems = error.lines.map((p) => ({ line: p.line, message: request.i18n.t(p.key, p.params) }));
          return adminPage(request, reply.code(400), { csv, problems });
        }
        const refusal = formRefusal(error, request.i18n);
        const problems = refusal.messages.map((message) => ({ line: 0, message }));
        return adminPage(request, reply.code(refusal.status), { csv, problems });
      }
    },
  );

  r.post(
    '/admin/outlets/:id/delete',
    { preHandler: app.csrfProtection, schema: { hide: true, params: idParams, body: formBody } },
    async (request, reply) => {
      requirePermission(request, 'cities.edit');
      await outlets.remove(request.params.id);
      return reply.redirect(request.i18n.path('/admin/outlets?deleted=1'), 303);
    },
  );
}
