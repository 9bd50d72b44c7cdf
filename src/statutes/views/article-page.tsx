import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { splitParagraphs } from '../citations';
import type { CitingQuestion, StatuteService } from '../service';
import { articleName, publishedTextLang, statuteTitle } from './names';

export type ArticlePageProps = Awaited<ReturnType<StatuteService['getArticle']>>;

/**
 * The citing questions to list: a question and its translation cite the same article, so each is listed once, in
 * the reader's language where it has one (when the provider says which translates which); the reader's language
 * first. Others keep their language (their page says there is no translation).
 */
export function oneVersionEach(questions: CitingQuestion[], locale: string): CitingQuestion[] {
  const byOriginal = new Map<number, CitingQuestion>();
  for (const q of questions) {
    const original = q.translationOf ?? q.id;
    const kept = byOriginal.get(original);
    if (!kept || (kept.locale !== locale && q.locale === locale)) byOriginal.set(original, q);
  }
  return [...byOriginal.values()].sort((a, b) => Number(b.locale === locale) - Number(a.locale === locale));
}

export function ArticlePage({ statute, number, label, text, citedBy }: ArticlePageProps) {
  const i18n = useI18n();
  const { t, path, date, locale } = i18n;
  // 《中华人民共和国社会保险法》第七十二条 on Chinese pages, "Social Insurance Law, Article 72" on English ones.
  const title = t('laws.articleTitle', {
    statute: locale === 'zh' ? statute.titleZh : statute.shortTitleEn,
    article: articleName(i18n, number, label),
  });
  const textLang = publishedTextLang(i18n);
  const answers = oneVersionEach(citedBy, locale);
  return (
    <Layout
      title={title}
      description={t('laws.articleDescription', { title, date: date(statute.versionDate) })}
      canonical={`/laws/${statute.slug}/articles/${number}`}
      ogType="article"
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('laws.title'), href: '/laws' },
        { label: statuteTitle(i18n, statute), href: `/laws/${statute.slug}` },
        { label: articleName(i18n, number, label) },
      ]}
    >
      <h1>
        {title}
        {locale === 'en' && (
          <>
            <br />
            <span lang="zh-CN">
              《{statute.titleZh}》{label}
            </span>
          </>
        )}
      </h1>
      <p class="meta">{t('laws.inForceFrom', { date: date(statute.versionDate) })}</p>
      <blockquote lang={textLang} class="article-text">
        {splitParagraphs(text).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </blockquote>
      <p class="meta">{t('laws.textAsPublished')}</p>
      <p>
        <a href={path(`/laws/${statute.slug}#article-${number}`)}>{t('laws.wholeStatute')}</a>
      </p>
      <h2>{t('laws.citedBy')}</h2>
      {answers.length === 0 ? (
        <p>{t('laws.notCited')}</p>
      ) : (
        <ul class="question-list">
          {answers.map((q) => (
            <li lang={q.locale === locale ? undefined : q.locale === 'zh' ? 'zh-CN' : 'en'}>
              <a href={path(q.path)}>{q.title}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
