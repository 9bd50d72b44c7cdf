/**
 * The legal-basis sections of a batch of imported answers, resolved against the statute library.
 *
 * A section usually quotes the law after each citation ("《社会保险法》第七十二条 统筹地区设立…"); the quoted
 * text is not stored (the library has it) and references inside it ("依照本法第五条") are not citations
 * of the answer. A citation that does not resolve is kept as plain text with what followed it, for an
 * editor, so nothing the source said is lost.
 */
import type { SharedTransaction } from '../../platform/db/tables';
import type { CitationResolution, StatuteService } from '../../statutes';
import type { CitationSource } from './split';

/** Sections per call of the statute service: one parse and one article lookup for all of them. */
const SECTIONS_PER_CALL = 40;
/** Plain text kept per unresolved citation. */
export const MAX_UNRESOLVED_CHARS = 1000;
/** An unresolved citation in running text is kept up to the end of its sentence, at most this long. */
const MAX_SENTENCE_CHARS = 200;
/**
 * Joins sections into one text for the parser. It parses as a citation of an unknown statute, so a bare
 * "第五条" at the start of the next section cannot borrow the statute of the previous section's last
 * citation (the parser carries the statute forward), and the "。" stops a list from running across.
 */
const SEPARATOR = '\n。《※》第1条。\n';

export interface CitationRow {
  article_id: number;
  paragraph: number | null;
  item: number | null;
  citation_text: string;
}

export interface LegalBasis {
  resolved: CitationRow[];
  unresolved: string[];
}

function cap(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_UNRESOLVED_CHARS ? `${t.slice(0, MAX_UNRESOLVED_CHARS - 1)}…` : t;
}

/** A citation that names no statute itself: 第五条, 本法第五条, "Article 5", "Article 5 of this Law". */
function isBare(raw: string): boolean {
  if (/^[第本此该]/.test(raw)) return !raw.includes('《');
  return /^art/i.test(raw) && (!/\bof\b/i.test(raw) || /\bof\s+(?:this|these)\b/i.test(raw));
}

/**
 * Which citations the answer makes: every one that names its statute, and a bare one only where a new
 * citation can start (start of the section, of a line or sentence, or continuing a list), not inside
 * the quoted article text.
 */
function citationsOfAnswer(section: string, found: CitationResolution[]) {
  const accepted: { c: CitationResolution; start: number; end: number }[] = [];
  for (const c of found) {
    const [start, end] = c.span;
    const before = section.slice(accepted.at(-1)?.end ?? 0, start);
    const startsHere =
      /(?:^|[\n。；;.])[ \t\u3000]*$/.test(before) ||
      (accepted.length > 0 && /^[\s、,，和及与或]*$|^\s*(?:and|or)\s*$/.test(before));
    if (!isBare(c.raw) || startsHere) accepted.push({ c, start, end });
  }
  return accepted;
}

async function resolveJoined(
  statutes: StatuteService,
  texts: string[],
  trx?: SharedTransaction,
): Promise<CitationResolution[][]> {
  const joined = texts.join(SEPARATOR);
  let found: CitationResolution[];
  try {
    found = await statutes.resolveCitations(joined, trx);
  } catch (error) {
    // A very long list of citations can exceed the database's expression limits in one lookup; one section
    // at a time always fits. (Inside a transaction on PostgreSQL a failed statement ends it: no retry there.)
    if (texts.length === 1 || trx) throw error;
    const one: CitationResolution[][] = [];
    for (const t of texts) one.push((await resolveJoined(statutes, [t]))[0]!);
    return one;
  }
  const out: CitationResolution[][] = texts.map(() => []);
  let at = 0;
  let offset = 0;
  for (const c of found) {
    while (at < texts.length - 1 && c.span[0] >= offset + texts[at]!.length)
      [offset, at] = [offset + texts[at]!.length + SEPARATOR.length, at + 1];
    // Spans inside the separator are the separator's own citation.
    if (c.span[0] >= offset && c.span[1] <= offset + texts[at]!.length)
      out[at]!.push({ ...c, span: [c.span[0] - offset, c.span[1] - offset] });
  }
  return out;
}

