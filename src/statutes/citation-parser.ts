import { chineseNumeralToInt } from './chinese-numerals';
import {
  at,
  EN_DASH,
  EN_OF,
  EN_PAREN,
  EN_SEP,
  EN_TO,
  enArticle,
  enPreForm,
  expandRange,
  ORD,
  type Part,
  sibling,
  ZH_ITEM,
  ZH_PARA,
  ZH_RANGE,
  ZH_SEP,
  zhArticle,
} from './citation-parts';
import type { CitationProblem } from './citation-problem';
import {
  buildIndex,
  fold,
  matchAfterOf,
  matchBackward,
  matchForward,
  matchZhBefore,
  type Named,
  type Scan,
  type StatuteName,
} from './statute-names';

export { type CatalogueEntry, type StatuteName, statuteNamesFromCatalogue } from './statute-names';
export type { CitationProblem };
export { chineseNumeralToInt };

/**
 * Spans: a list such as "Articles 10 and 12 of the Labour Contract Law" yields
 * non-overlapping spans so each citation can be linked separately. The shared
 * prefix (keyword, or a statute named before) belongs to the first citation, the
 * shared trailing "of the … Law" to the last, and separators to none:
 * "Articles 10" | "12 of the Labour Contract Law". Citations expanded from one
 * range ("Articles 36–38") all share the span of that range.
 */
export interface ParsedCitation {
  raw: string;
  span: [number, number];
  statuteSlug: string | null;
  statuteText: string | null;
  article: number | null;
  paragraph: number | null;
  item: number | null;
  /** What is wrong with the citation, in order; empty when nothing is. */
  problems: CitationProblem[];
}

// ---- groups ---------------------------------------------------------------------

interface Group {
  end: number;
  parts: Part[];
  statute: Named | null;
}

const EN_BARE_TRAIL = /\s*,?\s*/y;

function parseGroup(sc: Scan, pos: number, minPos: number): Group | null {
  const { text } = sc;
  const zh = text[pos] === '第';
  let parts: Part[];
  let plural = false;
  if (zh) {
    const first = zhArticle(text, pos);
    if (!first) return null;
    parts = [first];
  } else {
    const pre = enPreForm(text, pos);
    const first = pre ? null : enArticle(text, pos, true);
    if (!pre && !first) return null;
    parts = [pre ?? first!.part];
    plural = first?.plural ?? false;
  }
  let end = parts[0]!.end;
  // Where a keyword-less number first continued a singular "Article" list ("Article 7 and 12 …").
  let bareFrom: { index: number; end: number } | null = null;
  const trailingOf = () => (at(EN_OF, text, end) ? matchAfterOf(sc, EN_OF.lastIndex) : null);
  for (;;) {
    const last = parts[parts.length - 1]!;
    const bare = last.paragraph === null && last.item === null;
    // Ranges only between bare articles: "第三十六条至第三十八条", "Articles 36–38".
    const rangeStart = !bare
      ? null
      : zh
        ? at(ZH_RANGE, text, end)
          ? ZH_RANGE.lastIndex
          : null
        : at(EN_DASH, text, end)
          ? EN_DASH.lastIndex
          : plural && at(EN_TO, text, end)
            ? EN_TO.lastIndex
            : null;
    const to =
      rangeStart === null
        ? null
        : zh
          ? zhArticle(text, rangeStart)
          : (enArticle(text, rangeStart, false)?.part ?? null);
    if (to && to.paragraph === null && to.item === null) {
      parts.splice(parts.length - 1, 1, ...expandRange(last, to));
      end = to.end;
      continue;
    }
    // "Article 5 of the Labour Law, Article 10 of …": a named statute closes the list.
    if (!zh && trailingOf()) break;
    const sep = zh ? ZH_SEP : EN_SEP;
    if (!at(sep, text, end)) break;
    const s = sep.lastIndex;
    let next: Part | null = null;
    if (zh) {
      next = zhArticle(text, s);
      const sub = next
        ? null
        : last.item !== null
          ? at(ZH_ITEM, text, s)
          : last.paragraph !== null
            ? at(ZH_PARA, text, s)
            : null;
      if (sub) next = sibling(last, last.item !== null ? 'item' : 'paragraph', sub[1]!, s, sub.index + sub[0].length);
    } else {
      const art = enArticle(text, s, false);
      if (art) {
        if (!art.kw && !plural) bareFrom ??= { index: parts.length, end };
        next = art.part;
        plural ||= art.plural;
      }
      const paren = !next && !bare ? at(EN_PAREN, text, s) : null;
      if (paren) next = sibling(last, last.item !== null ? 'item' : 'paragraph', paren[1]!, s, EN_PAREN.lastIndex);
    }
    if (!next) break;
    parts.push(next);
    end = next.end;
  }
  let statute: Named | null = null;
  if (zh) {
    statute = matchZhBefore(sc, pos, minPos);
  } else {
    statute = trailingOf();
    // Only a statute named after the list licenses "Article 7 and 12"; otherwise "12 months" is no citation.
    if (!statute && bareFrom) {
      parts = parts.slice(0, bareFrom.index);
      end = bareFrom.end;
      statute = trailingOf();
    }
    if (!statute) {
      let j = pos;
      while (j > minPos && /[\s,:]/.test(text[j - 1]!)) j--;
      statute = j > minPos ? matchBackward(sc, j, minPos) : null;
    }
    // A known name right after the article ("Art. 23(2) Labour Law") is the last resort.
    if (!statute && at(EN_BARE_TRAIL, text, end)) statute = matchForward(sc, EN_BARE_TRAIL.lastIndex);
  }
  const start = statute && statute.start < pos ? statute.start : pos;
  const groupEnd = statute && statute.end > end ? statute.end : end;
  const [firstStart, lastEnd] = [parts[0]!.start, end];
  for (const p of parts) {
    if (p.start === firstStart) p.start = start;
    if (p.end === lastEnd) p.end = groupEnd;
  }
  return { end: groupEnd, parts, statute };
}

