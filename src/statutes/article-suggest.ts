import { tokeniseForIndexFields, tokeniseQuery } from '../platform/search/tokeniser';

export interface SuggestableArticle {
  slug: string;
  titleZh: string;
  shortTitleEn: string;
  number: number;
  label: string;
  text: string;
}

export interface ArticleSuggestion extends SuggestableArticle {
  score: number;
  /** What an expert types (or the island adds) to cite it. */
  citation: string;
}

const K1 = 1.2;
const B = 0.75;

/**
 * BM25 over the articles in force, in memory: the library is ~1,500 articles, so an inverted index
 * of our own tokens (words and synonym group tokens) builds in a fraction of a second and needs no
 * database index. Used to suggest the legal basis for a question being answered.
 */
export class ArticleIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  constructor(private readonly articles: SuggestableArticle[]) {
    articles.forEach((article, i) => {
      const { words, groups } = tokeniseForIndexFields(article.text);
      const tokens = [...words, ...groups];
      this.lengths.push(tokens.length);
      for (const token of tokens) {
        const list = this.postings.get(token) ?? new Map<number, number>();
        list.set(i, (list.get(i) ?? 0) + 1);
        this.postings.set(token, list);
      }
    });
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  suggest(text: string, limit: number): ArticleSuggestion[] {
    const scores = new Map<number, number>();
    for (const term of tokeniseQuery(text).map((t) => ({ ...t, prefix: false }))) {
      // A term counts once per article: the best of its own word forms and its synonym groups.
      const tokens = new Set([
        ...term.alternatives.filter((a) => !a.bigram && a.source === 'original').flatMap((a) => a.tokens),
        ...term.groups,
      ]);
      const best = new Map<number, number>();
      for (const token of tokens) {
        const list = this.postings.get(token);
        if (!list) continue;
        const idf = Math.log(1 + (this.articles.length - list.size + 0.5) / (list.size + 0.5));
        for (const [doc, tf] of list) {
          const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength);
          const score = (idf * tf * (K1 + 1)) / norm;
          if (score > (best.get(doc) ?? 0)) best.set(doc, score);
        }
      }
      for (const [doc, score] of best) scores.set(doc, (scores.get(doc) ?? 0) + score);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, score]) => {
        // Doc ids are indices into this.articles, assigned in the constructor.
        const article = this.articles[doc]!;
        return { ...article, score: Math.round(score * 100) / 100, citation: `《${article.titleZh}》${article.label}` };
      });
  }
}
