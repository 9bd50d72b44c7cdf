import { useI18n } from '../../platform/web/i18n';
import { Layout, Pagination } from '../../platform/web/layout';
import type { AccountService } from '../service';
import { ROLES } from '../tables';
import { CsrfField, ROLE_NAMES } from './form-parts';

type UserList = Awaited<ReturnType<AccountService['listUsers']>>;

export interface AdminUsersPageProps extends UserList {
  csrfToken: string;
  /** The admin looking at the page; their own row is marked. */
  viewerId: number;
  /** Written in the reader's language by the route. */
  notice: string | null;
  error: string | null;
}

export function AdminUsersPage({
  users,
  total,
  page,
  pageCount,
  csrfToken,
  viewerId,
  notice,
  error,
}: AdminUsersPageProps) {
  const { t, path, date } = useI18n();
  return (
    <Layout
      title={t('admin.users.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('admin.users.title') }]}
    >
      <h1>{t('admin.users.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <p class="meta">{t('admin.users.count', { count: total })}</p>
      <table class="user-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.users.id')}</th>
            <th scope="col">{t('admin.users.name')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.since')}</th>
            <th scope="col">{t('account.role')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr aria-current={user.id === viewerId ? 'true' : undefined}>
              <td>{user.id}</td>
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>
                <time dateTime={user.createdAt}>{date(user.createdAt)}</time>
              </td>
              <td>
                {/* One small form per user: it works without JavaScript and changes one role at a time. */}
                <form method="post" action={path(`/admin/users/${user.id}/role`)} class="button-row">
                  <CsrfField token={csrfToken} />
                  <input type="hidden" name="page" value={String(page)} />
                  <select name="role" aria-label={t('admin.users.roleFor', { email: user.email })}>
                    {ROLES.map((role) => (
                      <option value={role} selected={role === user.role}>
                        {t(ROLE_NAMES[role])}
                      </option>
                    ))}
                  </select>
                  <button type="submit">{t('admin.users.save')}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => (p === 1 ? '/admin/users' : `/admin/users?page=${p}`)}
      />
    </Layout>
  );
}
