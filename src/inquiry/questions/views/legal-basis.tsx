import { useI18n } from '../../../platform/web/i18n';
import { splitParagraphs } from '../../../statutes';
import type { CitationLine } from '../../content/citations';

/**
 * The legal basis of an answer: each cited article opens (details/summary, no JavaScript) to its text as in force,
 * the cited paragraphs marked, with a link to the article in the statute library in the reader's language. The
 * article text is Chinese as published, whatever the page's language.
 */
export function LegalBasis({ citations }: { citations: CitationLine[] }) {
  const { t, path, date, locale } = useI18n();
  return (
    <ul class="legal-basis">
      {citations.map((c) => (
        <li>
          <details>
            <summary>
              {locale === 'zh' ? (
                c.labelZh
              ) : (
                <>
                  {c.label}{' '}
                  <span lang="zh-CN" class="meta">
                    {c.labelZh}
                  </span>
                </>
              )}
            </summary>
            <blockquote lang="zh-CN" class="article-text">
              {splitParagraphs(c.article.text).map((paragraph, index) =>
                c.paragraphs.includes(index + 1) ? (
                  <p>
                    <mark>{paragraph}</mark>
                  </p>
                ) : (
                  <p>{paragraph}</p>
                ),
              )}
            </blockquote>
            <p class="meta">
              {t('answer.articleInForce', { date: date(c.versionDate) })} ·{' '}
              <a href={path(c.path)}>{t('answer.openArticle')}</a>
            </p>
          </details>
        </li>
      ))}
    </ul>
  );
}
