/**
 * Topic and region of an imported question, by rules kept as data: data/topics/rules.json (keywords with
 * weights per topic) and data/places.json (place names per region code). Both work on text already folded
 * by the search tokeniser's normalise (simplified Chinese, lower case, punctuation as spaces).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalise } from '../../platform/search/tokeniser';
import type { Locale } from '../tables';

const keywordsSchema = z.record(z.string().min(1), z.number().positive());
export const topicRulesSchema = z.object({
  fallback: z.string(),
  questionWeight: z.number().positive(),
  answerWeight: z.number().nonnegative(),
  topics: z.record(z.string(), z.object({ zh: keywordsSchema, en: keywordsSchema })),
});
export type TopicRules = z.infer<typeof topicRulesSchema>;

export const placesSchema = z.object({
  places: z.array(z.object({ region: z.string(), zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) })),
});
export type Places = z.infer<typeof placesSchema>;

export const RULES_PATH = 'data/topics/rules.json';
export const PLACES_PATH = 'data/places.json';

export function readTopicRules(path = RULES_PATH): TopicRules {
  return topicRulesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function readPlaces(path = PLACES_PATH): Places {
  return placesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** How much of an answer's analysis is looked at: the topic shows early, and this bounds the work per line. */
const ANALYSIS_CHARS = 600;

/** Cheap folding of the analysis (no traditional→simplified pass, which costs more than the matching). */
function foldAnalysis(text: string): string {
  return text
    .slice(0, ANALYSIS_CHARS)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

type Keyword = { text: string; weight: number; word: boolean };

export class TopicDetector {
  private readonly keywords = new Map<string, Record<Locale, Keyword[]>>();

  /** `order`: topic slugs as data/inquiry/topics.json lists them; ties go to the earlier one. */
  constructor(
    private readonly rules: TopicRules,
    order: string[],
  ) {
    if (!order.includes(rules.fallback)) throw new Error(`topic rules: fallback "${rules.fallback}" is not a topic`);
    for (const slug of Object.keys(rules.topics)) {
      if (!order.includes(slug)) throw new Error(`topic rules: "${slug}" is not a topic`);
    }
    for (const slug of order) {
      const topic = rules.topics[slug] ?? { zh: {}, en: {} };
      const list = (words: Record<string, number>, word: boolean) =>
        Object.entries(words).map(([text, weight]) => ({ text: normalise(text), weight, word }));
      this.keywords.set(slug, { zh: list(topic.zh, false), en: list(topic.en, true) });
    }
  }

  private static score(text: string, keywords: Keyword[]): number {
    let score = 0;
    for (const k of keywords) {
      // An English keyword must start a word ("retire" matches "retirement", not "tired"), so look for " retire".
      if (k.word ? text.includes(` ${k.text}`) : text.includes(k.text)) score += k.weight;
    }
    return score;
  }

  /** `question`: normalised question text; `analysis`: the answer's analysis as imported. */
  detect(question: string, analysis: string, locale: Locale): { slug: string; fallback: boolean } {
    const q = ` ${question}`;
    const a = ` ${foldAnalysis(analysis)}`;
    let best = { slug: this.rules.fallback, score: 0 };
    for (const [slug, byLocale] of this.keywords) {
      const words = byLocale[locale];
      const score =
        TopicDetector.score(q, words) * this.rules.questionWeight +
        TopicDetector.score(a, words) * this.rules.answerWeight;
      if (score > best.score) best = { slug, score };
    }
    return { slug: best.slug, fallback: best.score === 0 };
  }
}

export class PlaceDetector {
  /** Chinese names by first character, longest first, so 内蒙古 is read before anything shorter. */
  private readonly zh = new Map<string, { name: string; region: string }[]>();
  /** English names as word lists, by first word. */
  private readonly en = new Map<string, { words: string[]; region: string }[]>();

  /** `parents`: region code → parent code, from the regions table; every place must name a known region. */
  constructor(
    places: Places,
    private readonly parents: Map<string, string | null>,
  ) {
    for (const p of places.places) {
      if (!parents.has(p.region)) throw new Error(`places: unknown region "${p.region}"`);
      for (const name of p.zh.map(normalise)) {
        const first = name[0];
        // A name that normalises to nothing was filed under no character and could never be found.
        if (first === undefined) continue;
        const list = this.zh.get(first) ?? [];
        list.push({ name, region: p.region });
        this.zh.set(
          first,
          list.sort((x, y) => y.name.length - x.name.length),
        );
      }
      for (const words of p.en.map((n) => normalise(n).split(' '))) {
        // split always returns at least one element.
        const first = words[0]!;
        const list = this.en.get(first) ?? [];
        list.push({ words, region: p.region });
        this.en.set(
          first,
          list.sort((x, y) => y.words.length - x.words.length),
        );
      }
    }
  }

  private isAncestor(code: string, of: string): boolean {
    for (let p = this.parents.get(of) ?? null; p; p = this.parents.get(p) ?? null) if (p === code) return true;
    return false;
  }

  /**
   * The region a normalised question names, or null. Names are read left to right, longest first and without
   * overlap, so 浙江西湖 is 浙江 and not 江西. The most specific wins (深圳 over 广东); a question naming two
   * places of which neither contains the other (moving from 北京 to 上海) names no single region.
   */
  detect(question: string): string | null {
    const found = new Set<string>();
    for (let i = 0; i < question.length; ) {
      const hit = this.zh.get(question[i]!)?.find((c) => question.startsWith(c.name, i));
      if (hit) found.add(hit.region);
      i += hit ? hit.name.length : 1;
    }
    const words = question.split(' ');
    for (let i = 0; i < words.length; ) {
      const hit = this.en.get(words[i]!)?.find((c) => c.words.every((w, k) => words[i + k] === w));
      if (hit) found.add(hit.region);
      i += hit ? hit.words.length : 1;
    }
    const specific = [...found].filter(
      (code) => ![...found].some((other) => other !== code && this.isAncestor(code, other)),
    );
    return specific.length === 1 ? specific[0]! : null;
  }
}
