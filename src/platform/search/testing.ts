/** A kind for the engine's own tests: the questions kind's fields and weights, under a name of its own. */
import { defineSearchKind } from './kinds';
import type { SearchDocument } from './types';

export const TEST_KIND = defineSearchKind({
  name: 'test_doc',
  title: { name: 'title', weight: 10, typicalLength: 12 },
  fields: [
    { name: 'body', weight: 2, typicalLength: 150, bigrams: 'own-column' },
    { name: 'legal', weight: 1, typicalLength: 20, bigrams: 'with-words' },
  ],
  attributes: { topic: 'integer', region: 'text' },
});

/** A test document: title, body and legal basis, with no attributes unless given. */
export function testDocument(
  id: number,
  title: string,
  body = '',
  legal = '',
  attributes: SearchDocument['attributes'] = {},
): SearchDocument {
  return { id, text: { title, body, legal }, attributes };
}
