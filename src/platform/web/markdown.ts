import MarkdownIt from 'markdown-it';

/**
 * One markdown renderer for all user and editorial text. Raw HTML is off, so tags in the source
 * come out escaped; markdown-it's own link validation refuses javascript:, vbscript: and data: URLs.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

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
