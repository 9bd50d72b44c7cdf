/**
 * How the library pages name statutes and articles in the reader's language. The text of the law is Chinese as
 * published in both languages (there is no official translation); only what we call things changes: Chinese pages
 * use the published title and article label (第七十二条), English pages our English title with the published
 * title beside it, and "Article 72".
 */
import type { I18n } from '../../platform/web/i18n';
import type { MessageKey } from '../../platform/web/messages';
import type { SuggestionReason } from '../suggest/suggest';

/** The statute's title on this page: the published one in Chinese, our English label in English. */
export function statuteTitle(i18n: I18n, statute: { titleZh: string; titleEn: string }): string {
  return i18n.locale === 'zh' ? statute.titleZh : statute.titleEn;
}

/** "第七十二条" (the label as published) on Chinese pages, "Article 72" on English ones. */
export function articleName(i18n: I18n, number: number, labelZh: string): string {
  return i18n.locale === 'zh' ? labelZh : i18n.t('laws.article', { number });
}

/**
 * `lang` for the published Chinese text inside a page: needed on English pages so screen readers and fonts switch,
 * nothing on Chinese pages (the page already is zh-CN).
 */
export function publishedTextLang(i18n: I18n): 'zh-CN' | undefined {
  return i18n.locale === 'zh' ? undefined : 'zh-CN';
}

/** The levels the shipped library has (as published: 法律, 行政法规…), named in the catalogue. */
const LEVEL_NAMES: Record<string, MessageKey> = {
  法律: 'laws.levelName.law',
  行政法规: 'laws.levelName.administrativeRegulation',
  部门规章: 'laws.levelName.departmentalRule',
  司法解释: 'laws.levelName.judicialInterpretation',
};

/** A statute's level in the reader's language; one we have no name for is shown as published. */
export function levelName(i18n: I18n, level: string): string {
  const key = LEVEL_NAMES[level];
  return key ? i18n.t(key) : level;
}

/** Why an article was suggested as a question's legal basis, in the reader's words. */
export function suggestionReasonText(i18n: I18n, reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'similar':
      return i18n.t('suggest.reason.similar', { title: reason.question.title });
    case 'text':
      return reason.terms.length > 0
        ? i18n.t('suggest.reason.text', { terms: reason.terms.join(i18n.locale === 'zh' ? '、' : ', ') })
        : i18n.t('suggest.reason.textPlain');
    case 'words':
      return i18n.t('suggest.reason.words', { words: reason.words });
    case 'topic':
      return i18n.t('suggest.reason.topic', { topic: reason.topic.name[i18n.locale] });
    case 'tokens':
      return i18n.t('suggest.reason.tokens');
  }
}
