import { can, type Viewer } from '../accounts';
import { Forbidden, NotFound } from '../platform/web/errors';
import type { CompaniesContext } from './deps';
import * as repo from './repository';
import type { CompanyRow, MemberRole } from './tables';

/**
 * The company `slug` names, if the viewer acts for it: an employer (`company.manage`) who is its member, or its
 * owner when `ownerOnly`. Roles say what kind of account may manage companies at all; which company is the
 * business of membership, checked here on every write.
 */
export async function requireActingFor(
  ctx: CompaniesContext,
  viewer: Viewer,
  slug: string,
  options: { ownerOnly?: boolean } = {},
): Promise<{ company: CompanyRow; role: MemberRole }> {
  if (!can(viewer, 'company.manage')) throw new Forbidden();
  const company = await repo.findCompanyBySlug(ctx.db, slug);
  if (!company) throw new NotFound('company.error.notFound', { slug });
  const member = await repo.findMember(ctx.db, company.id, viewer.id);
  if (!member) throw new Forbidden('company.error.notMember');
  if (options.ownerOnly && member.role !== 'owner') throw new Forbidden('company.error.ownerOnly');
  return { company, role: member.role };
}

export function requireModerator(viewer: Viewer): void {
  if (!can(viewer, 'jobs.moderate')) throw new Forbidden();
}
