/**
 * What the privacy module asks of accounts (docs/decisions/0114-resumes-and-privacy.md): the account's own data for
 * the export, and its deletion, last of all a user's data. Deleting the row takes its sessions and reset links with
 * it (on delete cascade); what other modules keep of the user they forget before (their PersonalDataHolder).
 */
import type { Kysely } from 'kysely';
import type { AccountTables } from './tables';

export function createAccountPersonalData(db: Kysely<AccountTables>) {
  return {
    /** The account as the export shows it (never the password's hash). */
    async accountData(userId: number) {
      const user = await db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'role', 'locale', 'created_at', 'updated_at'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) return null;
      return {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        locale: user.locale,
        createdAt: user.created_at,
        updatedAt: user.updated_at,
      };
    },

    /** Whether this user is the only administrator (whose account must then stay). */
    async isLastAdmin(userId: number): Promise<boolean> {
      const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').limit(2).execute();
      return admins.length === 1 && admins[0]?.id === userId;
    },

    /**
     * Removes the account: the row (its sessions and reset links go with it), and the failed sign-ins and registration
     * requests (display name, password hash) of its e-mail.
     */
    async deleteAccount(userId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
        if (!user) return;
        await trx.deleteFrom('sign_in_failures').where('email', '=', user.email).execute();
        await trx.deleteFrom('registration_requests').where('email', '=', user.email).execute();
        await trx.deleteFrom('users').where('id', '=', userId).execute();
      });
    },
  };
}

export type AccountPersonalData = ReturnType<typeof createAccountPersonalData>;
