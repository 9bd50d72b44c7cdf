import { t } from '../../../platform/web/messages';

/** The inquiry search box. A plain GET form, so it works without JavaScript. */
export function SearchBox({ query = '' }: { query?: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark readers know; <search> is new.
    <form
      class="search-box"
      role="search"
      method="get"
      action="/social-security/search"
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
            maxLength={200}
          />
        </div>
        <button type="submit">{t('search.button')}</button>
      </div>
      {/* Island: suggestions while typing (progressive enhancement). */}
      <script type="module" src="/assets/search-suggest.js" />
    </form>
  );
}
