import type { MessageKey, MessageParams } from '../platform/web/messages';

/** What is wrong with a citation: a message key (`citation.*`) and its parameters, shown in the reader's words. */
export interface CitationProblem {
  key: MessageKey;
  params?: MessageParams;
}
