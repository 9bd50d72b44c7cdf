/** Accounts: who people are, how they sign in, what their role lets them do. See CONTEXT.md. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import type { MailTransport } from '../mail';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { MenuLink } from '../platform/web/chrome';
import type { Viewer } from './auth';
import { can } from './permissions';
import { createAccountPersonalData } from './personal-data';
import { accountRoutes } from './routes';
import { createAccountService } from './service';
import type { AccountTables } from './tables';

export {
  csrfToken,
  registerAuth,
  requirePermission,
  requireViewer,
  SESSION_COOKIE,
  sessionToken,
  type Viewer,
} from './auth';
export { verifyPassword } from './password';
export { type Action, can } from './permissions';
export type { AccountPersonalData } from './personal-data';
export type { AccountService, SignInResult } from './service';
export { ACCOUNT_TABLES, type AccountTables, ROLES, type Role } from './tables';

export function createAccountsModule(db: AppDb, deps: { mail: MailTransport; config: AppConfig }) {
  const service = createAccountService(ownTables<AccountTables>(db), deps.mail);
  return {
    service,
    /** The account's data for the privacy module's export, and the account's deletion (personal-data.ts). */
    personalData: createAccountPersonalData(ownTables<AccountTables>(db)),
    routes: (app: FastifyInstance) => accountRoutes(app, { accounts: service, config: deps.config }),
    /** The viewer's own links in the header: their account first, user administration last. */
    menu(viewer: Viewer): MenuLink[] {
      const links: MenuLink[] = [
        { href: '/account', label: { key: 'nav.account', params: { name: viewer.displayName } }, order: 10 },
      ];
      if (can(viewer, 'users.manage')) links.push({ href: '/admin/users', label: { key: 'nav.users' }, order: 90 });
      return links;
    },
  };
}

export type AccountsModule = ReturnType<typeof createAccountsModule>;
