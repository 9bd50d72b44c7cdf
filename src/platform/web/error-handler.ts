import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { ZodError } from 'zod';
import { ErrorPage } from './error-page';
import { AppError, errorText, type FieldProblem, problemText } from './errors';
import type { I18n } from './i18n';
import { isMessageKey, type MessageKey } from './messages';
import { sendPage } from './render';
import { zodProblems } from './validation';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

interface Refusal {
  status: number;
  code: string;
  message: string;
  details: { field?: string; message: string }[];
}

function send(request: FastifyRequest, reply: FastifyReply, refusal: Refusal) {
  const { status, code, message, details } = refusal;
  reply.code(status);
  if (wantsJson(request)) return reply.send({ error: message, code, details });
  return sendPage(request, reply, h(ErrorPage, { status, message, requestId: String(request.id) }));
}

const detailsOf = (i18n: I18n, problems: FieldProblem[]) =>
  problems.map((p) => ({ field: p.field, message: problemText(i18n, p) }));

/** Fastify's own refusals (body too large, wrong content type, rate limit) in the reader's words. */
const FRAMEWORK_REFUSALS: Record<number, MessageKey> = {
  413: 'error.request.tooLarge',
  415: 'error.request.unsupportedType',
  429: 'error.request.tooMany',
};

/**
 * One place turns every error into a response, in the request's language (the page's; for the JSON API, its
 * `lang` or Accept-Language): typed AppErrors keep their code and have their message written for the reader;
 * request validation and a zod error escaping a service are 400s with field details; anything unexpected becomes
 * a generic 500 with the request id, and database messages never reach the user.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { i18n } = request;
    if (error instanceof AppError) {
      // A page that needs a signed-in viewer sends an anonymous visitor to sign in, and back here after.
      if (error.code === 'UNAUTHENTICATED' && request.method === 'GET' && !wantsJson(request)) {
        return reply.redirect(`${i18n.path('/account/sign-in')}?next=${encodeURIComponent(request.originalUrl)}`, 303);
      }
      const refusal = { status: error.statusCode, code: error.code, message: errorText(i18n, error) };
      return send(request, reply, { ...refusal, details: detailsOf(i18n, error.details) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => {
        const text = issue.message ?? 'invalid';
        return {
          field: `${error.validationContext ?? 'request'}${issue.instancePath.replace(/\//g, '.')}`,
          message: isMessageKey(text) ? i18n.t(text) : text,
        };
      });
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      const message = i18n.t('error.request.invalid', { summary });
      return send(request, reply, { status: 400, code: 'VALIDATION', message, details });
    }
    if (error instanceof ZodError) {
      const details = detailsOf(i18n, zodProblems(error));
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      const message = i18n.t('error.request.invalid', { summary });
      return send(request, reply, { status: 400, code: 'VALIDATION', message, details });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 429 ? 'RATE_LIMITED' : (error.code ?? 'BAD_REQUEST');
      const key = FRAMEWORK_REFUSALS[status];
      const message = key ? i18n.t(key) : i18n.t('error.request.refused', { status });
      // The framework's own words stay in the details, for whoever reads the JSON.
      return send(request, reply, { status, code, message, details: [{ message: error.message }] });
    }
    request.log.error({ err: error }, 'unhandled error');
    const message = i18n.t('error.internal', { requestId: String(request.id) });
    return send(request, reply, { status: 500, code: 'INTERNAL', message, details: [] });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.originalUrl.split('?')[0] ?? '';
    const message = request.i18n.t('error.request.notFound', { method: request.method, path });
    return send(request, reply, { status: 404, code: 'NOT_FOUND', message, details: [] });
  });
}
