import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { NotFound } from '../../platform/web/errors';
import { sendPage } from '../../platform/web/render';
import type { OutletServiceApi } from '../outlets/service';
import type { CityService } from '../service';
import { CitiesPage, CityPage } from './views/city-page';

const slugParams = z.object({ slug: z.string().regex(/^[a-z]{2,30}$/, 'cities.error.chooseCity') });

export async function cityPageRoutes(app: FastifyInstance, opts: { cities: CityService; outlets: OutletServiceApi }) {
  const { cities, outlets } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/cities', { schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, h(CitiesPage, { cities: await cities.listCities() }) as VNode),
  );

  r.get('/cities/:slug', { schema: { hide: true, params: slugParams } }, async (request, reply) => {
    const city = await cities.findCity(request.params.slug);
    if (!city) throw new NotFound('cities.error.city', { city: request.params.slug });
    const periods = await cities.periodsOf(city.slug);
    const sources = await cities.sourcesOf(periods.flatMap((p) => p.sources));
    const listed = await outlets.list(city.slug);
    return sendPage(request, reply, h(CityPage, { city, periods, sources, outlets: listed }) as VNode);
  });
}
