/**
 * "Save this search" on /jobs: a POST form to the saved searches (src/alerts, /account/alerts) carrying the
 * search's query string, for a signed-in reader (the frame gives them a CSRF token); others are offered to sign in
 * and come back. The page stays the same for every anonymous reader.
 */
import { useContext } from 'preact/hooks';
import { ChromeContext } from '../../../platform/web/chrome';
import { useI18n } from '../../../platform/web/i18n';
import { type JobSearchQuery, searchPath } from './query-string';

/** Where saved searches are kept (the alerts module's page; jobs cannot import it: alerts builds on jobs). */
const SAVED_SEARCHES_PATH = '/account/alerts';

export function SaveSearchForm({ query }: { query: JobSearchQuery }) {
  const { t, path } = useI18n();
  const { csrfToken } = useContext(ChromeContext);
  // The search without its page: a saved search starts from the first.
  const search = searchPath(query);
  if (!csrfToken) {
    const next = encodeURIComponent(path(search));
    return (
      <p class="save-search meta">
        <a href={`${path('/account/sign-in')}?next=${next}`}>{t('alerts.save.signIn')}</a>
      </p>
    );
  }
  return (
    <form method="post" action={path(SAVED_SEARCHES_PATH)} class="save-search stacked-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="query" value={search.replace(/^\/jobs\??/, '')} />
      <label>
        {t('alerts.save.name')} <input type="text" name="name" maxLength={120} />
      </label>
      <button type="submit">{t('alerts.save.button')}</button>
    </form>
  );
}
