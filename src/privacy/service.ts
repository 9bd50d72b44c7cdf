/**
 * Privacy (PIPL): a user's data in one download, and the deletion of their account (CONTEXT.md). This module keeps
 * nothing itself: it asks every registered PersonalDataHolder (each module that keeps personal data) and, last,
 * the accounts module.
 */
import type { AccountPersonalData, AccountService, Viewer } from '../accounts';
import { Conflict, Invalid } from '../platform/web/errors';
import type { PersonalDataHolder } from './holders';
import { zip } from './zip';

export interface PrivacyDeps {
  /** Sign-in confirms the password (with its throttle). */
  accounts: AccountService;
  /** The account's own data, and its deletion. */
  account: AccountPersonalData;
  /** Every module's holder; forgotten in reverse order (the latest module first), exported in order. */
  holders: PersonalDataHolder[];
  now?: () => Date;
}

/** Names as they go into the archive: no folders climbing out, no control characters. */
function safeName(name: string): string {
  const clean = [...name]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '/' && c !== '\\')
    .join('')
    .replace(/^\.+/, '')
    .slice(0, 150);
  return clean === '' ? 'file' : clean;
}

export function createPrivacyService(deps: PrivacyDeps) {
  const now = deps.now ?? (() => new Date());
  const holders = () => deps.holders;

  return {
    /** The names of what an export holds (the page lists them). */
    holderNames: () => holders().map((h) => h.name),

    /**
     * Everything kept about the viewer, as a ZIP: `data.json` (the account and each holder's part, by its name)
     * and their files under `files/<holder>/`. Always the viewer's own: the export takes no user id.
     */
    async exportFor(viewer: Viewer): Promise<{ archive: Buffer; fileName: string }> {
      const at = now();
      const data: Record<string, unknown> = {
        exportedAt: at.toISOString(),
        account: await deps.account.accountData(viewer.id),
      };
      const files: { name: string; bytes: Buffer }[] = [];
      for (const holder of holders()) {
        data[holder.name] = await holder.exportFor(viewer.id);
        for (const file of (await holder.filesFor?.(viewer.id)) ?? []) {
          files.push({ name: `files/${safeName(holder.name)}/${safeName(file.name)}`, bytes: file.bytes });
        }
      }
      const json = Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
      const archive = zip([{ name: 'data.json', bytes: json }, ...files], at);
      return { archive, fileName: `jobsite-data-${at.toISOString().slice(0, 10)}.zip` };
    },

    /**
     * Deletes the viewer's account after their password is confirmed (through sign-in, so guesses are throttled as
     * there): each holder forgets them (files removed from disk, applications anonymised), then the account row goes,
     * and with it every session. An administrator cannot delete the last administrator's account.
     */
    async deleteAccount(viewer: Viewer, password: string, address: string): Promise<void> {
      if (viewer.role === 'admin' && (await deps.account.isLastAdmin(viewer.id))) {
        throw new Conflict('privacy.delete.lastAdmin');
      }
      const confirmed = await deps.accounts.signIn(viewer.email, password, address);
      if (!confirmed.ok) {
        const key = confirmed.retryAfterSeconds ? 'privacy.delete.wait' : 'privacy.delete.wrongPassword';
        const params = { seconds: confirmed.retryAfterSeconds ?? 0 };
        throw new Invalid(key, params, [{ field: 'password', key, params }]);
      }
      // The session sign-in just opened is not needed: the account's sessions all go with it.
      await deps.accounts.signOut(confirmed.token);
      for (const holder of [...holders()].reverse()) await holder.forget(viewer.id);
      await deps.account.deleteAccount(viewer.id);
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
