/**
 * Companies: profiles, the people who act for them, invitations and verification (CONTEXT.md). This file holds
 * the contract other modules rely on (describe, membershipsOf, isMember, membersOf, loadShipped, provideOpenJobs,
 * onCompanyChanged) and the profiles; invitations.ts and verification.ts add theirs to the same service.
 */
import { can, type Viewer } from '../accounts';
import { runOn, type SharedTransaction, shareTransaction } from '../platform/db/tables';
import { Conflict, Forbidden, NotFound } from '../platform/web/errors';
import type { Locale } from '../platform/web/i18n';
import { renderMarkdown } from '../platform/web/markdown';
import type { SitemapEntry } from '../platform/web/sitemap-xml';
import { isCityLevel } from '../regions';
import { requireActingFor } from './access';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';
import type { CompaniesContext } from './deps';
import { createInvitations } from './invitations';
import {
  type CompanyCard,
  type CompanyChangedListener,
  type CompanySummary,
  companyPath,
  freeSlug,
  type OpenJobsProvider,
  type ResponsivenessProvider,
  type ShippedCompany,
  slugBase,
  toCard,
  toSummary,
} from './model';
import { type CompanyProfile, checkNewCompany, checkProfile } from './profile-input';
import * as repo from './repository';
import { COMPANIES_PAGE_SIZE, type CompanyListQuery } from './schemas';
import type { CompanyRow, CompanyStatus, MemberRole } from './tables';
import { createVerification } from './verification';

export type {
  CompanyCard,
  CompanyChangedListener,
  CompanySummary,
  OpenJob,
  OpenJobsProvider,
  ResponsivenessProvider,
  ShippedCompany,
} from './model';

/** What the public sees: refused companies are hidden; pending ones are shown without the verified badge. */
const PUBLIC_STATUSES: CompanyStatus[] = ['verified', 'pending'];

const profileColumns = (p: CompanyProfile) => ({
  name_zh: p.nameZh,
  name_en: p.nameEn,
  industry: p.industry,
  size: p.size,
  region_code: p.city,
  website: p.website,
  description_en_md: p.descriptionEn,
  description_zh_md: p.descriptionZh,
});

