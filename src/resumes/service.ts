/**
 * Résumés: the seeker's structured profile, their PDF files and the companies they blocked (CONTEXT.md). The
 * contract other modules rely on (choices, snapshotForApplication, openFile, hasBlocked, blockersOf) is at the top; the
 * seeker's own pages use the rest.
 */
import { randomBytes } from 'node:crypto';
import { Conflict, Invalid, NotFound } from '../platform/web/errors';
import type { MessageKey } from '../platform/web/messages';
import { isCityLevel } from '../regions';
import type { ResumesContext } from './deps';
import {
  profileColumns,
  profileText,
  type ResumeFileSummary,
  type ResumeProfile,
  type ResumeSnapshot,
  toFileSummary,
  toProfile,
} from './model';
import { checkPdf, type PdfProblem } from './pdf-check';
import * as repo from './repository';

/** How many PDFs a seeker may keep (one per kind of job they look for is plenty). */
export const MAX_FILES_PER_SEEKER = 5;

export interface ResumesService {
  /** What the seeker can apply with: whether their profile is filled in, and their PDF files. */
  choices(userId: number): Promise<{ hasProfile: boolean; files: ResumeFileSummary[] }>;
  /** null when the user has no profile, or fileId is not one of their files. */
  snapshotForApplication(userId: number, fileId: string | null): Promise<ResumeSnapshot | null>;
  /** The file's bytes, only if it belongs to ownerUserId (callers check who may see it first). null otherwise / gone. */
  openFile(fileId: string, ownerUserId: number): Promise<{ bytes: Buffer; name: string } | null>;
  /** Whether the seeker has blocked (屏蔽) this company: it may then not open their résumé or files. */
  hasBlocked(seekerId: number, companyId: number): Promise<boolean>;
  /**
   * Which of these seekers blocked the company (one query). Without seekerIds, every seeker who blocked it: a search
   * over résumé texts needs them before it reads (a company is blocked by few).
   */
  blockersOf(companyId: number, seekerIds?: readonly number[]): Promise<Set<number>>;
}

/** What the seeker reads for each reason a file is refused. */
const FILE_PROBLEMS = {
  empty: 'resume.error.file.empty',
  tooLarge: 'resume.error.file.tooLarge',
  notPdf: 'resume.error.file.notPdf',
  active: 'resume.error.file.active',
  unreadable: 'resume.error.file.unreadable',
} as const satisfies Record<PdfProblem, MessageKey>;

/** File ids are random base64url (they are in URLs); anything else is no file. */
const FILE_ID = /^[A-Za-z0-9_-]{22}$/;

