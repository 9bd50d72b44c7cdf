import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

/**
 * One markdown renderer for all user and editorial text. Raw HTML is off, so tags in the source
 * come out escaped; markdown-it's own link validation refuses javascript:, vbscript: and data: URLs.
 * CommonMark does not see `**一般不用。**社会保障号码` as emphasis (a closing `**` after 。 and before a letter);
 * markdown-it-cjk-friendly makes emphasis beside Chinese punctuation work (docs/decisions/0111).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false }).use(cjkFriendly);

// Links in answers open normally but never pass our referrer or let the target script back into the page.
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Plain text of a markdown source, for meta descriptions and JSON-LD. */
export function markdownToPlainText(source: string): string {
  return source
    .replace(/[*_`#>~]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
