import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { z } from 'zod';
import { csrfToken, requirePermission } from '../accounts';
import { formBody, formRefusal } from '../platform/web/forms';
import { rateLimitOptions } from '../platform/web/rate-limit';
import { sendPage } from '../platform/web/render';
import { blockedRoutes } from './blocked-routes';
import { MAX_FILE_BYTES } from './pdf-check';
import { checkProfile, formValuesFrom, formValuesOf, MAX_ENTRIES, type ResumeFormValues } from './profile-input';
import { MAX_FILES_PER_SEEKER, type ResumeService } from './service';
import { type ResumeNotice, ResumePage } from './views/resume-page';

const pageQuery = z.object({ done: z.enum(['saved', 'uploaded', 'fileDeleted']).optional() });
const fileParams = z.object({ id: z.string().max(64) });

/** What the upload form sends, as the multipart reader leaves it in request.body. */
interface UploadBody {
  _csrf?: string;
  file?: { name: string; bytes: Buffer; tooLarge: boolean };
}

/**
 * Reads the upload form before the CSRF check (which needs its `_csrf` field): the fields, and the one file into
 * memory, at most 5 MB of it (past that it is marked too large and the rest is discarded). Only for a viewer who may
 * keep a résumé: nobody else makes the server read 5 MB.
 */
async function readUpload(request: FastifyRequest) {
  requirePermission(request, 'resume.manage');
  const body: UploadBody & Record<string, unknown> = {};
  if (!request.isMultipart()) {
    request.body = body;
    return;
  }
  const parts = request.parts({
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  for await (const part of parts) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') body[part.fieldname] = part.value;
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    if (part.fieldname === 'file') {
      body.file = { name: part.filename, bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
    }
  }
  request.body = body;
}

/**
 * The seeker's résumé pages: the structured profile (/account/resume), their PDF files, and (blocked-routes.ts) the
 * companies they block. Every route is for the viewer's own résumé only (resume.manage): nothing here names a user.
 */
export async function resumeRoutes(app: FastifyInstance, deps: { resumes: ResumeService }) {
  const { resumes } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only routes that ask for a limit (config.rateLimit) are limited: here, uploads.
  await app.register(rateLimit, rateLimitOptions(app));
  // Multipart bodies are read only by the upload route (readUpload); registered in this scope alone.
  // A file past the limit is cut short and marked (truncated), not thrown: the page says why it was refused.
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES }, throwFileSizeLimit: false });

  const rowsFor = (values: ResumeFormValues, extra: { education: number; work: number }) => {
    const education = Math.min(MAX_ENTRIES, Math.max(1, values.education.length + extra.education));
    const work = Math.min(MAX_ENTRIES, Math.max(1, values.work.length + extra.work));
    return { education, work };
  };

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: {
      values?: ResumeFormValues;
      errors?: Record<string, string>;
      extraRows?: { education: number; work: number };
      uploadError?: string | null;
      notice?: ResumeNotice;
    } = {},
  ) {
    const viewer = requirePermission(request, 'resume.manage');
    const [stored, files, cities] = await Promise.all([
      shown.values ? Promise.resolve(null) : resumes.profile(viewer.id),
      resumes.files(viewer.id),
      resumes.cityChoices(),
    ]);
    const values = shown.values ?? formValuesOf(stored, { name: viewer.displayName, email: viewer.email });
    // A stored résumé shows one blank row of each kind to add to; a refused form shows the rows it was sent with.
    const rows = rowsFor(
      values,
      shown.extraRows ?? (shown.values ? { education: 0, work: 0 } : { education: 1, work: 1 }),
    );
    const form = {
      csrfToken: csrfToken(reply),
      values,
      errors: shown.errors ?? {},
      cities,
      rows,
      canAdd: { education: rows.education < MAX_ENTRIES, work: rows.work < MAX_ENTRIES },
    };
    const props = {
      form,
      files,
      maxFiles: MAX_FILES_PER_SEEKER,
      uploadError: shown.uploadError ?? null,
      notice: shown.notice ?? null,
    };
    return sendPage(request, reply, h(ResumePage, props));
  }

  r.get('/account/resume', { schema: { hide: true, querystring: pageQuery } }, async (request, reply) =>
    page(request, reply, { notice: request.query.done ?? null }),
  );

  r.post(
    '/account/resume',
    { preHandler: app.csrfProtection, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'resume.manage');
      const values = formValuesFrom(request.body);
      const action = request.body.action;
      // "Add another": the form again with one more blank row, nothing saved and nothing judged yet.
      if (action === 'addEducation' || action === 'addWork') {
        const extraRows = { education: action === 'addEducation' ? 1 : 0, work: action === 'addWork' ? 1 : 0 };
        return page(request, reply, { values, extraRows });
      }
      try {
        await resumes.saveProfile(viewer.id, checkProfile(values));
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return page(request, reply.code(refusal.status), { values, errors: refusal.errors });
      }
      return reply.redirect(request.i18n.path('/account/resume?done=saved'), 303);
    },
  );

  r.post(
    '/account/resume/files',
    {
      preValidation: readUpload,
      preHandler: app.csrfProtection,
      schema: { hide: true },
      // Each upload is read, checked and parsed: a few an hour is all a seeker needs.
      config: {
        rateLimit: {
          max: 20,
          timeWindow: '1 hour',
          keyGenerator: (request) => (request.viewer ? `user:${request.viewer.id}` : request.ip),
        },
      },
    },
    async (request, reply) => {
      const viewer = requirePermission(request, 'resume.manage');
      const { file } = (request.body ?? {}) as UploadBody;
      const refuse = (status: number, message: string) => page(request, reply.code(status), { uploadError: message });
      if (!file || (file.name === '' && file.bytes.length === 0)) {
        return refuse(400, request.i18n.t('resume.error.file.missing'));
      }
      if (file.tooLarge) return refuse(413, request.i18n.t('resume.error.file.tooLarge', { max: 5 }));
      try {
        await resumes.upload(viewer.id, file);
      } catch (error) {
        const refusal = formRefusal(error, request.i18n);
        return refuse(refusal.status, refusal.errors.file ?? refusal.summary);
      }
      return reply.redirect(request.i18n.path('/account/resume?done=uploaded#files'), 303);
    },
  );

  // The seeker's own file, to check what employers will see. Another user's file id is simply not found.
  r.get('/account/resume/files/:id', { schema: { hide: true, params: fileParams } }, async (request, reply) => {
    const viewer = requirePermission(request, 'resume.manage');
    const file = await resumes.openFile(request.params.id, viewer.id);
    if (!file) return reply.callNotFound();
    return sendPdf(reply, file);
  });

  r.post(
    '/account/resume/files/:id/delete',
    { preHandler: app.csrfProtection, schema: { hide: true, params: fileParams, body: formBody } },
    async (request, reply) => {
      const viewer = requirePermission(request, 'resume.manage');
      await resumes.deleteFile(viewer.id, request.params.id);
      return reply.redirect(request.i18n.path('/account/resume?done=fileDeleted#files'), 303);
    },
  );

  await blockedRoutes(app, deps);
}

/**
 * A résumé PDF as a download, never shown inline in our origin: attachment, the type fixed (not sniffed), not kept
 * by caches. The name is given in both forms (ASCII fallback and UTF-8), so Chinese names survive.
 */
export function sendPdf(reply: FastifyReply, file: { bytes: Buffer; name: string }) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
