import { describe, expect, it } from 'vitest';
import { highlightSnippet, highlightWhole } from './snippet';
import { tokeniseQuery } from './tokeniser';

describe('highlightSnippet', () => {
  it('marks English words by their index form', () => {
    const html = highlightSnippet(
      'If you lose your card, report the loss at once.',
      tokeniseQuery('losing cards', { synonyms: false }),
    );
    expect(html).toBe('If you <mark>lose</mark> your <mark>card</mark>, report the loss at once.');
  });

  it('marks Chinese words and synonyms found in the text', () => {
    const html = highlightSnippet('社会保障卡丢失后，先挂失再补办。', tokeniseQuery('社保卡丢了'));
    expect(html).toContain('<mark>社会保障卡</mark>');
    expect(html).toContain('<mark>挂失</mark>');
  });

  it('escapes the text around the marks', () => {
    const html = highlightSnippet('<b>card</b> & more', tokeniseQuery('card', { synonyms: false }));
    expect(html).toBe('&#60;b&#62;<mark>card</mark>&#60;/b&#62; &#38; more');
  });

  it('cuts a long text around the matches', () => {
    const text = `${'word '.repeat(100)}pension here ${'word '.repeat(100)}`;
    const html = highlightSnippet(text, tokeniseQuery('pension', { synonyms: false }), 80);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>pension</mark>');
  });
});

describe('highlightWhole', () => {
  it('keeps the whole text, however far in the match is', () => {
    const title = `I moved to another city for work two years ago and my employer changed: where do I get a new card?`;
    const html = highlightWhole(title, tokeniseQuery('card', { synonyms: false }));
    expect(html.startsWith('I moved to another city')).toBe(true);
    expect(html).not.toContain('…');
    expect(html.endsWith('a new <mark>card</mark>?')).toBe(true);
  });

  it('escapes the text around the marks', () => {
    expect(highlightWhole('<b>card</b>', tokeniseQuery('card', { synonyms: false }))).toBe(
      '&#60;b&#62;<mark>card</mark>&#60;/b&#62;',
    );
  });
});
