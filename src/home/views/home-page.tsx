import { SearchBox } from '../../inquiry';
import { createI18n, HTML_LANG, type Locale, localePath, useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';

/** `suggest`: the other language, when the reader's browser prefers it (a notice links there). */
export function HomePage({ suggest }: { suggest: Locale | null }) {
  const { t, path } = useI18n();
  return (
    <Layout title={t('home.title')} description={t('site.tagline')} canonical="/">
      {suggest && <OtherLanguageNotice locale={suggest} />}
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <SearchBox />
      <p>
        <a class="button" href={path('/social-security')}>
          {t('home.enterCenter')}
        </a>
      </p>
      <h2>{t('home.jobsTitle')}</h2>
      <p>{t('home.jobsLead')}</p>
      <p>
        <a class="button" href={path('/jobs')}>
          {t('home.browseJobs')}
        </a>
      </p>
    </Layout>
  );
}

/** Written in the language it suggests: the reader who prefers it reads it, whatever this page's language. */
function OtherLanguageNotice({ locale }: { locale: Locale }) {
  const other = createI18n(locale);
  return (
    <p class="notice" lang={HTML_LANG[locale]}>
      {other.t('home.otherLanguage')}{' '}
      <a href={localePath(locale, '/')} hreflang={HTML_LANG[locale]}>
        {other.t('home.otherLanguageLink')}
      </a>
    </p>
  );
}