export function createResumeService(ctx: ResumesContext) {
  const { db, files } = ctx;
  const iso = () => ctx.now().toISOString();

  const contract: ResumesService = {
    async choices(userId) {
      const [resume, stored] = await Promise.all([repo.findResume(db, userId), repo.filesOf(db, userId)]);
      return { hasProfile: resume !== undefined, files: stored.map(toFileSummary) };
    },
    async snapshotForApplication(userId, fileId) {
      const resume = await repo.findResume(db, userId);
      if (!resume) return null;
      const profile = toProfile(resume);
      if (fileId === null) return { profile, file: null, text: profileText(profile) };
      if (!FILE_ID.test(fileId)) return null;
      const file = await repo.findFileOf(db, fileId, userId);
      if (!file) return null;
      return { profile, file: toFileSummary(file), text: [profileText(profile), file.text].join('\n') };
    },
    async openFile(fileId, ownerUserId) {
      if (!FILE_ID.test(fileId)) return null;
      const file = await repo.findFileOf(db, fileId, ownerUserId);
      if (!file) return null;
      const bytes = await files.read(file.stored_name);
      return bytes ? { bytes, name: file.name } : null;
    },
    async hasBlocked(seekerId, companyId) {
      return repo.isBlocked(db, seekerId, companyId);
    },
    async blockersOf(companyId, seekerIds) {
      if (seekerIds?.length === 0) return new Set();
      return new Set(await repo.blockersOf(db, companyId, seekerIds));
    },
  };

  const own = {
    /** The seeker's profile, or null before they first save it. */
    async profile(userId: number): Promise<ResumeProfile | null> {
      const row = await repo.findResume(db, userId);
      return row ? toProfile(row) : null;
    },

    /** Stores the profile (checked by the form's schema); the cities must be ones a job can be in. */
    async saveProfile(userId: number, profile: ResumeProfile): Promise<void> {
      for (const [field, code] of [
        ['city', profile.cityCode],
        ['expectedCity', profile.expectedCityCode],
      ] as const) {
        if (code === null) continue;
        const region = await ctx.regions.find(code);
        if (!region || !isCityLevel(region)) {
          throw new Invalid('resume.error.fixErrors', {}, [{ field, key: 'resume.error.city' }]);
        }
      }
      const at = iso();
      await repo.saveResume(db, { user_id: userId, ...profileColumns(profile), created_at: at, updated_at: at });
    },

    /** The cities to choose from in the form. */
    async cityChoices(): Promise<{ code: string; name: { en: string; zh: string } }[]> {
      return (await ctx.regions.list())
        .filter(isCityLevel)
        .map((r) => ({ code: r.code, name: { en: r.nameEn, zh: r.nameZh } }));
    },

    async files(userId: number): Promise<ResumeFileSummary[]> {
      return (await repo.filesOf(db, userId)).map(toFileSummary);
    },

    /**
     * Keeps an uploaded PDF after checking its bytes (pdf-check.ts), with its text for search. Refused with the
     * reason as a message of the `file` field; past MAX_FILES_PER_SEEKER, refused as a conflict.
     */
    async upload(userId: number, upload: { name: string; bytes: Buffer }): Promise<ResumeFileSummary> {
      if ((await repo.countFiles(db, userId)) >= MAX_FILES_PER_SEEKER) {
        throw new Conflict('resume.error.tooManyFiles', { max: MAX_FILES_PER_SEEKER });
      }
      const checked = await checkPdf(upload.bytes);
      if (!checked.ok) {
        const key = FILE_PROBLEMS[checked.problem];
        throw new Invalid(key, { max: 5 }, [{ field: 'file', key, params: { max: 5 } }]);
      }
      const storedName = await files.save(upload.bytes);
      const row = {
        id: randomBytes(16).toString('base64url'),
        user_id: userId,
        name: displayName(upload.name),
        stored_name: storedName,
        size: upload.bytes.length,
        text: checked.text,
        uploaded_at: iso(),
      };
      try {
        await repo.insertFile(db, row);
      } catch (error) {
        await files.remove(storedName);
        throw error;
      }
      return toFileSummary(row);
    },

    /** Removes one of the seeker's files, row and bytes. Applications keep only its summary (name, size). */
    async deleteFile(userId: number, fileId: string): Promise<void> {
      const file = FILE_ID.test(fileId) ? await repo.findFileOf(db, fileId, userId) : undefined;
      if (!file) throw new NotFound('resume.error.fileNotFound');
      await repo.deleteFile(db, fileId, userId);
      await files.remove(file.stored_name);
    },

    /** The companies the seeker blocked, newest first (a company gone since is left out). */
    async blocked(userId: number) {
      const rows = await repo.blockedCompanyIds(db, userId);
      const companies = await ctx.companies.describe(rows.map((r) => r.company_id));
      return rows.flatMap((row) => {
        const company = companies.get(row.company_id);
        return company ? [{ company, blockedAt: row.created_at }] : [];
      });
    },

    /** Companies by name, to block one. */
    findCompanies: (words: string) => ctx.companies.findByName(words, 20),

    async block(userId: number, companyId: number): Promise<void> {
      if (!(await ctx.companies.describe([companyId])).has(companyId)) {
        throw new NotFound('resume.error.companyNotFound');
      }
      await repo.block(db, userId, companyId, iso());
    },

    async unblock(userId: number, companyId: number): Promise<void> {
      await repo.unblock(db, userId, companyId);
    },
  };

  /** The seeker's data for the privacy module's export, and its removal. */
  const personalData = {
    name: 'resume',
    async exportFor(userId: number) {
      const [profile, stored, blocked] = await Promise.all([
        own.profile(userId),
        repo.filesOf(db, userId),
        own.blocked(userId),
      ]);
      return {
        profile,
        files: stored.map(toFileSummary),
        blockedCompanies: blocked.map((b) => ({
          name: b.company.nameZh,
          nameEn: b.company.nameEn,
          since: b.blockedAt,
        })),
      };
    },
    async filesFor(userId: number) {
      const stored = await repo.filesOf(db, userId);
      const found: { name: string; bytes: Buffer }[] = [];
      for (const file of stored) {
        const bytes = await files.read(file.stored_name);
        if (bytes) found.push({ name: `${file.id}-${file.name}`, bytes });
      }
      return found;
    },
    /** Every file from disk first, then the rows (so a failure leaves rows pointing at what is left to remove). */
    async forget(userId: number) {
      const stored = await repo.filesOf(db, userId);
      for (const file of stored) await files.remove(file.stored_name);
      await repo.deleteFilesOf(db, userId);
      await repo.unblockAll(db, userId);
      await repo.deleteResume(db, userId);
    },
  };

  return { ...contract, ...own, personalData };
}

/** The name shown for a file: the upload's base name, without control characters, at most 120 characters. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 120);
  return clean === '' ? 'resume.pdf' : clean;
}

export type ResumeService = ReturnType<typeof createResumeService>;
