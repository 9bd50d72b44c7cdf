import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../../accounts';
import { NotFound } from '../../platform/web/errors';
import { type FormErrors, formBody, formRefusal } from '../../platform/web/forms';
import { sendPage } from '../../platform/web/render';
import type { CityService, Period } from '../service';
import { fieldName, type PeriodFormValues, parsePeriodForm, periodFormValues, RATE_FIELDS } from './period-form';
import { AdminCitiesPage } from './views/admin-cities-page';
import { PeriodFormPage } from './views/period-form-page';

const slugParams = z.object({ slug: z.string().regex(/^[a-z]{2,30}$/, 'cities.error.chooseCity') });
const addedQuery = z.object({ added: z.string().max(60).optional() });

/** The form filled in with the latest period's figures (the editor changes what the new notice changes). */
function valuesFrom(latest: Period | undefined): PeriodFormValues {
  const values: PeriodFormValues = { confidence: 'high' };
  for (const rate of latest?.rates ?? []) {
    const figures = {
      floor: rate.baseFloor,
      ceiling: rate.baseCeiling,
      employee: rate.employeeRate,
      employer: rate.employerRate,
      min: rate.rateMin,
      max: rate.rateMax,
      fixed: rate.employeeFixed,
    };
    for (const f of RATE_FIELDS[rate.insurance]) {
      const value = figures[f];
      if (value !== null) values[fieldName(rate.insurance, f)] = String(value);
    }
    values[fieldName(rate.insurance, 'rounding')] = rate.rounding;
    if (rate.insurance === 'maternity' && rate.mergedIntoMedical) values[fieldName('maternity', 'merged')] = 'true';
  }
  return values;
}

/** Editors and admins (`cities.edit`): the cities and their periods, and adding a period (a new notice). */
export async function cityAdminRoutes(app: FastifyInstance, opts: { cities: CityService }) {
  const { cities } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/admin/cities', { schema: { hide: true, querystring: addedQuery } }, async (request, reply) => {
    requirePermission(request, 'cities.edit');
    const list = await cities.listCities();
    const periods = await Promise.all(list.map((c) => cities.periodsOf(c.slug)));
    const rows = list.map((city, i) => ({ city, periods: periods[i] ?? [] }));
    return sendPage(request, reply, h(AdminCitiesPage, { rows, added: request.query.added ?? null }));
  });

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    shown: { values?: PeriodFormValues; errors?: FormErrors },
  ) {
    const city = await cities.findCity(slug);
    if (!city) throw new NotFound('cities.error.city', { city: slug });
    const periods = await cities.periodsOf(city.slug);
    const latest = periods.find((p) => p.from !== null) ?? periods[0];
    const props = {
      city,
      latest: latest ? { yearLabel: latest.yearLabel, from: latest.from, to: latest.to } : null,
      values: shown.values ?? valuesFrom(latest),
      errors: shown.errors ?? {},
      csrfToken: csrfToken(reply),
    };
    return sendPage(request, reply, h(PeriodFormPage, props));
  }

  r.get('/admin/cities/:slug/periods/new', { schema: { hide: true, params: slugParams } }, async (request, reply) => {
    requirePermission(request, 'cities.edit');
    return formPage(request, reply, request.params.slug, {});
  });

  r.post(
    '/admin/cities/:slug/periods',
    { preHandler: app.csrfProtection, schema: { hide: true, params: slugParams, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'cities.edit');
      const values = periodFormValues(request.body);
      try {
        const { key } = await cities.addPeriod(viewer.id, request.params.slug, parsePeriodForm(values));
        return reply.redirect(request.i18n.path(`/admin/cities?added=${encodeURIComponent(key)}`), 303);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return formPage(request, reply.code(refusal.status), request.params.slug, { values, errors: refusal.errors });
      }
    },
  );
}
