/** The statute library. */
export const statutes = {
  'laws.title': 'Statute library',
  'laws.lead':
    'The laws and regulations our answers cite, in Chinese as published. ' +
    'English titles are our own labels; there is no official translation.',
  'laws.inForceFrom': 'Version of {date}',
  'laws.articleCount': '{count} articles',
  'laws.history': 'History',
  'laws.source': 'Source',
  'laws.citedBy': 'Answers that cite this article',
  'laws.notCited': 'No published answer cites this article yet.',
  'laws.wholeStatute': 'The whole statute',
  'laws.article': 'Article {number}',
  'laws.level': 'Level',
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
