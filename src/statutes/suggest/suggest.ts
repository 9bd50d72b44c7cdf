/**
 * Suggested legal basis: the articles in force a question most likely needs, from every signal there is, each
 * with why it was suggested (docs/decisions/0119-legal-basis-suggestions.md):
 * - similar: answers to similar questions and the articles they cite (told by the module that keeps answers);
 * - text: the article texts (character-bigram BM25, text-index.ts), the query widened with the words table's
 *   statute words;
 * - words: everyday words people use for a rule (data/statutes/keywords.json: 医保断缴 → medical insurance);
 * - topic: the articles answers of the question's topic cite most;
 * - tokens: BM25 over our segmenter's tokens and synonym groups (the earlier suggester; English via synonyms).
 * Each signal's scores are scaled to its best (0–1) and added with a weight.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleIndex } from '../article-suggest';
import { DEFAULT_LIBRARY_DIR } from '../library-files';
import { TextIndex, textTerms } from './text-index';

export const SIGNALS = ['similar', 'text', 'words', 'topic', 'tokens'] as const;
export type Signal = (typeof SIGNALS)[number];

/** Chosen on the labelled set (suggest-quality.test.ts prints what each adds). */
export const SIGNAL_WEIGHTS: Record<Signal, number> = { similar: 0.7, text: 0.8, words: 1, topic: 0.15, tokens: 0.4 };

/** What the module keeping answers knows about a question: its neighbours' citations and its topic's. */
export interface BasisEvidence {
  similar: { articleId: number; weight: number; question: { title: string; path: string; locale: string } }[];
  topic: { slug: string; name: { en: string; zh: string }; articles: { articleId: number; weight: number }[] } | null;
}
export type BasisEvidenceProvider = (text: string, options: { leaveOut?: readonly string[] }) => Promise<BasisEvidence>;

export type SuggestionReason =
  | { kind: 'similar'; question: { title: string; path: string; locale: string } }
  | { kind: 'text'; terms: string[] }
  | { kind: 'words'; words: string }
  | { kind: 'topic'; topic: { slug: string; name: { en: string; zh: string } } }
  | { kind: 'tokens' };

export interface LegalBasisSuggestion {
  slug: string;
  titleZh: string;
  titleEn: string;
  shortTitleEn: string;
  number: number;
  label: string;
  excerpt: string;
  score: number;
  /** What an expert types (or the island adds) to cite it. */
  citation: string;
  reasons: SuggestionReason[];
}

export interface CurrentArticle {
  slug: string;
  titleZh: string;
  titleEn: string;
  shortTitleEn: string;
  shortTitleZh: string;
  number: number;
  label: string;
  chapter: string | null;
  text: string;
}

