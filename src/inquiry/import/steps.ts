/**
 * Numbered procedure steps inside an answer's analysis: "1." "1、" "1)" "(1)" "（一）" "一、" "第一步" "①"
 * "Step 1". A list is markers of one style numbered 1, 2, 3… in order; a lone "1." or numbers that do not
 * count up are ordinary text. Of several lists the earliest wins, so inner lists stay inside their step.
 */
import type { StepChannel } from '../tables';

/** The answer editor's limits (stepInputSchema): beyond them the "list" is more likely prose. */
const MAX_STEPS = 20;
const MAX_STEP_CHARS = 1000;

// A marker starts the text or follows whitespace or punctuation, so "第1、2条", "23(1)" and "1.5倍" are not steps.
const B = String.raw`(?<=^|[\s:：;；。!！?？,，])`;
const ZH = '[一二三四五六七八九十]{1,3}';

interface Style {
  re: RegExp;
  value: (token: string) => number | null;
}

function zhNumber(token: string): number | null {
  const digits = '一二三四五六七八九';
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(token);
  if (!m || token === '') return null;
  if (!m[2]) return m[1] && !m[3] ? digits.indexOf(m[1]) + 1 : null;
  return (m[1] ? digits.indexOf(m[1]) + 1 : 1) * 10 + (m[3] ? digits.indexOf(m[3]) + 1 : 0);
}
const arabic = (token: string) => Number.parseInt(token, 10);
const anyNumber = (token: string) => (/^\d+$/.test(token) ? arabic(token) : zhNumber(token));

const STYLES: Style[] = [
  { re: new RegExp(`${B}(\\d{1,2})[.．](?![\\d.．])`, 'g'), value: arabic },
  { re: new RegExp(`${B}(\\d{1,2})、`, 'g'), value: arabic },
  { re: new RegExp(`${B}(\\d{1,2})[)）]`, 'g'), value: arabic },
  { re: new RegExp(`${B}[(（](\\d{1,2})[)）]`, 'g'), value: arabic },
  { re: new RegExp(`${B}(${ZH})、`, 'g'), value: zhNumber },
  { re: new RegExp(`${B}[(（](${ZH})[)）]`, 'g'), value: zhNumber },
  { re: new RegExp(`第(${ZH}|\\d{1,2})步[:：，,、.]?`, 'g'), value: anyNumber },
  { re: /[\u2460-\u2473]/g, value: (token) => token.codePointAt(0)! - 0x2460 + 1 },
  { re: /\bstep\s*(\d{1,2})\s*[:：.)]?/gi, value: arabic },
];

interface Marker {
  index: number;
  end: number;
  n: number;
}

/** Markers numbered 1, 2, 3…: never empty. */
type List = [Marker, ...Marker[]];

function markersOf(text: string, style: Style): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(style.re)) {
    const n = style.value(m[1] ?? m[0]);
    if (n !== null && n > 0) out.push({ index: m.index, end: m.index + m[0].length, n });
  }
  return out;
}

/** The first run 1, 2, 3… of a style's markers, skipping markers that do not continue it. */
function firstList(markers: Marker[]): List | null {
  for (let i = 0; i < markers.length; i++) {
    const first = markers[i]!;
    if (first.n !== 1) continue;
    const list: List = [first];
    for (let j = i + 1; j < markers.length; j++) {
      const next = markers[j]!;
      if (next.n === list.length + 1) list.push(next);
    }
    if (list.length >= 2) return list;
  }
  return null;
}

const SENTENCE_END = /[。！？!?]|\.(?=\s|$)/;

function tidy(step: string): string {
  return step.replace(/^[\s:：]+/, '').replace(/[\s;；,，、]+$/, '');
}

export interface FoundSteps {
  /** Text before the first step (the lead-in, often ending "流程：" / "process:"). */
  intro: string;
  steps: { action: string; channel: StepChannel }[];
  /** Text after the last step. */
  tail: string;
}

/**
 * Splits `text` into intro, steps and tail, or returns null when it holds no numbered list. The last step
 * ends at a line break; in one long paragraph, a last step far longer than the others keeps only its first
 * sentence and the rest becomes the tail (scraped pages run the closing remarks into the last step).
 */
export function findSteps(text: string): FoundSteps | null {
  let best: List | null = null;
  for (const style of STYLES) {
    const list = firstList(markersOf(text, style));
    if (
      list &&
      (!best || list[0].index < best[0].index || (list[0].index === best[0].index && list.length > best.length))
    )
      best = list;
  }
  if (!best) return null;
  const pieces = best.map((m, i) => text.slice(m.end, best[i + 1]?.index));
  // One piece per marker, and a list has at least two.
  let last = pieces[pieces.length - 1]!;
  let tail = '';
  const lineBreak = last.search(/\n/);
  if (lineBreak !== -1) [last, tail] = [last.slice(0, lineBreak), last.slice(lineBreak)];
  const others = pieces.slice(0, -1).map((p) => tidy(p).length);
  const average = others.reduce((a, b) => a + b, 0) / others.length;
  const sentence = SENTENCE_END.exec(last);
  if (sentence && last.length > Math.max(2 * average, 200) && sentence.index + 1 < tidy(last).length) {
    tail = last.slice(sentence.index + 1) + tail;
    last = last.slice(0, sentence.index + 1);
  }
  pieces[pieces.length - 1] = last;
  const steps = pieces.map(tidy);
  if (steps.length > MAX_STEPS || steps.some((s) => s === '' || s.length > MAX_STEP_CHARS)) return null;
  return {
    intro: text.slice(0, best[0].index).trim(),
    steps: steps.map((action) => ({ action, channel: channelOf(action) })),
    tail: tail.trim(),
  };
}

// Where a step is done, from the words it uses; the earliest mention wins. Order matters only for ties.
const CHANNEL_WORDS: [StepChannel, RegExp][] = [
  ['hotline', /12333|热线|电话|\b(?:hotline|phone|call)\b/i],
  ['online', /网上|线上|网站|官网|小程序|微信|支付宝|\b(?:app|online|website|internet)\b/i],
  ['bank', /银行|\bbanks?\b/i],
  ['arbitration', /仲裁|\barbitration\b/i],
  ['hospital', /医院|\bhospitals?\b/i],
  ['employer', /用人单位|所在单位|公司|单位|\b(?:employer|company)\b/i],
  [
    'service-outlet',
    /窗口|网点|服务大厅|服务中心|经办机构|社保局|社保中心|人社局|\b(?:outlets?|bureau|office|service cent(?:er|re)|service network)\b/i,
  ],
];

export function channelOf(action: string): StepChannel {
  let best: { channel: StepChannel; at: number } = { channel: 'other', at: Infinity };
  for (const [channel, re] of CHANNEL_WORDS) {
    const at = action.search(re);
    if (at !== -1 && at < best.at) best = { channel, at };
  }
  return best.channel;
}
