import { Layout } from '../../web/layout';
import { t } from '../../web/messages';
import type { NotificationService } from '../notifications';

type Items = Awaited<ReturnType<NotificationService['list']>>;

export function NotificationsPage({ items, csrfToken }: { items: Items; csrfToken: string }) {
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
              <li class={n.read_at ? 'read' : 'unread'}>
                <a href={n.link}>{n.message}</a>{' '}
                <time class="meta" dateTime={n.created_at}>
                  {n.created_at.slice(0, 16).replace('T', ' ')}
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
