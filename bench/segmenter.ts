/**
 * Chinese segmenter comparison for docs/decisions/0101-chinese-segmentation.md.
 *
 *   npx tsx bench/segmenter.ts [path/to/statutes.json]
 *
 * Corpus: every article's text_zh in the statutes file (default /work/shared/data/statutes/statutes.json, or the
 * STATUTES_JSON environment variable) plus QUERIES below. Segmenters: (a) Intl.Segmenter('zh', word),
 * (b) @node-rs/jieba with its default dictionary, (c) the same plus data/search/dictionary.txt (what the
 * tokeniser uses). Quality: of the occurrences of TERMS in the texts, the share that a segmenter returns as one
 * whole token. Occurrences are found longest-first over both term lists, so 社保 inside 社保卡 counts once, as 社保卡.
 * Speed: characters per second over the statute corpus, after a warm-up pass, best of 3.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { getJieba, readUserDictionary } from '../src/platform/search/analysis';
import { tokeniseForIndex } from '../src/platform/search/tokeniser';

// Realistic questions people type into the Q&A centre (written by us).
const QUERIES = [
  '社保卡丢了怎么办',
  '社保卡丢了怎么补办',
  '医保断缴有什么影响',
  '公积金离职后怎么提取',
  '养老保险断缴了还能补缴吗',
  '失业保险金怎么领取',
  '失业金每个月能领多少钱',
  '工伤认定需要多长时间',
  '工伤认定需要什么材料',
  '社保转移接续怎么办理',
  '跨省转移养老保险关系',
  '异地就医怎么备案',
  '灵活就业人员怎么交社保',
  '缴费基数怎么确定',
  '法定退休年龄是多少岁',
  '养老金怎么计算',
  '生育津贴怎么申领',
  '公司不给交五险一金怎么办',
  '劳动仲裁怎么申请',
  '辞职后社保怎么处理',
  '被辞退有经济补偿吗',
  '试用期单位要交社保吗',
  '医保报销比例是多少',
  '住房公积金可以用来付房租吗',
  '公积金贷款额度怎么算',
  '社会保障卡怎么激活',
  '电子社保卡在哪里申领',
  '12333打不通怎么办',
  '个人账户里的钱能取出来吗',
  '养老保险缴费年限不满15年怎么办',
  '视同缴费年限怎么认定',
  '城乡居民医保和职工医保有什么区别',
  '劳务派遣员工工伤谁负责',
  '职业病怎么认定',
  '伤残津贴怎么发放',
  '丧葬补助金和抚恤金标准',
  '失业登记在哪里办',
  '社保基数可以自己选吗',
  '补缴社保需要什么手续',
  '医保卡借给别人用违法吗',
  '最低工资标准是多少',
  '延迟退休政策什么时候开始',
  '企业年金退休后怎么领',
  '劳动合同到期不续签有补偿吗',
  '社保局上班时间',
  '医保卡挂失怎么办理',
  '一次性伤残补助金怎么算',
  '劳动能力鉴定去哪里申请',
];

// Domain terms whose whole-token rate is measured. IN_DICT are also in data/search/dictionary.txt (so (c) is
// expected to do well on them; the point is how badly (a) and (b) do). HELD_OUT are not in our dictionary: they
// check that adding it does not break segmentation of the words around it.
const IN_DICT = [
  '社保卡',
  '社会保障卡',
  '电子社保卡',
  '社保',
  '社会保险',
  '医保',
  '医保卡',
  '职工医保',
  '城乡居民医保',
  '医疗保险',
  '基本医疗保险',
  '公积金',
  '住房公积金',
  '公积金贷款',
  '养老金',
  '养老保险',
  '基本养老保险',
  '五险一金',
  '断缴',
  '补缴',
  '补办',
  '挂失',
  '异地',
  '异地就医',
  '转移接续',
  '工伤',
  '工伤认定',
  '工伤保险',
  '失业保险',
  '失业金',
  '失业保险金',
  '失业登记',
  '生育保险',
  '生育津贴',
  '灵活就业',
  '灵活就业人员',
  '缴费基数',
  '社保基数',
  '缴费年限',
  '视同缴费',
  '退休',
  '法定退休年龄',
  '延迟退休',
  '劳动仲裁',
  '劳动争议',
  '劳动合同',
  '经济补偿',
  '劳动能力鉴定',
  '伤残津贴',
  '一次性伤残补助金',
  '丧葬补助金',
  '抚恤金',
  '职业病',
  '个人账户',
  '企业年金',
  '劳务派遣',
  '最低工资',
  '试用期',
  '12333',
];
const HELD_OUT = [
  '用人单位',
  '劳动者',
  '医疗保障',
  '社会保险费',
  '经办机构',
  '工资',
  '加班',
  '年休假',
  '仲裁委员会',
  '劳动报酬',
  '缴存',
  '职工',
  '待遇',
  '行政部门',
  '人民法院',
  '材料',
  '手续',
  '标准',
  '单位',
  '区别',
];

const ALL_TERMS = [...IN_DICT, ...HELD_OUT];

type Segment = (text: string) => { token: string; start: number }[];

/** jieba returns strings; recover offsets by walking the input (cut() returns every character, in order). */
function withOffsets(text: string, tokens: string[]): { token: string; start: number }[] {
  const out: { token: string; start: number }[] = [];
  let pos = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, pos);
    if (at < 0) continue;
    out.push({ token, start: at });
    pos = at + token.length;
  }
  return out;
}

const intl = new Intl.Segmenter('zh', { granularity: 'word' });
let t = performance.now();
const jiebaDefault = Jieba.withDict(dict);
const initDefaultMs = performance.now() - t;
t = performance.now();
const jiebaOurs = getJieba();
const initOursMs = performance.now() - t;

