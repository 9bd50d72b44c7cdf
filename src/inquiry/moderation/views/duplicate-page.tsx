import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import type { DuplicateService } from '../duplicates';

type Merge = Awaited<ReturnType<DuplicateService['questionToMerge']>>;

export function DuplicatePage({
  merge,
  csrfToken,
  target,
  error,
}: {
  merge: Merge;
  csrfToken: string;
  target: string;
  error: string | null;
}) {
  const { question, duplicateOf, similar } = merge;
  const { t, path, locale } = useI18n();
  // A question's words in their own language, when it is not the page's.
  const langOf = (q: { locale: 'en' | 'zh' }) => (q.locale === locale ? undefined : HTML_LANG[q.locale]);
  return (
    <Layout
      title={t('duplicate.title', { title: question.title })}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: question.title, href: question.path },
        { label: t('duplicate.heading') },
      ]}
    >
      <h1>{t('duplicate.heading')}</h1>
      <h2>
        <a href={path(question.path)} lang={langOf(question)}>
          {question.title}
        </a>{' '}
        <span class="meta">#{question.id}</span>
      </h2>
      {question.details && <p lang={langOf(question)}>{question.details}</p>}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {duplicateOf ? (
        <p class="notice">
          {t('duplicate.already')}{' '}
          <a href={path(duplicateOf.path)} lang={langOf(duplicateOf)}>
            {duplicateOf.title}
          </a>{' '}
          (#{duplicateOf.id})
        </p>
      ) : (
        <>
          <p class="meta">{t('duplicate.lead')}</p>
          <form method="post" action={path(`/editor/questions/${question.id}/duplicate`)} class="stacked-form">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <label for="target">{t('duplicate.target')}</label>
            <input id="target" name="target" value={target} required maxLength={500} />
            <button type="submit">{t('duplicate.submit')}</button>
          </form>
          {similar.length > 0 && (
            <section aria-labelledby="similar-heading">
              <h2 id="similar-heading">{t('duplicate.similar')}</h2>
              <ul>
                {similar.map((s) => (
                  <li>
                    #{s.id}{' '}
                    <a href={path(s.path)} lang={langOf(s)}>
                      {s.title}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
