import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import type { Locale } from '../../tables';

/** What a list entry needs: lists hold one entry per translation group (repository.ts). */
export interface ListedQuestion {
  id: number;
  title: string;
  locale: Locale;
  path: string;
}

const LANGUAGE_LABELS = { en: 'question.language.en', zh: 'question.language.zh' } as const;

/**
 * Questions as links in the reader's language. An entry in another language (a question not translated yet)
 * says so: its title carries its `lang`, so screen readers switch voice, and a label names the language.
 */
export function QuestionList({ questions }: { questions: ListedQuestion[] }) {
  const { t, path, locale } = useI18n();
  return (
    <ul class="question-list">
      {questions.map((q) =>
        q.locale === locale ? (
          <li>
            <a href={path(q.path)}>{q.title}</a>
          </li>
        ) : (
          <li>
            <a href={path(q.path)} lang={HTML_LANG[q.locale]}>
              {q.title}
            </a>{' '}
            <span class="meta language-label">{t(LANGUAGE_LABELS[q.locale])}</span>
          </li>
        ),
      )}
    </ul>
  );
}
