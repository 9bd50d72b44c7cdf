import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { errorResponse } from '../../platform/web/api-schemas';
import { AppError } from '../../platform/web/errors';
import { formRefusal } from '../../platform/web/forms';
import { rateLimitOptions } from '../../platform/web/rate-limit';
import { sendPage } from '../../platform/web/render';
import { validInput } from '../../platform/web/validation';
import type { CityService } from '../service';
import { salaryResponse } from './api-schema';
import { presentOutcome, rangeOf } from './present';
import { salaryFormSchema, salaryQuerySchema, toSalaryQuery } from './schemas';
import { SalaryPage, type SalaryPageProps } from './views/salary-page';

/** A GET form sends every field; repeated ones (a crafted URL) keep their first value. */
const pageQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});

export async function salaryRoutes(app: FastifyInstance, opts: { cities: CityService }) {
  const { cities } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // config.rateLimit does nothing unless the plugin is registered in this scope (each module's routes are their own):
  // only routes that ask for a limit are limited, so pages pay nothing.
  await app.register(rateLimit, rateLimitOptions(app));

  r.get('/tools/salary', { schema: { hide: true, querystring: pageQuery } }, async (request, reply) => {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.query)) {
      values[name] = (Array.isArray(value) ? value[0] : value) ?? '';
    }
    const citySlug = values.city || 'beijing';
    const [list, periods] = await Promise.all([cities.listCities(), cities.periodsOf(citySlug)]);
    const props: SalaryPageProps = {
      values,
      cities: list,
      periods,
      fundRange: null,
      supplementaryRange: null,
      outcome: null,
      errors: {},
    };
    // No gross yet: the empty form (also the landing page of a link with only the city filled in).
    if (values.gross) {
      try {
        const query = validInput(salaryFormSchema, { ...values, city: citySlug });
        props.outcome = presentOutcome(await cities.calculate(toSalaryQuery(query), { city: citySlug, periods }));
      } catch (error) {
        // No data for the city or month is said on the form, with the status the API gives (404).
        if (error instanceof AppError && error.code === 'NOT_FOUND') {
          props.errors = { form: request.i18n.text(error) };
          reply.code(404);
        } else {
          const refusal = formRefusal(error, request.i18n);
          props.errors = refusal.errors;
          reply.code(refusal.status);
        }
      }
    }
    // The fund rates offered are those of the period shown (else the latest dated one).
    const shown = periods.find((p) => p.key === props.outcome?.period.key) ?? periods.find((p) => p.from) ?? periods[0];
    props.fundRange = rangeOf(shown?.rates ?? [], 'housing_fund');
    props.supplementaryRange = rangeOf(shown?.rates ?? [], 'housing_fund_supplementary');
    return sendPage(request, reply, h(SalaryPage, props) as VNode);
  });

  r.get(
    '/api/v1/tools/salary',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['tools'],
        summary: 'Take-home pay in a city: social insurance, housing fund and monthly income tax',
        description:
          'Contributions per insurance on the chosen base, clamped to the city’s floor and ceiling (per insurance ' +
          'where the city sets several), the housing fund at a rate within the city’s range, the income tax of each ' +
          'month from startMonth to December by cumulative withholding, the year’s totals and the employer’s cost. ' +
          'The period is the one in force in `period` (YYYY-MM), else today’s, else the latest the data has ' +
          '(`period.chosen`). Every figure names its rule, the statute articles and the data’s sources and ' +
          'confidence; a figure the data lacks is null and listed in `missing`, never 0. Amounts in yuan.',
        querystring: salaryQuerySchema,
        response: { 200: salaryResponse, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { lang: _lang, ...query } = request.query;
      return presentOutcome(await cities.calculate(toSalaryQuery(query)));
    },
  );
}
