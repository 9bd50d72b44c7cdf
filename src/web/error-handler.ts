import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from './errors';
import { sendPage } from './render';
import { ErrorPage } from './views';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: ErrorDetail[],
) {
  reply.code(status);
  if (wantsJson(request)) return reply.send({ error: message, code, details });
  return sendPage(request, reply, ErrorPage({ status, message, requestId: String(request.id) }));
}

/**
 * One place turns every error into a response: typed AppErrors and validation errors keep their
 * message; anything unexpected becomes a generic 500 with the request id, and database messages
 * never reach the user.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A page that needs a signed-in viewer sends an anonymous visitor to sign in, and back here after.
      if (error.code === 'UNAUTHENTICATED' && request.method === 'GET' && !wantsJson(request)) {
        return reply.redirect(`/account/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      }
      return send(request, reply, error.statusCode, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: `${error.validationContext ?? 'request'}${issue.instancePath.replace(/\//g, '.')}`,
        message: issue.message ?? 'invalid',
      }));
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return send(request, reply, 400, 'VALIDATION', `Invalid request — ${summary}`, details);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 429 ? 'RATE_LIMITED' : (error.code ?? 'BAD_REQUEST');
      return send(request, reply, status, code, error.message, []);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 500, 'INTERNAL', `Internal error (request ${request.id})`, []);
  });

  app.setNotFoundHandler((request, reply) =>
    send(request, reply, 404, 'NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0]}`, []),
  );
}
