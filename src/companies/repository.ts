/** SQL of the companies module: plain functions taking the database (or a transaction) first. */

import type { Insertable, Updateable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { CompanyStatus, CompanyTable, CompanyTables, Industry, MemberRole } from './tables';

type Db = Kysely<CompanyTables>;

export async function insertCompany(db: Db, row: Insertable<CompanyTable>): Promise<number> {
  const { id } = await db.insertInto('companies').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function updateCompany(db: Db, id: number, fields: Updateable<CompanyTable>) {
  return db.updateTable('companies').set(fields).where('id', '=', id).execute();
}

export function findCompanyBySlug(db: Db, slug: string) {
  return db.selectFrom('companies').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findCompanyById(db: Db, id: number) {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCompanyByCreditCode(db: Db, creditCode: string) {
  return db
    .selectFrom('companies')
    .select(['id', 'source_key'])
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
}

export function findCompaniesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('companies').selectAll().where('id', 'in', ids).execute();
}

export function findCompaniesBySourceKeys(db: Db, keys: string[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('companies').select(['id', 'source_key']).where('source_key', 'in', keys).execute();
}

/** Slugs already taken by `base` or `base-<n>`, to pick the next free one. */
export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('companies')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export interface CompanyFilter {
  industry?: Industry;
  regionCode?: string;
  statuses: CompanyStatus[];
}

function filtered(db: Db, filter: CompanyFilter) {
  let query = db.selectFrom('companies').where('status', 'in', filter.statuses);
  if (filter.industry) query = query.where('industry', '=', filter.industry);
  if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
  return query;
}

/** A page of companies: verified ones first (the badge is what a seeker looks for), then by English name. */
export function listCompanies(db: Db, filter: CompanyFilter, limit: number, offset: number) {
  return filtered(db, filter)
    .selectAll()
    .orderBy(sql`case when status = 'verified' then 0 else 1 end`)
    .orderBy('name_en')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countCompanies(db: Db, filter: CompanyFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Companies whose Chinese or English name contains the words (any case), for pickers such as 屏蔽公司. */
export function companiesNamed(db: Db, words: string, statuses: CompanyStatus[], limit: number) {
  // LIKE's own wildcards in what was typed are matched literally.
  const pattern = `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('companies')
    .selectAll()
    .where('status', 'in', statuses)
    .where((eb) =>
      eb.or([
        eb(sql`lower(name_zh)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(name_en)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    )
    .orderBy('name_en')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- members ------------------------------------------------------------------------------

export function insertMember(db: Db, companyId: number, userId: number, role: MemberRole, at: string) {
  return db
    .insertInto('company_members')
    .values({ company_id: companyId, user_id: userId, role, created_at: at })
    .execute();
}

export function findMember(db: Db, companyId: number, userId: number) {
  return db
    .selectFrom('company_members')
    .select(['role'])
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function membersOf(db: Db, companyId: number) {
  return db
    .selectFrom('company_members')
    .select(['user_id', 'role', 'created_at'])
    .where('company_id', '=', companyId)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
}

export function membershipsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('company_members')
    .select(['company_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

// ---- invitations --------------------------------------------------------------------------

export function insertInvite(
  db: Db,
  row: { companyId: number; email: string; tokenHash: string; invitedBy: number; at: string; expiresAt: string },
) {
  return db
    .insertInto('company_invites')
    .values({
      company_id: row.companyId,
      email: row.email,
      token_hash: row.tokenHash,
      invited_by: row.invitedBy,
      created_at: row.at,
      expires_at: row.expiresAt,
    })
    .execute();
}

export function findInviteByHash(db: Db, tokenHash: string) {
  return db.selectFrom('company_invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Spends the invitation; false when it was spent meanwhile (two tabs, a replayed form): it is spent once. */
export async function markInviteAccepted(db: Db, id: number, userId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('company_invites')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countOpenInvites(db: Db, companyId: number, now: string): Promise<number> {
  const row = await db
    .selectFrom('company_invites')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('company_id', '=', companyId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- verification -------------------------------------------------------------------------

export function insertDecision(
  db: Db,
  row: { companyId: number; decision: 'verified' | 'refused'; reason: string; decidedBy: number | null; at: string },
) {
  return db
    .insertInto('company_decisions')
    .values({
      company_id: row.companyId,
      decision: row.decision,
      reason: row.reason,
      decided_by: row.decidedBy,
      decided_at: row.at,
    })
    .execute();
}

/** Companies waiting for an editor, oldest first (first come, first verified). */
export function pendingCompanies(db: Db, limit: number) {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The latest decisions, with the names of their companies. */
export function recentDecisions(db: Db, limit: number) {
  return db
    .selectFrom('company_decisions as d')
    .innerJoin('companies as c', 'c.id', 'd.company_id')
    .select(['d.id', 'd.decision', 'd.reason', 'd.decided_by', 'd.decided_at', 'c.slug', 'c.name_en', 'c.name_zh'])
    .orderBy('d.decided_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/** A company's decisions, newest first (its members see why it was refused). */
export function decisionsOf(db: Db, companyId: number) {
  return db
    .selectFrom('company_decisions')
    .select(['decision', 'reason', 'decided_at'])
    .where('company_id', '=', companyId)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Verified companies' addresses, for the sitemap (the others are noindex). */
export function verifiedSlugs(db: Db) {
  return db
    .selectFrom('companies')
    .select(['slug', 'updated_at'])
    .where('status', '=', 'verified')
    .orderBy('id')
    .execute();
}
