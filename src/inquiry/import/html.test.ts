import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, toSingleLine } from './html';

describe('htmlToText', () => {
  it('turns <br> into a line break and <p>, <div> into paragraphs, and drops other tags', () => {
    expect(htmlToText('<p>法律分析：<b>先挂失</b></p><p>再补办<br/>第二行</p><div>末行</div>')).toBe(
      '法律分析：先挂失\n\n再补办\n第二行\n\n末行',
    );
  });

  it('numbers the items of an ordered list so they read as steps, and not those of an unordered one', () => {
    expect(htmlToText('Do this:<ol><li>one</li><li>two</li></ol><ul><li>a note</li></ul>')).toBe(
      'Do this:\n\n1. one\n2. two\n\na note',
    );
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('a<script>alert("x")</script>b<style>p{}</style>c<!-- hidden -->d')).toBe('a b c d');
  });

  it('decodes entities once: an escaped tag stays text', () => {
    expect(htmlToText('&lt;script&gt;x&lt;/script&gt; &amp;lt; &#x4E2D;&#25991; &nbsp;&yen;5')).toBe(
      '<script>x</script> &lt; 中文 ¥5',
    );
  });

  it('keeps text that only looks like a tag', () => {
    expect(htmlToText('月工资<3000元，a < b')).toBe('月工资<3000元，a < b');
  });

  it('drops control characters and impossible code points written as references, and keeps unknown names', () => {
    expect(decodeEntities('a&#0;b&#x1b;c &bogus; &#x110000;')).toBe('abc &bogus; ');
  });

  it('tidies whitespace: ideographic spaces, runs of blank lines', () => {
    expect(htmlToText('\u3000\u3000第一段\r\n\r\n\r\n\r\n第二段  结束 ')).toBe('第一段\n\n第二段 结束');
  });

  it('makes one line of a title', () => {
    expect(toSingleLine(' 社保卡\n丢了  怎么办 ')).toBe('社保卡 丢了 怎么办');
  });
});
