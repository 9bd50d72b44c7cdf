/**
 * Impact lists: for each document, its salient tokens with a precomputed weight (the "impact"), stored by
 * band so a query reads each token's best documents first and stops after a fixed number
 * (IMPACT_LIST_READ). That part of a query's work is then bounded whatever the corpus size;
 * docs/decisions/0108-search-impact-lists.md says why and what it trades.
 *
 * The impact is BM25's per-field term weight without the idf: term-frequency saturation and length
 * normalisation, times the field weight. The idf belongs to the corpus, not the document, so it is applied
 * at query time (idf below).
 */

const K1 = 1.2;
const B = 0.75;
/** Impacts are stored as integers: hundredths. */
export const IMPACT_SCALE = 100;
/**
 * A document keeps every token of its title and aliases, and its this-many highest-impact other tokens.
 * The rest (words said once in a long body) are left to the full-text index (see sqlite-engine.ts).
 */
export const BODY_TOKENS_KEPT = 16;
/** A query reads at most this many documents from each token's list. */
export const IMPACT_LIST_READ = 1000;

/**
 * A field's weight and typical length in tokens (the kind's: src/platform/search/kinds.ts). The length is a fixed
 * constant, not the live average: impacts are stored, and must not all change as the corpus grows. The questions
 * kind: title with aliases 10 × ~12 tokens, body 2 × ~150, legal basis 1 × ~20 (the FTS ranking's weights).
 */
export interface ImpactField {
  weight: number;
  typicalLength: number;
}

/**
 * What a match found only by the full-text index is worth: a word said once in the first text field (the body)
 * at its typical length (its impact would be the field's weight × 1), halved because the token was not among the
 * document's salient ones, or matched only as a bigram. `fields`: the title first, then the text fields.
 */
export function unlistedImpact(fields: readonly ImpactField[]): number {
  return (fields[1] ?? fields[0]!).weight * 0.5 * IMPACT_SCALE;
}

function saturation(tf: number, length: number, typicalLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / typicalLength));
}

export interface Impact {
  token: string;
  impact: number;
}

/**
 * The impact rows of one document: `fields` are the tokens of its title and of each text field, in the kind's
 * order (words and synonym group tokens; bigrams stay in the full-text index only), weighted by `specs`.
 */
export function impactsOf(fields: readonly string[][], specs: readonly ImpactField[]): Impact[] {
  const weights = new Map<string, number>();
  for (let f = 0; f < fields.length; f++) {
    const tokens = fields[f]!;
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    const { weight, typicalLength } = specs[f]!;
    for (const [token, tf] of counts) {
      weights.set(token, (weights.get(token) ?? 0) + weight * saturation(tf, tokens.length, typicalLength));
    }
  }
  const inTitle = new Set(fields[0]);
  const title: Impact[] = [];
  // The BODY_TOKENS_KEPT best of the rest, kept sorted as they come (a few hundred tokens, 16 kept).
  const rest: Impact[] = [];
  const ranksAbove = (a: Impact, b: Impact) => a.impact > b.impact || (a.impact === b.impact && a.token < b.token);
  for (const [token, w] of weights) {
    const entry = { token, impact: Math.max(1, Math.round(w * IMPACT_SCALE)) };
    if (inTitle.has(token)) {
      title.push(entry);
      continue;
    }
    if (rest.length === BODY_TOKENS_KEPT && !ranksAbove(entry, rest[rest.length - 1]!)) continue;
    let at = rest.length;
    while (at > 0 && ranksAbove(entry, rest[at - 1]!)) at--;
    rest.splice(at, 0, entry);
    if (rest.length > BODY_TOKENS_KEPT) rest.pop();
  }
  return title.concat(rest);
}

/**
 * Impacts are stored in bands (a geometric scale, each band 50 % above the one below), so one index row
 * holds all of a document's tokens of one band: rowid = band × BAND_STRIDE + document id. Reading a
 * token's rows by descending rowid gives its documents from the highest impact down.
 */
const BAND_RATIO = 1.5;
export const MAX_BAND = 24;
/** Document ids stay below this (2^32); band × stride + id stays an exact JavaScript number. */
export const BAND_STRIDE = 2 ** 32;

export function bandOf(impact: number): number {
  return Math.min(MAX_BAND, Math.max(0, Math.floor(Math.log(impact) / Math.log(BAND_RATIO))));
}

const BAND_IMPACTS = Array.from({ length: MAX_BAND + 1 }, (_, band) => BAND_RATIO ** (band + 0.5));

/** The impact a band stands for (its geometric middle). Read for every list entry a query reads: a table. */
export function bandImpact(band: number): number {
  return BAND_IMPACTS[band]!;
}

export interface ImpactRow {
  band: number;
  tokens: string[];
}

export function impactRows(impacts: Impact[]): ImpactRow[] {
  const byBand = new Map<number, string[]>();
  for (const { token, impact } of impacts) {
    const band = bandOf(impact);
    const tokens = byBand.get(band);
    if (tokens) tokens.push(token);
    else byBand.set(band, [token]);
  }
  return [...byBand].sort((a, b) => a[0] - b[0]).map(([band, tokens]) => ({ band, tokens }));
}

/** Impact rows as one string ("band token token…" per line), so a worker thread can hand them back. */
export function serialiseImpactRows(rows: ImpactRow[]): string {
  return rows.map((r) => `${r.band} ${r.tokens.join(' ')}`).join('\n');
}

export function parseImpactRows(text: string): ImpactRow[] {
  if (!text) return [];
  return text.split('\n').map((line) => {
    const [band, ...tokens] = line.split(' ');
    return { band: Number(band), tokens };
  });
}

/**
 * BM25's idf, with `listed` (how many documents list the token, as read: at most IMPACT_LIST_READ) in place
 * of the document frequency. Lists hold a document's salient tokens only, so a word common in bodies but
 * salient in few counts as rarer than it is; common tokens are capped at ln(documents / IMPACT_LIST_READ),
 * below every rare token, as they should be.
 */
export function idf(documents: number, listed: number): number {
  const n = Math.max(documents, listed);
  return Math.log(1 + (n - listed + 0.5) / (listed + 0.5));
}
