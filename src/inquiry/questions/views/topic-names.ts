import type { Locale } from '../../tables';

/** A topic's title and summary in the reader's language. */
export function topicIn(locale: Locale, topic: { title: string; titleZh: string; summary: string; summaryZh: string }) {
  return locale === 'zh'
    ? { title: topic.titleZh, summary: topic.summaryZh }
    : { title: topic.title, summary: topic.summary };
}
