import { markdownToPlainText } from '../../../platform/web/markdown';
import type { QuestionData } from '../page-data';
import type { Answer } from './answer-view';

export interface QaPageLabels {
  /** The absolute URL of the question's page in its own language (where the markup is). */
  url: string;
  /** BCP 47 tag of the question's language. */
  inLanguage: string;
  /** The site's name, as the author of what it ships. */
  siteName: string;
  /** How an asker who chose not to be named is named. */
  anonymous: string;
}

type Author = { '@type': 'Person' | 'Organization'; name: string };

/**
 * Who wrote an answer, from the label stored with it: a person's name on answers experts wrote to questions people
 * asked; on shipped and imported content the label names the editorial team or the collection, an organization.
 */
function answerAuthor(question: QuestionData['question'], answer: Answer): Author {
  return { '@type': question.origin === 'user' ? 'Person' : 'Organization', name: answer.author };
}

function questionAuthor(data: Pick<QuestionData, 'question' | 'answers'>, labels: QaPageLabels): Author {
  const { askedBy } = data.question;
  if (askedBy) return { '@type': 'Person', name: askedBy.anonymous ? labels.anonymous : askedBy.name };
  // Shipped and imported questions were written by whoever wrote their answer.
  return { '@type': 'Organization', name: data.answers[0]?.author ?? labels.siteName };
}

/**
 * schema.org QAPage for Google's Q&A rich result: the question with its author, dates and answer count, the
 * accepted answer (acceptedAnswer) when the asker accepted one, the others as suggestedAnswer, each with its
 * author, dates, helpful votes (upvoteCount) and URL. Google wants at least one answer: a question awaiting one
 * gets no markup (undefined).
 */
export function qaPageJsonLd(data: Pick<QuestionData, 'question' | 'answers'>, labels: QaPageLabels) {
  const { question, answers } = data;
  if (answers.length === 0) return undefined;
  const toAnswer = (a: Answer) => ({
    '@type': 'Answer',
    text: markdownToPlainText(a.analysisMarkdown),
    url: `${labels.url}#a${a.id}`,
    dateCreated: a.publishedAt ?? a.updatedAt,
    datePublished: a.publishedAt ?? a.updatedAt,
    dateModified: a.updatedAt,
    upvoteCount: a.helpfulCount,
    author: answerAuthor(question, a),
    inLanguage: labels.inLanguage,
  });
  const accepted = answers.filter((a) => a.accepted);
  const suggested = answers.filter((a) => !a.accepted);
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    inLanguage: labels.inLanguage,
    mainEntity: {
      '@type': 'Question',
      name: question.title,
      text: question.details || question.title,
      answerCount: answers.length,
      dateCreated: question.createdAt,
      datePublished: question.createdAt,
      author: questionAuthor(data, labels),
      inLanguage: labels.inLanguage,
      url: labels.url,
      ...(accepted[0] ? { acceptedAnswer: toAnswer(accepted[0]) } : {}),
      ...(suggested.length > 0 ? { suggestedAnswer: suggested.map(toAnswer) } : {}),
    },
  };
}
