import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders emphasis and lists', () => {
    expect(renderMarkdown('**Yes.**\n\n- one\n- two')).toBe(
      '<p><strong>Yes.</strong></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
    );
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img'],
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](data:text/html'],
  ])('keeps %s inert', (source, expected) => {
    const html = renderMarkdown(source);
    expect(html).toContain(expected);
    expect(html).not.toMatch(/<script|<img|href="javascript:|href="data:/);
  });

  it.each([
    ['**一般不用。**社会保障号码终身不变。', '<strong>一般不用。</strong>社会保障号码'],
    ['可以**先挂失（拨打 12333）**再补办。', '<strong>先挂失（拨打 12333）</strong>再补办'],
  ])('makes emphasis beside Chinese punctuation bold: %s', (source, expected) => {
    const html = renderMarkdown(source);
    expect(html).toContain(expected);
    expect(html).not.toMatch(/\*\*|__/);
  });

  it('marks links nofollow noopener', () => {
    expect(renderMarkdown('[12333](https://www.12333.gov.cn)')).toContain('rel="nofollow noopener noreferrer"');
  });

  it('gives plain text for descriptions', () => {
    expect(markdownToPlainText('**Go** to the [outlet](https://x.cn)\n\nnow')).toBe('Go to the outlet now');
  });
});
