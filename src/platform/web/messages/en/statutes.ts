/** The statute library. */
export const statutes = {
  'laws.title': 'Statute library',
  'laws.lead':
    'The laws and regulations our answers cite, in Chinese as published. ' +
    'English titles are our own labels; there is no official translation.',
  'laws.inForceFrom': 'Version of {date}',
  'laws.articleCount': '{count, plural, one {# article} other {# articles}}',
  'laws.history': 'History',
  'laws.source': 'Source: {source}',
  'laws.citedBy': 'Answers that cite this article',
  'laws.notCited': 'No published answer cites this article yet.',
  'laws.wholeStatute': 'The whole statute',
  'laws.article': 'Article {number}',
  'laws.articleTitle': '{statute}, {article}',
  'laws.level': 'Level: {level}',
  'laws.levelName.law': 'Law',
  'laws.levelName.administrativeRegulation': 'Administrative regulation',
  'laws.levelName.departmentalRule': 'Departmental rule',
  'laws.levelName.judicialInterpretation': 'Judicial interpretation',
  'laws.textAsPublished':
    'The text is the Chinese text as published. There is no official English translation; ' +
    'the English title is our own label.',
  'laws.statuteDescription':
    '{title}: the full text as published, version of {date}, {count, plural, one {# article} other {# articles}}.',
  'laws.articleDescription': '{title}: the text as published (version of {date}) and the answers that cite it.',
  'laws.error.slug': 'a statute address is lower-case letters, digits and hyphens, such as social-insurance-law',
  'laws.error.articleNumber': 'article numbers are whole numbers from 1 to 10,000',
  'citation.error.textMissing': 'give the text to look for citations in',
  'citation.error.textTooLong': 'the text is longer than 10,000 characters',
  'citation.unknownStatute': 'Unknown statute "{name}"',
  'citation.unknownStatuteZh': 'Unknown statute 《{title}》',
  'citation.selfNotSupplied': '"{written}" refers to the enclosing statute, which was not supplied',
  'citation.malformedNumber.article': 'Malformed article number "{raw}"',
  'citation.malformedNumber.paragraph': 'Malformed paragraph number "{raw}"',
  'citation.malformedNumber.item': 'Malformed item number "{raw}"',
  'citation.numberTooSmall.article': 'Article number must be at least 1',
  'citation.numberTooSmall.paragraph': 'Paragraph number must be at least 1',
  'citation.numberTooSmall.item': 'Item number must be at least 1',
  'citation.rangeReversed': 'Article range {from}–{to} is reversed',
  'citation.rangeTooLong': 'Article range {from}–{to} covers more than {max} articles',
  'citation.noStatute': 'No statute named, and no earlier citation in the text names one',
  'citation.precedingUnknown': 'No statute named, and the preceding citation\'s statute "{name}" is unknown',
} as const;
