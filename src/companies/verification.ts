/**
 * Verification: editors and admins check a company (its credit code against the public registry, its names) and
 * verify or refuse it, a refusal with the reason its members see. Every decision is kept (company_decisions).
 */
import type { Viewer } from '../accounts';
import { shareTransaction } from '../platform/db/tables';
import { Conflict, NotFound } from '../platform/web/errors';
import { validInput } from '../platform/web/validation';
import { requireModerator } from './access';
import type { CompaniesContext } from './deps';
import { type CompanyCard, type CompanyChangedListener, toCard } from './model';
import * as repo from './repository';
import { refusalSchema } from './schemas';

const QUEUE_SIZE = 100;
const RECENT_DECISIONS = 50;

/**
 * `changed` tells the other modules (companies' onCompanyChanged listeners) inside the decision's transaction,
 * `committed` (afterCompanyChanged) once it is committed.
 */
export function createVerification(
  ctx: CompaniesContext,
  changed: CompanyChangedListener,
  committed: (companyId: number) => void,
) {
  const { db } = ctx;

  async function decide(viewer: Viewer, companyId: number, decision: 'verified' | 'refused', reason: string) {
    requireModerator(viewer);
    await db.transaction().execute(async (trx) => {
      const company = await repo.findCompanyById(trx, companyId);
      if (!company) throw new NotFound('company.error.notFoundId', { id: companyId });
      if (company.status === decision) {
        throw new Conflict(decision === 'verified' ? 'company.error.alreadyVerified' : 'company.error.alreadyRefused');
      }
      const at = ctx.now().toISOString();
      await repo.updateCompany(trx, companyId, { status: decision, updated_at: at });
      await repo.insertDecision(trx, { companyId, decision, reason, decidedBy: viewer.id, at });
      // A refused company's jobs leave search (and alerts) now; a verified one's come back.
      await changed(shareTransaction(trx), companyId);
    });
    committed(companyId);
  }

  return {
    /** The moderation page: companies waiting, oldest first, and the latest decisions with who made them. */
    async moderationQueue(viewer: Viewer) {
      requireModerator(viewer);
      const [pending, decisions] = await Promise.all([
        repo.pendingCompanies(db, QUEUE_SIZE),
        repo.recentDecisions(db, RECENT_DECISIONS),
      ]);
      const regions = await ctx.regions.named(pending.map((row) => row.region_code));
      const names = await ctx.accounts.displayNames(
        [...pending.map((row) => row.created_by), ...decisions.map((d) => d.decided_by)].filter(
          (id): id is number => id !== null,
        ),
      );
      return {
        pending: pending.map(
          (row): CompanyCard & { id: number; creditCode: string; createdAt: string; createdBy: string | null } => ({
            ...toCard(row, regions),
            creditCode: row.credit_code,
            createdAt: row.created_at,
            createdBy: row.created_by === null ? null : (names.get(row.created_by) ?? null),
          }),
        ),
        decisions: decisions.map((d) => ({
          id: d.id,
          decision: d.decision,
          reason: d.reason,
          decidedAt: d.decided_at,
          decidedBy: d.decided_by === null ? null : (names.get(d.decided_by) ?? null),
          company: { slug: d.slug, name: { en: d.name_en, zh: d.name_zh } },
        })),
      };
    },

    /** Verifies a company (from the queue, or one refused before); an optional note is kept with the decision. */
    async verify(viewer: Viewer, companyId: number, note = ''): Promise<void> {
      await decide(viewer, companyId, 'verified', note.trim().slice(0, 2000));
    },

    /** Refuses a company (or withdraws its verification): the reason is required and its members see it. */
    async refuse(viewer: Viewer, companyId: number, reasonInput: string): Promise<void> {
      requireModerator(viewer);
      const { reason } = validInput(refusalSchema, { reason: reasonInput });
      await decide(viewer, companyId, 'refused', reason);
    },
  };
}
