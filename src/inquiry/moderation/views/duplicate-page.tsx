import { Layout } from '../../../platform/web/layout';
import { t } from '../../../platform/web/messages';
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
  const title = t('duplicate.title', { title: question.title });
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: question.title, href: question.path },
        { label: t('duplicate.heading') },
      ]}
    >
      <h1>{t('duplicate.heading')}</h1>
      <h2>
        <a href={question.path}>{question.title}</a> <span class="meta">#{question.id}</span>
      </h2>
      {question.details && <p>{question.details}</p>}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {duplicateOf ? (
        <p class="notice">
          {t('duplicate.already')} <a href={duplicateOf.path}>{duplicateOf.title}</a> (#{duplicateOf.id})
        </p>
      ) : (
        <>
          <p class="meta">{t('duplicate.lead')}</p>
          <form method="post" action={`/editor/questions/${question.id}/duplicate`} class="stacked-form">
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
                    #{s.id} <a href={s.url}>{s.title}</a>
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
