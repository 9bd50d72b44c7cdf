import { useI18n } from './i18n';
import { Layout } from './layout';

export function ErrorPage({ status, message, requestId }: { status: number; message: string; requestId: string }) {
  const { t, path } = useI18n();
  const title =
    status === 404 ? t('error.notFound.title') : status >= 500 ? t('error.server.title') : t('error.badRequest.title');
  return (
    <Layout title={title} noindex>
      <div class="error-page">
        <h1>{title}</h1>
        <p>{status >= 500 ? t('error.server.body', { requestId }) : message}</p>
        <p>
          <a href={path('/')}>{t('error.backHome')}</a>
        </p>
      </div>
    </Layout>
  );
}