const keywordsSchema = z.object({
  entries: z.array(
    z.object({
      words: z.array(z.string().min(1)).min(1),
      articles: z.array(z.string().regex(/^[a-z0-9-]+#\d+$/)),
      expand: z.string().optional(),
    }),
  ),
});
export type KeywordTable = z.infer<typeof keywordsSchema>;

export function readKeywordTable(dir = DEFAULT_LIBRARY_DIR): KeywordTable {
  const file = join(dir, 'keywords.json');
  if (!existsSync(file)) return { entries: [] };
  return keywordsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const EXCERPT_CHARS = 90;

function excerptOf(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/** The question's words the article shares (character pairs joined back into runs): why the text matched. */
function sharedTerms(query: string, text: string): string[] {
  const inText = new Set(textTerms(text));
  const shared = [...new Set(textTerms(query))].filter((t) => inText.has(t));
  const runs: string[] = [];
  for (const term of shared) {
    const last = runs.at(-1);
    // Overlapping pairs (社会, 会保) read as one run (社会保).
    if (last && /\p{Script=Han}/u.test(term) && last.endsWith(term[0]!)) runs[runs.length - 1] = last + term.slice(1);
    else runs.push(term);
  }
  return runs.filter((r) => r.length >= 2).slice(0, 4);
}

type Scores = Map<number, { score: number; reasons: SuggestionReason[] }>;

function add(scores: Scores, doc: number, score: number, reason: SuggestionReason | null) {
  const entry = scores.get(doc) ?? { score: 0, reasons: [] };
  entry.score += score;
  if (reason && !entry.reasons.some((r) => JSON.stringify(r) === JSON.stringify(reason))) entry.reasons.push(reason);
  scores.set(doc, entry);
}

/** Each signal's raw scores scaled to its best, so no signal's units decide. */
function scaled(raw: Map<number, number>): Map<number, number> {
  const best = Math.max(0, ...raw.values());
  return new Map(best > 0 ? [...raw].map(([doc, s]) => [doc, s / best]) : []);
}

/** The articles in force, indexed once per library change, and the signals that need only them. */
export class LegalBasisSuggester {
  private readonly byKey = new Map<string, number>();
  private readonly text: TextIndex;
  private readonly tokens: ArticleIndex;

  constructor(
    private readonly articles: CurrentArticle[],
    private readonly keywords: KeywordTable,
  ) {
    articles.forEach((a, i) => {
      this.byKey.set(`${a.slug}#${a.number}`, i);
    });
    // The statute's short title and chapter belong to the article: 工伤 in the title of the work injury regulations.
    this.text = new TextIndex(articles.map((a) => `${a.shortTitleZh} ${a.chapter ?? ''} ${a.text}`));
    this.tokens = new ArticleIndex(
      articles.map((a) => ({
        slug: a.slug,
        titleZh: a.titleZh,
        shortTitleEn: a.shortTitleEn,
        number: a.number,
        label: a.label,
        text: a.text,
      })),
    );
  }

  indexOf(slug: string, number: number): number | undefined {
    return this.byKey.get(`${slug}#${number}`);
  }

  /** The words table's entries a question uses (case and width folded). */
  private matchedWords(query: string) {
    const folded = query.normalize('NFKC').toLowerCase();
    return this.keywords.entries.flatMap((entry) => {
      const word = entry.words.find((w) => folded.includes(w.normalize('NFKC').toLowerCase()));
      return word ? [{ entry, word }] : [];
    });
  }

  /**
   * The best `limit` articles for `query`. `evidence` are the similar questions' and topic's articles, already
   * turned into indices of this.articles by the caller; `signals` leaves signals out (to measure each).
   */
  suggest(
    query: string,
    evidence: {
      similar: { doc: number; weight: number; question: BasisEvidence['similar'][number]['question'] }[];
      topic: { doc: number; weight: number }[];
      topicName: { slug: string; name: { en: string; zh: string } } | null;
    },
    limit: number,
    signals: ReadonlySet<Signal> = new Set(SIGNALS),
  ): LegalBasisSuggestion[] {
    const scores: Scores = new Map();
    const words = signals.has('words') || signals.has('text') ? this.matchedWords(query) : [];
    if (signals.has('words')) {
      const raw = new Map<number, number>();
      const why = new Map<number, string>();
      for (const { entry, word } of words)
        entry.articles.forEach((key, rank) => {
          const [slug, n] = key.split('#');
          const doc = this.indexOf(slug!, Number(n));
          if (doc === undefined) return;
          // The first articles of an entry are its main rule.
          raw.set(doc, (raw.get(doc) ?? 0) + 1 / (1 + 0.15 * rank));
          why.set(doc, word);
        });
      for (const [doc, s] of scaled(raw))
        add(scores, doc, SIGNAL_WEIGHTS.words * s, { kind: 'words', words: why.get(doc)! });
    }
    if (signals.has('text')) {
      const widened = [query, ...words.map((w) => w.entry.expand ?? '')].join(' ');
      const found = this.text.search(widened, 60);
      const raw = new Map(found.map((f) => [f.doc, f.score]));
      for (const [doc, s] of scaled(raw)) add(scores, doc, SIGNAL_WEIGHTS.text * s, { kind: 'text', terms: [] });
    }
    if (signals.has('tokens')) {
      const found = this.tokens.suggest(query, 30);
      const raw = new Map<number, number>();
      for (const f of found) {
        const doc = this.indexOf(f.slug, f.number);
        if (doc !== undefined) raw.set(doc, f.score);
      }
      for (const [doc, s] of scaled(raw)) add(scores, doc, SIGNAL_WEIGHTS.tokens * s, { kind: 'tokens' });
    }
    if (signals.has('similar')) {
      const raw = new Map<number, number>();
      const from = new Map<number, BasisEvidence['similar'][number]['question']>();
      for (const s of evidence.similar) {
        raw.set(s.doc, (raw.get(s.doc) ?? 0) + s.weight);
        if (!from.has(s.doc)) from.set(s.doc, s.question);
      }
      for (const [doc, s] of scaled(raw))
        add(scores, doc, SIGNAL_WEIGHTS.similar * s, { kind: 'similar', question: from.get(doc)! });
    }
    if (signals.has('topic') && evidence.topicName) {
      const raw = new Map(evidence.topic.map((t) => [t.doc, t.weight]));
      for (const [doc, s] of scaled(raw))
        add(scores, doc, SIGNAL_WEIGHTS.topic * s, { kind: 'topic', topic: evidence.topicName });
    }
    return [...scores]
      .filter(([, e]) => e.score > 0)
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, e]) => {
        const a = this.articles[doc]!;
        return {
          slug: a.slug,
          titleZh: a.titleZh,
          titleEn: a.titleEn,
          shortTitleEn: a.shortTitleEn,
          number: a.number,
          label: a.label,
          excerpt: excerptOf(a.text),
          score: Math.round(e.score * 1000) / 1000,
          citation: `《${a.titleZh}》${a.label}`,
          // Strongest evidence first: a similar answer says more than shared words.
          reasons: e.reasons
            .map((r) => (r.kind === 'text' ? { kind: 'text' as const, terms: sharedTerms(query, a.text) } : r))
            .sort((x, y) => SIGNALS.indexOf(x.kind) - SIGNALS.indexOf(y.kind)),
        };
      });
  }
}
