import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { ErrorPage } from './error-page';
import { AppError, errorText, type FieldProblem, problemText } from './errors';
import { isMessageKey, t } from './messages';
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
  return sendPage(request, reply, ErrorPage({ status, message, requestId: String(request.id) }));
}

const detailsOf = (problems: FieldProblem[]) => problems.map((p) => ({ field: p.field, message: problemText(p) }));

/**
 * One place turns every error into a response: typed AppErrors keep their code and have their message rendered
 * for the reader; request validation and a zod error escaping a service are 400s with field details; anything
 * unexpected becomes a generic 500 with the request id, and database messages never reach the user.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A page that needs a signed-in viewer sends an anonymous visitor to sign in, and back here after.
      if (error.code === 'UNAUTHENTICATED' && request.method === 'GET' && !wantsJson(request)) {
        return reply.redirect(`/account/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      }
      const refusal = { status: error.statusCode, code: error.code, message: errorText(error) };
      return send(request, reply, { ...refusal, details: detailsOf(error.details) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => {
        const text = issue.message ?? 'invalid';
        return {
          field: `${error.validationContext ?? 'request'}${issue.instancePath.replace(/\//g, '.')}`,
          message: isMessageKey(text) ? t(text) : text,
        };
      });
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      const message = t('error.request.invalid', { summary });
      return send(request, reply, { status: 400, code: 'VALIDATION', message, details });
    }
    if (error instanceof ZodError) {
      const details = detailsOf(zodProblems(error));
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      const message = t('error.request.invalid', { summary });
      return send(request, reply, { status: 400, code: 'VALIDATION', message, details });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 429 ? 'RATE_LIMITED' : (error.code ?? 'BAD_REQUEST');
      return send(request, reply, { status, code, message: error.message, details: [] });
    }
    request.log.error({ err: error }, 'unhandled error');
    const message = t('error.internal', { requestId: String(request.id) });
    return send(request, reply, { status: 500, code: 'INTERNAL', message, details: [] });
  });

  app.setNotFoundHandler((request, reply) => {
    const message = t('error.request.notFound', { method: request.method, path: request.url.split('?')[0] ?? '' });
    return send(request, reply, { status: 404, code: 'NOT_FOUND', message, details: [] });
  });
}