const SEGMENTERS: { name: string; segment: Segment }[] = [
  {
    name: '(a) Intl.Segmenter zh',
    segment: (s) => Array.from(intl.segment(s), (x) => ({ token: x.segment, start: x.index })),
  },
  { name: '(b) jieba default dict', segment: (s) => withOffsets(s, jiebaDefault.cut(s, true)) },
  { name: '(c) jieba + our dict', segment: (s) => withOffsets(s, jiebaOurs.cut(s, true)) },
];

/** Longest-first, non-overlapping occurrences of the terms in the text. */
function occurrences(text: string, terms: readonly string[]): { term: string; start: number }[] {
  const sorted = [...terms].sort((x, y) => y.length - x.length);
  const taken = new Uint8Array(text.length);
  const found: { term: string; start: number }[] = [];
  for (const term of sorted) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      if (taken.subarray(at, at + term.length).some((b) => b === 1)) continue;
      taken.fill(1, at, at + term.length);
      found.push({ term, start: at });
    }
  }
  return found;
}

interface Score {
  hit: number;
  total: number;
  misses: Map<string, number>;
}
/** Occurrences are found over both lists together (职工 inside 职工医保 counts as 职工医保), then scored for `terms`. */
function score(texts: readonly string[], terms: readonly string[], segment: Segment): Score {
  const s: Score = { hit: 0, total: 0, misses: new Map() };
  const mine = new Set(terms);
  for (const text of texts) {
    const occ = occurrences(text, ALL_TERMS).filter((o) => mine.has(o.term));
    if (occ.length === 0) continue;
    const whole = new Set(segment(text).map((x) => `${x.start}:${x.token}`));
    for (const o of occ) {
      s.total++;
      if (whole.has(`${o.start}:${o.term}`)) s.hit++;
      else s.misses.set(o.term, (s.misses.get(o.term) ?? 0) + 1);
    }
  }
  return s;
}

/** One timed run = PASSES passes over the corpus (~0.3 s), so a scheduler hiccup moves the result less. */
const PASSES = 5;
function speed(texts: readonly string[], run: (s: string) => unknown): number {
  const chars = PASSES * texts.reduce((n, s) => n + s.length, 0);
  for (const s of texts) run(s); // warm-up
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    for (let p = 0; p < PASSES; p++) for (const s of texts) run(s);
    best = Math.min(best, performance.now() - start);
  }
  return chars / (best / 1000);
}

const path = process.argv[2] ?? process.env.STATUTES_JSON ?? '/work/shared/data/statutes/statutes.json';
const statutes = JSON.parse(readFileSync(path, 'utf8')) as { articles: { text_zh: string | null }[] }[];
const articles = statutes.flatMap((s) => s.articles.map((a) => a.text_zh ?? '')).filter((s) => s.length > 0);
const corpusChars = articles.reduce((n, s) => n + s.length, 0);

const dictTerms = new Set(readUserDictionary().terms);
const notInDict = IN_DICT.filter((x) => !dictTerms.has(x));
if (notInDict.length > 0) throw new Error(`IN_DICT terms missing from dictionary.txt: ${notInDict.join(' ')}`);
if (HELD_OUT.some((x) => dictTerms.has(x))) throw new Error('a HELD_OUT term is in dictionary.txt');

const pct = (s: Score) => (s.total === 0 ? '   n/a' : `${((100 * s.hit) / s.total).toFixed(1).padStart(5)}%`);
const cell = (s: Score) => `${pct(s)} (${s.hit}/${s.total})`.padEnd(22);

console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
console.log(`Corpus: ${articles.length} statute articles, ${corpusChars} characters; ${QUERIES.length} queries`);
console.log(`Terms: ${IN_DICT.length} in our dictionary, ${HELD_OUT.length} held out`);
console.log(`Init: jieba default dict ${initDefaultMs.toFixed(0)} ms; + our dictionary ${initOursMs.toFixed(0)} ms\n`);
console.log(
  'segmenter'.padEnd(26) +
    'statutes, dict terms'.padEnd(22) +
    'queries, dict terms'.padEnd(22) +
    'statutes, held-out'.padEnd(22) +
    'queries, held-out'.padEnd(22) +
    'chars/s (statutes)',
);
const misses = new Map<string, Map<string, number>[]>();
for (const { name, segment } of SEGMENTERS) {
  const rows = [
    score(articles, IN_DICT, segment),
    score(QUERIES, IN_DICT, segment),
    score(articles, HELD_OUT, segment),
    score(QUERIES, HELD_OUT, segment),
  ];
  misses.set(
    name.slice(0, 3),
    rows.map((r) => r.misses),
  );
  const cps = speed(articles, segment);
  console.log(name.padEnd(26) + rows.map(cell).join('') + `${Math.round(cps).toLocaleString('en-US')}`.padStart(12));
}
const full = speed(articles, tokeniseForIndex);
console.log(
  `\nFull tokeniseForIndex (normalise + t2s + jieba + bigrams): ${Math.round(full).toLocaleString('en-US')} chars/s`,
);
const top = (m: Map<string, number>) =>
  [...m]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 8)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ') || '-';
const LABELS = ['statutes, dict terms', 'queries, dict terms', 'statutes, held-out', 'queries, held-out'];
for (const key of ['(b)', '(c)']) {
  for (const [i, label] of LABELS.entries()) {
    console.log(`${key} misses, ${label.padEnd(21)} ${top(misses.get(key)?.[i] ?? new Map())}`);
  }
}
