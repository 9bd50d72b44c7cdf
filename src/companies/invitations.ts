/**
 * Invitations: an owner invites a colleague by e-mail; the link's token is random and only its SHA-256 is stored
 * (a leaked table opens no company); it works for 7 days, once, for an employer signed in with the invited address.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from '../accounts';
import { Conflict, Forbidden, NotFound } from '../platform/web/errors';
import { createI18n } from '../platform/web/i18n';
import type { MessageKey } from '../platform/web/messages';
import { absoluteUrl } from '../platform/web/render';
import { validInput } from '../platform/web/validation';
import { requireActingFor } from './access';
import type { CompaniesContext } from './deps';
import { toSummary } from './model';
import * as repo from './repository';
import { inviteSchema } from './schemas';

export const INVITE_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Our tokens are 43 characters; anything much longer is not one of ours and is not worth hashing. */
const MAX_TOKEN_LENGTH = 100;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
export const invitePath = (token: string) => `/employer/invites/${token}`;

export function createInvitations(ctx: CompaniesContext) {
  const { db } = ctx;

  /** The invitation a token opens, if it still can be used; refusals say why (unknown, spent, expired). */
  async function usableInvite(token: string) {
    const invite = token.length <= MAX_TOKEN_LENGTH ? await repo.findInviteByHash(db, hashOf(token)) : undefined;
    if (!invite) throw new NotFound('company.invite.unknown');
    if (invite.accepted_at !== null) throw new Conflict('company.invite.spent');
    if (invite.expires_at <= ctx.now().toISOString()) throw new Conflict('company.invite.expired');
    const company = await repo.findCompanyById(db, invite.company_id);
    if (!company) throw new NotFound('company.invite.unknown');
    return { invite, company };
  }

  /** Why this viewer may not accept (null: they may): only employers act for companies, with the invited address. */
  function refusalFor(viewer: Viewer, email: string): MessageKey | null {
    if (viewer.role !== 'employer') return 'company.invite.needsEmployer';
    if (viewer.email.toLowerCase() !== email.toLowerCase()) return 'company.invite.otherAddress';
    return null;
  }

  return {
    /**
     * Mails a colleague a link to join the company; only its owner invites. The mail is in the language the owner
     * chose for the colleague (we may not know them yet).
     */
    async invite(viewer: Viewer, slug: string, input: { email: string; locale: string }): Promise<void> {
      const { company } = await requireActingFor(ctx, viewer, slug, { ownerOnly: true });
      const { email, locale } = validInput(inviteSchema, input);
      const token = randomBytes(32).toString('base64url');
      const now = ctx.now();
      await repo.insertInvite(db, {
        companyId: company.id,
        email,
        tokenHash: hashOf(token),
        invitedBy: viewer.id,
        at: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS).toISOString(),
      });
      const { t } = createI18n(locale);
      const name = locale === 'zh' ? company.name_zh : company.name_en;
      await ctx.mail.send({
        to: email,
        subject: t('company.invite.mailSubject', { company: name }),
        body: t('company.invite.mailBody', {
          company: name,
          inviter: viewer.displayName,
          link: absoluteUrl(ctx.baseUrl, locale, invitePath(token)),
          days: INVITE_TTL_DAYS,
        }),
      });
    },

    /** What the invitation page shows the signed-in viewer: the company, until when, and whether they may accept. */
    async invitation(viewer: Viewer, token: string) {
      const { invite, company } = await usableInvite(token);
      const member = await repo.findMember(db, company.id, viewer.id);
      return {
        company: toSummary(company),
        expiresAt: invite.expires_at,
        alreadyMember: member !== undefined,
        refusal: refusalFor(viewer, invite.email),
      };
    },

    /** The viewer joins the company as a member; the invitation is spent. */
    async acceptInvitation(viewer: Viewer, token: string): Promise<{ path: string }> {
      const { invite, company } = await usableInvite(token);
      const refusal = refusalFor(viewer, invite.email);
      if (refusal) throw new Forbidden(refusal);
      await db.transaction().execute(async (trx) => {
        const at = ctx.now().toISOString();
        if (!(await repo.markInviteAccepted(trx, invite.id, viewer.id, at))) throw new Conflict('company.invite.spent');
        // Someone already acting for the company (invited twice) keeps their role.
        if (!(await repo.findMember(trx, company.id, viewer.id))) {
          await repo.insertMember(trx, company.id, viewer.id, 'member', at);
        }
      });
      return { path: `/employer/companies/${company.slug}/edit` };
    },
  };
}
