import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { type NotificationItem, notificationText } from '../service';

/** The viewer's notifications, each written now in the language of this page. */
export function NotificationsPage({ items, csrfToken }: { items: NotificationItem[]; csrfToken: string }) {
  const i18n = useI18n();
  const { t, path, date } = i18n;
  return (
    <Layout
      title={t('notifications.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('notifications.title') }]}
    >
      <h1>{t('notifications.title')}</h1>
      {items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <>
          <ul class="notifications">
            {items.map((n) => (
              <li class={n.read ? 'read' : 'unread'}>
                <a href={path(n.link)}>{notificationText(i18n, n.kind, n.params)}</a>{' '}
                <time class="meta" dateTime={n.createdAt}>
                  {date(n.createdAt)}
                </time>
              </li>
            ))}
          </ul>
          <form method="post" action={path('/account/notifications/read')}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button type="submit">{t('notifications.markRead')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