export function createCompanyService(ctx: CompaniesContext) {
  const { db, regions } = ctx;
  let openJobs: OpenJobsProvider = async () => [];
  let responsiveness: ResponsivenessProvider = async () => null;
  const changedListeners: CompanyChangedListener[] = [];
  /** Tells every listener, in the writing transaction, that a company changed. */
  const companyChanged: CompanyChangedListener = async (trx, companyId) => {
    for (const listener of changedListeners) await listener(trx, companyId);
  };
  const committedListeners: ((companyId: number) => void)[] = [];
  /** Tells every listener that a company's change is committed: what others cached of it may go now. */
  const companyCommitted = (companyId: number) => {
    for (const listener of committedListeners) listener(companyId);
  };
  const iso = () => ctx.now().toISOString();

  async function cards(rows: CompanyRow[]): Promise<CompanyCard[]> {
    const named = await regions.named(rows.map((r) => r.region_code));
    return rows.map((row) => toCard(row, named));
  }

  /** A slug from the English name that no company has yet (inside the creating transaction). */
  async function newSlug(trx: typeof db, nameEn: string): Promise<string> {
    const base = slugBase(nameEn);
    return freeSlug(base, await repo.slugsLike(trx, base));
  }

  const contract = {
    /** Summaries of these companies, by id (unknown ids left out). */
    async describe(ids: number[], trx?: SharedTransaction): Promise<Map<number, CompanySummary>> {
      // Inside the caller's transaction when given one: on SQLite a read outside it would wait for it to end.
      const rows = await repo.findCompaniesByIds(runOn(db, trx), [...new Set(ids)]);
      return new Map(rows.map((row) => [row.id, toSummary(row)]));
    },
    /** The companies a user acts for, with their role in each. */
    async membershipsOf(userId: number): Promise<{ company: CompanySummary; role: MemberRole }[]> {
      const memberships = await repo.membershipsOfUser(db, userId);
      const companies = await contract.describe(memberships.map((m) => m.company_id));
      return memberships.flatMap((m) => {
        const company = companies.get(m.company_id);
        return company ? [{ company, role: m.role }] : [];
      });
    },
    async isMember(userId: number, companyId: number): Promise<boolean> {
      return (await repo.findMember(db, companyId, userId)) !== undefined;
    },
    /** The users who act for a company (any role), earliest member first: whom its news is told to. */
    async membersOf(companyId: number): Promise<number[]> {
      return (await repo.membersOf(db, companyId)).map((m) => m.user_id);
    },
    /**
     * Loads shipped companies once (by source key `demo:<key>`); returns each key's id. One already stored is
     * left as it is (an editor may have changed it since). Verified ones are stored verified, with the decision
     * kept like any other, by nobody.
     */
    async loadShipped(items: ShippedCompany[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      await db.transaction().execute(async (trx) => {
        const stored = await repo.findCompaniesBySourceKeys(
          trx,
          items.map((item) => `demo:${item.key}`),
        );
        const byKey = new Map(stored.map((row) => [row.source_key, row.id]));
        for (const item of items) {
          const sourceKey = `demo:${item.key}`;
          const existing = byKey.get(sourceKey);
          if (existing !== undefined) {
            ids.set(item.key, existing);
            continue;
          }
          const creditCode = normaliseCreditCode(item.creditCode);
          // Shipped data is ours: a bad code is a mistake in the file, reported by its key.
          if (creditCodeProblem(creditCode)) throw new Error(`shipped company ${item.key}: bad credit code`);
          if (await repo.findCompanyByCreditCode(trx, creditCode)) {
            throw new Error(`shipped company ${item.key}: credit code already used by another company`);
          }
          await regions.requireKnown(item.region);
          const at = iso();
          const id = await repo.insertCompany(trx, {
            slug: await newSlug(trx, item.nameEn),
            name_zh: item.nameZh,
            name_en: item.nameEn,
            credit_code: creditCode,
            industry: item.industry,
            size: item.size,
            region_code: item.region,
            website: item.website,
            description_en_md: item.descriptionEn,
            description_zh_md: item.descriptionZh,
            status: item.verified ? 'verified' : 'pending',
            origin: 'demo',
            source_key: sourceKey,
            created_by: null,
            created_at: at,
            updated_at: at,
          });
          if (item.verified) {
            await repo.insertDecision(trx, { companyId: id, decision: 'verified', reason: '', decidedBy: null, at });
          }
          ids.set(item.key, id);
        }
      });
      return ids;
    },
    /** Listed companies (not refused ones) whose name contains the words; at most `limit`. */
    async findByName(words: string, limit = 20): Promise<CompanySummary[]> {
      const trimmed = words.trim();
      if (trimmed === '') return [];
      return (await repo.companiesNamed(db, trimmed, PUBLIC_STATUSES, limit)).map(toSummary);
    },
    /** The jobs module says which jobs a company has open (shown on its profile). */
    provideOpenJobs(provider: OpenJobsProvider) {
      openJobs = provider;
    },
    /**
     * Called inside the transaction of every change to a company's status or profile (verify, refuse, edit): the
     * jobs module reindexes the company's jobs, which carry its status and names.
     */
    onCompanyChanged(listener: CompanyChangedListener) {
      changedListeners.push(listener);
    },
    /**
     * Called after the same changes are committed: a cache dropped inside the transaction could be filled again
     * from the old rows by a reader on another connection before the commit (PostgreSQL).
     */
    afterCompanyChanged(listener: (companyId: number) => void) {
      committedListeners.push(listener);
    },
    /** The applications module says how the company answers applications (shown on its profile). */
    provideResponsiveness(provider: ResponsivenessProvider) {
      responsiveness = provider;
    },
  };

  const profiles = {
    /** Verified companies' profiles (in both languages), for the sitemap; pending and refused ones are noindex. */
    async sitemapEntries(): Promise<SitemapEntry[]> {
      return (await repo.verifiedSlugs(db)).map((row) => ({
        versions: { en: companyPath(row.slug), zh: companyPath(row.slug) },
        lastModified: row.updated_at,
      }));
    },

    /** The cities a company can be in, for the forms' and the list's choices. */
    async cityChoices(): Promise<{ code: string; name: { en: string; zh: string } }[]> {
      return (await regions.list())
        .filter(isCityLevel)
        .map((r) => ({ code: r.code, name: { en: r.nameEn, zh: r.nameZh } }));
    },

    /** A page of the public list, with the filters it was asked with. */
    async list(query: CompanyListQuery) {
      if (query.city) await regions.requireKnown(query.city, 'city');
      const filter = { industry: query.industry, regionCode: query.city, statuses: PUBLIC_STATUSES };
      const total = await repo.countCompanies(db, filter);
      const pageCount = Math.max(1, Math.ceil(total / COMPANIES_PAGE_SIZE));
      if (query.page > pageCount) throw new NotFound('error.page.pastLast', { page: query.page });
      const rows = await repo.listCompanies(db, filter, COMPANIES_PAGE_SIZE, (query.page - 1) * COMPANIES_PAGE_SIZE);
      return { companies: await cards(rows), total, page: query.page, pageCount, pageSize: COMPANIES_PAGE_SIZE };
    },

    /**
     * A company's profile. A refused company is hidden from the public (404) but its members and moderators still
     * see it, with the reason it was refused.
     */
    async profile(slug: string, viewer: Viewer | null, locale: Locale) {
      const row = await repo.findCompanyBySlug(db, slug);
      if (!row) throw new NotFound('company.error.notFound', { slug });
      const membership = viewer ? await repo.findMember(db, row.id, viewer.id) : undefined;
      const mayModerate = can(viewer, 'jobs.moderate');
      if (row.status === 'refused' && !membership && !mayModerate)
        throw new NotFound('company.error.notFound', { slug });
      const [card] = await cards([row]);
      const latestDecision = membership || mayModerate ? (await repo.decisionsOf(db, row.id))[0] : undefined;
      return {
        company: card!,
        description: {
          en: { markdown: row.description_en_md, html: renderMarkdown(row.description_en_md) },
          zh: { markdown: row.description_zh_md, html: renderMarkdown(row.description_zh_md) },
        },
        openJobs: row.status === 'refused' ? [] : await openJobs(row.id, locale),
        responsiveness: row.status === 'refused' ? null : await responsiveness(row.id),
        viewerRole: membership?.role ?? null,
        mayModerate,
        refusal: row.status === 'refused' && latestDecision?.decision === 'refused' ? latestDecision.reason : null,
      };
    },

    /** Creates a company for an employer, who becomes its owner; it waits for verification. */
    async create(viewer: Viewer, input: unknown): Promise<{ id: number; slug: string; path: string }> {
      if (!can(viewer, 'company.manage')) throw new Forbidden();
      const profile = await checkNewCompany(regions, input);
      return db.transaction().execute(async (trx) => {
        if (await repo.findCompanyByCreditCode(trx, profile.creditCode)) {
          throw new Conflict('company.error.creditCodeTaken', {}, [
            { field: 'creditCode', key: 'company.error.creditCodeTaken' },
          ]);
        }
        const at = iso();
        const slug = await newSlug(trx, profile.nameEn);
        const id = await repo.insertCompany(trx, {
          ...profileColumns(profile),
          slug,
          credit_code: profile.creditCode,
          status: 'pending',
          origin: 'user',
          source_key: null,
          created_by: viewer.id,
          created_at: at,
          updated_at: at,
        });
        await repo.insertMember(trx, id, viewer.id, 'owner', at);
        return { id, slug, path: companyPath(slug) };
      });
    },

    /** What the edit page shows: the profile's values, who acts for the company (names only), open invitations. */
    async editable(viewer: Viewer, slug: string) {
      const { company, role } = await requireActingFor(ctx, viewer, slug);
      const members = await repo.membersOf(db, company.id);
      const names = await ctx.accounts.displayNames(members.map((m) => m.user_id));
      const latest = (await repo.decisionsOf(db, company.id))[0];
      return {
        company: (await cards([company]))[0]!,
        creditCode: company.credit_code,
        values: {
          nameZh: company.name_zh,
          nameEn: company.name_en,
          industry: company.industry,
          size: company.size,
          city: company.region_code,
          website: company.website ?? '',
          descriptionEn: company.description_en_md,
          descriptionZh: company.description_zh_md,
        },
        role,
        members: members.map((m) => ({ name: names.get(m.user_id) ?? '', role: m.role, you: m.user_id === viewer.id })),
        openInvites: role === 'owner' ? await repo.countOpenInvites(db, company.id, iso()) : 0,
        refusal: company.status === 'refused' && latest?.decision === 'refused' ? latest.reason : null,
      };
    },

    /**
     * Saves an edited profile (owner or member). Verification vouches for the names with the credit code: a
     * verified company whose name changes waits for verification again; a refused one edited goes back to the queue.
     */
    async update(viewer: Viewer, slug: string, input: unknown): Promise<{ path: string }> {
      const { company } = await requireActingFor(ctx, viewer, slug);
      const profile = await checkProfile(regions, input);
      const renamed = profile.nameZh !== company.name_zh || profile.nameEn !== company.name_en;
      const status: CompanyStatus =
        company.status === 'refused' || (company.status === 'verified' && renamed) ? 'pending' : company.status;
      await db.transaction().execute(async (trx) => {
        await repo.updateCompany(trx, company.id, { ...profileColumns(profile), status, updated_at: iso() });
        await companyChanged(shareTransaction(trx), company.id);
      });
      companyCommitted(company.id);
      return { path: companyPath(company.slug) };
    },
  };

  return {
    ...contract,
    ...profiles,
    ...createInvitations(ctx),
    ...createVerification(ctx, companyChanged, companyCommitted),
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