const TRIGGER = new RegExp(
  `第|\\b(?:art(?:icle)?s?|para(?:graph)?|item|sub-?paragraph|clause|` +
    `(?:${ORD.join('|')})\\s+(?:paragraph|item|sub-?paragraph|clause))\\b`,
  'gi',
);
const NO_STATUTE: CitationProblem = { key: 'citation.noStatute' };

export interface ParseOptions {
  /** Slug of the statute the text belongs to, so 本法 / 本条例 / "this Law" can be resolved. */
  selfSlug?: string | null;
}

/**
 * Finds every article citation in `text`, in order. A citation that names no statute
 * takes the statute of the closest preceding one; 本法 / "this Law" resolve only via
 * `options.selfSlug`. Problems are reported in `problems`, never thrown.
 */
export function parseCitations(text: string, statutes: StatuteName[], options: ParseOptions = {}): ParsedCitation[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const sc: Scan = { text, f: fold(text), idx: buildIndex(statutes ?? []), self: options?.selfSlug ?? null };
  const out: ParsedCitation[] = [];
  // Context: a citation without a statute inherits from the closest preceding citation.
  let ctx: { slug: string | null; unknown: string | null } | null = null;
  let consumed = 0;
  const trigger = new RegExp(TRIGGER.source, TRIGGER.flags);
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    const g = parseGroup(sc, m.index, consumed);
    if (!g) {
      trigger.lastIndex = m.index + 1;
      continue;
    }
    for (const p of g.parts) {
      const problems = [...p.problems];
      let slug: string | null = null;
      if (g.statute) {
        slug = g.statute.slug;
        if (g.statute.problem) problems.unshift(g.statute.problem);
        ctx = { slug, unknown: slug ? null : g.statute.text };
      } else if (ctx?.slug) {
        slug = ctx.slug;
      } else {
        problems.unshift(
          ctx?.unknown ? { key: 'citation.precedingUnknown', params: { name: ctx.unknown } } : NO_STATUTE,
        );
      }
      out.push({
        raw: text.slice(p.start, p.end),
        span: [p.start, p.end],
        statuteSlug: slug,
        statuteText: g.statute?.text ?? null,
        article: p.article,
        paragraph: p.paragraph,
        item: p.item,
        problems,
      });
    }
    consumed = g.end;
    trigger.lastIndex = g.end;
  }
  return out;
}
