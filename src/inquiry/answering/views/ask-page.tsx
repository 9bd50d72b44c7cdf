import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { type LegalBasisSuggestion, suggestionReasonText } from '../../../statutes';
import { articleName, type Named } from '../../content/names';

export interface AskPageProps {
  csrfToken: string;
  values: { title: string; details: string; topic: string; region: string; anonymous: boolean };
  errors: Record<string, string>;
  topics: { slug: string; name: Named }[];
  regions: { code: string; name: Named }[];
  /** Set on the confirm step: questions like this one, shown before the question is saved. */
  similar: { id: number; title: string; path: string; locale: 'en' | 'zh' }[] | null;
  /** The law that may apply to the question as written so far (the suggested legal basis), with why. */
  law?: LegalBasisSuggestion[];
}

/** The articles that may apply, each linked to its text, with why it was suggested. */
function LawThatMayApply({ law }: { law: LegalBasisSuggestion[] }) {
  const i18n = useI18n();
  const { t, path } = i18n;
  return (
    <section class="law-may-apply" aria-labelledby="law-heading">
      <h2 id="law-heading">{t('suggest.title')}</h2>
      <p class="meta">{t('suggest.lead')}</p>
      <ul>
        {law.map((s) => (
          <li>
            <a href={path(`/laws/${s.slug}/articles/${s.number}`)}>{articleName(i18n, s, s)}</a>
            <p class="meta" lang="zh-CN">
              {s.excerpt}
            </p>
            <ul class="meta suggestion-reasons">
              {s.reasons.map((reason) => (
                <li>{suggestionReasonText(i18n, reason)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AskPage({ csrfToken, values, errors, topics, regions, similar, law = [] }: AskPageProps) {
  const { t, path, locale } = useI18n();
  const error = (field: string) =>
    errors[field] ? (
      <p class="field-error" id={`${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? `${field}-error` : undefined);
  return (
    <Layout
      title={t('ask.title')}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('nav.socialSecurity'), href: '/social-security' },
        { label: t('ask.title') },
      ]}
      scripts={['search-suggest.js']}
    >
      <h1>{t('ask.title')}</h1>
      <p class="lead">{t('ask.lead')}</p>
      {Object.keys(errors).length > 0 && (
        <p class="notice" role="alert">
          {errors.form ?? t('ask.fixErrors')}
        </p>
      )}
      {similar && similar.length > 0 && (
        <section class="notice" aria-labelledby="similar-heading">
          <h2 id="similar-heading">{t('ask.similarTitle')}</h2>
          <p>{t('ask.similarLead')}</p>
          <ul>
            {similar.map((q) => (
              <li>
                <a href={path(q.path)} lang={q.locale === locale ? undefined : HTML_LANG[q.locale]}>
                  {q.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {law.length > 0 && <LawThatMayApply law={law} />}
      <form method="post" action={path('/social-security/ask')} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {similar && <input type="hidden" name="confirmed" value="1" />}
        <label for="ask-title">{t('ask.questionTitle')}</label>
        <div class="search-input" data-suggest-label={t('ask.similarTitle')}>
          <input
            id="ask-title"
            name="title"
            value={values.title}
            required
            maxLength={300}
            data-suggest="similar"
            aria-describedby={described('title')}
          />
        </div>
        {error('title')}
        <label for="ask-details">{t('ask.details')}</label>
        <textarea id="ask-details" name="details" rows={5} maxLength={5000} aria-describedby={described('details')}>
          {values.details}
        </textarea>
        {error('details')}
        <label for="ask-topic">{t('ask.topic')}</label>
        <select id="ask-topic" name="topic" aria-describedby={described('topic')}>
          {topics.map((topic) => (
            <option value={topic.slug} selected={topic.slug === values.topic}>
              {topic.name[locale]}
            </option>
          ))}
        </select>
        {error('topic')}
        <label for="ask-region">{t('ask.region')}</label>
        <select id="ask-region" name="region" aria-describedby={described('region')}>
          {regions.map((region) => (
            <option value={region.code} selected={region.code === values.region}>
              {region.name[locale]}
            </option>
          ))}
        </select>
        {error('region')}
        <label class="checkbox">
          <input type="checkbox" name="anonymous" value="1" checked={values.anonymous} /> {t('ask.anonymous')}
        </label>
        <button type="submit">{similar ? t('ask.confirm') : t('ask.submit')}</button>
      </form>
    </Layout>
  );
}
