import { Layout } from '../../platform/web/layout';
import { t } from '../../platform/web/messages';
import type { NotificationItem } from '../service';

export function NotificationsPage({ items, csrfToken }: { items: NotificationItem[]; csrfToken: string }) {
  return (
    <Layout
      title={t('notifications.title')}
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
                <a href={n.link}>{n.text}</a>{' '}
                <time class="meta" dateTime={n.createdAt}>
                  {n.createdAt.slice(0, 16).replace('T', ' ')}
                </time>
              </li>
            ))}
          </ul>
          <form method="post" action="/account/notifications/read">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button type="submit">{t('notifications.markRead')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
