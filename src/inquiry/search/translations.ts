/**
 * Search results in the reader's language (docs/decisions/0111-chinese-and-english.md, "Search"). The index holds
 * every question of a translation group (an original and its translations), and each document carries the other
 * language's title, so a query often finds two members of one group. The reader gets one line per group: the
 * group's question in their language when it has one, at the best rank any member reached.
 */
import type { SearchHit } from '../../platform/search';
import type { Locale } from '../../platform/web/i18n';

/**
 * A question of a translation group. `translation_of_id` points at the original (never at another translation:
 * the seed and the demo content link translations so), so the group is the original's id.
 */
export interface GroupMember {
  id: number;
  locale: Locale;
  translation_of_id: number | null;
}

export const groupOf = (member: Pick<GroupMember, 'id' | 'translation_of_id'>) => member.translation_of_id ?? member.id;

/**
 * How many of the first results may be reordered for the reader's language (preferReaderLanguage). A fixed
 * number, not the page: every page cuts the same ordering (no result on two pages, none on no page), and the
 * reordering stays at the top, where a reader looks.
 */
export const SAME_LANGUAGE_TOP = 20;

export interface ReaderHit extends SearchHit {
  /** The question to show: the group's question in the reader's language, else the question found. */
  id: number;
  /** The group (its original's id). */
  group: number;
  /** The shown question is in the reader's language. */
  sameLanguage: boolean;
}

/**
 * One hit per translation group, in the engine's order (a group takes the rank of its best-ranked member, and
 * that member's score and matched terms). Hits whose question is gone (deleted meanwhile) are left out.
 */
export function collapseTranslations(hits: SearchHit[], members: GroupMember[], locale: Locale): ReaderHit[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const inReaderLanguage = new Map<number, GroupMember>();
  for (const member of members) {
    if (member.locale !== locale) continue;
    const group = groupOf(member);
    const known = inReaderLanguage.get(group);
    // The original when it is in the reader's language, else the oldest translation.
    if (!known || member.id === group || (known.id !== group && member.id < known.id))
      inReaderLanguage.set(group, member);
  }
  const seen = new Set<number>();
  const collapsed: ReaderHit[] = [];
  for (const hit of hits) {
    const found = byId.get(hit.id);
    if (!found) continue;
    const group = groupOf(found);
    if (seen.has(group)) continue;
    seen.add(group);
    const shown = found.locale === locale ? found : (inReaderLanguage.get(group) ?? found);
    collapsed.push({ ...hit, id: shown.id, group, sameLanguage: shown.locale === locale });
  }
  return collapsed;
}

/**
 * What a result in the other language is worth against one in the reader's, within one tier of the ranking (see
 * preferReaderLanguage).
 */
export const OTHER_LANGUAGE_WEIGHT = 0.8;

/**
 * The reader's language first among the first `top` hits, without overriding the engine's tiers. A tier (a run)
 * is a stretch of consecutive hits matching as many of the query's words with falling scores: one coordination
 * level on SQLite, one stage on PostgreSQL (which ranks a title stage matching all words but one above a body
 * stage matching all, so a sort by matched words would undo it). Within a run, hits are ordered by score with a
 * hit in the other language counted at `otherWeight` of its score, the engine's order breaking ties: a result in
 * the reader's language passes one in the other only when it is nearly as relevant, never from another tier.
 * With `otherWeight` 0 (and positive scores) the reader's language simply comes first. After `top`, engine order.
 */
export function preferReaderLanguage(
  hits: ReaderHit[],
  top = SAME_LANGUAGE_TOP,
  otherWeight = OTHER_LANGUAGE_WEIGHT,
): ReaderHit[] {
  const ordered: ReaderHit[] = [];
  let run: { hit: ReaderHit; rank: number; weighed: number }[] = [];
  const flush = () => {
    run.sort((a, b) => b.weighed - a.weighed || a.rank - b.rank);
    ordered.push(...run.map((r) => r.hit));
    run = [];
  };
  hits.slice(0, top).forEach((hit, rank) => {
    const last = run.at(-1)?.hit;
    if (last && (last.matchedTerms !== hit.matchedTerms || hit.score > last.score)) flush();
    run.push({ hit, rank, weighed: hit.sameLanguage ? hit.score : hit.score * otherWeight });
  });
  flush();
  return ordered.concat(hits.slice(top));
}
