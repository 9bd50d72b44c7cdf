import { assetPath } from '../../../platform/web/assets';
import { useI18n } from '../../../platform/web/i18n';
import { MAX_SUGGEST_QUERY } from '../schemas';

/**
 * The inquiry search box. A plain GET form to the search page in the reader's language, so it works without
 * JavaScript. The suggestions island reads the page's language from `<html lang>`.
 */
export function SearchBox({ query = '' }: { query?: string }) {
  const { t, path } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark readers know; <search> is new.
    <form
      class="search-box"
      role="search"
      method="get"
      action={path('/social-security/search')}
      data-suggest-label={t('search.suggestions')}
    >
      <label for="search-q">{t('search.label')}</label>
      <div class="search-row">
        <div class="search-input">
          <input
            id="search-q"
            type="search"
            name="q"
            value={query}
            placeholder={t('search.placeholder')}
            maxLength={MAX_SUGGEST_QUERY}
          />
        </div>
        <button type="submit">{t('search.button')}</button>
      </div>
      {/* Island: suggestions while typing (progressive enhancement). */}
      <script type="module" src={assetPath('search-suggest.js')} />
    </form>
  );
}