/**
 * Resolves the legal bases of many answers with one statute-service call per few dozen texts. A text is a
 * legal-basis section (a plain string is one), or the whole answer when it has no such section: then only
 * what it cites counts, and an answer citing nothing has nothing unresolved.
 */
export async function resolveLegalBases(
  statutes: StatuteService,
  sources: (string | CitationSource)[],
  trx?: SharedTransaction,
): Promise<LegalBasis[]> {
  const running = new Set(
    sources.flatMap((s) => (typeof s !== 'string' && !s.labelled && s.text.trim() !== '' ? [s.text] : [])),
  );
  const sections = sources.map((s) => (typeof s === 'string' ? s : s.text));
  const distinct = [...new Set(sections.filter((s) => s.trim() !== ''))];
  const results = new Map<string, LegalBasis>();
  const retry: { section: string; index: number; text: string }[] = [];
  const accepted = new Map<string, ReturnType<typeof citationsOfAnswer>>();
  for (let i = 0; i < distinct.length; i += SECTIONS_PER_CALL) {
    const chunk = distinct.slice(i, i + SECTIONS_PER_CALL);
    const found = await resolveJoined(statutes, chunk, trx);
    chunk.forEach((section, k) => {
      const list = citationsOfAnswer(section, found[k]!);
      accepted.set(section, list);
      // A bare article after a resolved one, which failed only because a reference inside the quoted text
      // ("依照本法…") took the parser's context: it belongs to the statute named before it.
      let statute: string | null = null;
      list.forEach(({ c }, index) => {
        if (c.ok) statute = c.statute.titleZh;
        else if (statute && isBare(c.raw) && !/^[本此该]|\bthis\b|\bthese\b/i.test(c.raw))
          retry.push({ section, index, text: `《${statute}》${c.raw}` });
      });
    });
  }
  if (retry.length > 0) {
    const again = await resolveJoined(
      statutes,
      retry.map((r) => r.text),
      trx,
    );
    retry.forEach((r, k) => {
      const results = again[k]!;
      const fixed = results.length === 1 && results[0]?.ok ? results[0] : null;
      const entry = accepted.get(r.section)![r.index]!;
      if (fixed) entry.c = { ...fixed, raw: entry.c.raw, span: entry.c.span };
    });
  }
  for (const section of distinct)
    results.set(section, toLegalBasis(section, accepted.get(section)!, running.has(section)));
  return sections.map((s) => results.get(s) ?? { resolved: [], unresolved: [] });
}

/** From a citation to the end of its sentence: what an unresolved citation in running text keeps. */
function sentenceFrom(text: string, start: number, citationEnd: number): string {
  const rest = text.slice(citationEnd);
  const stop = /[。；;！？!?\n]/.exec(rest);
  const end = citationEnd + (stop ? stop.index + 1 : rest.length);
  return text.slice(start, Math.min(end, start + MAX_SENTENCE_CHARS));
}

/** `runningText`: the section is the whole answer, not a legal basis (see resolveLegalBases). */
function toLegalBasis(section: string, list: ReturnType<typeof citationsOfAnswer>, runningText = false): LegalBasis {
  if (list.length === 0) return { resolved: [], unresolved: runningText ? [] : [cap(section)] };
  const resolved: CitationRow[] = [];
  const unresolved: string[] = [];
  const seen = new Set<string>();
  list.forEach(({ c, start, end }, i) => {
    if (!c.ok) {
      const next = list[i + 1]?.start ?? section.length;
      unresolved.push(cap(runningText ? sentenceFrom(section.slice(0, next), start, end) : section.slice(start, next)));
      return;
    }
    const key = `${c.article.id}:${c.paragraph}:${c.item}`;
    if (seen.has(key)) return;
    seen.add(key);
    resolved.push({ article_id: c.article.id, paragraph: c.paragraph, item: c.item, citation_text: c.raw.trim() });
  });
  return { resolved, unresolved };
}
