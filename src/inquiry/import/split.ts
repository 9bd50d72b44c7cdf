/**
 * Splits an imported answer's text into what our answers are made of: the legal analysis, numbered
 * procedure steps, background (closing remarks after the steps) and the legal-basis section, whose
 * citations are resolved separately (citations.ts). Handles the common Chinese form "法律分析：… 法律依据：
 * 《…》第…条 …" (also 回答： / 解答： / 【法律依据】) and the English "Legal analysis: … Legal basis: …".
 */
import type { StepChannel } from '../tables';
import { findSteps } from './steps';

const ANALYSIS_LABELS = [
  '法律分析',
  '律师分析',
  '律师解答',
  '律师回答',
  '回答',
  '解答',
  '分析',
  '答',
  'legal analysis',
  'analysis',
  'answer',
];
const BASIS_LABELS = [
  '法律依据',
  '相关法律规定',
  '相关法律依据',
  '法律规定',
  '相关规定',
  '法条依据',
  '依据',
  'legal basis',
  'legal bases',
  'legal references',
  'legal reference',
  'relevant provisions',
  'relevant laws',
];
const LABELS = [...ANALYSIS_LABELS, ...BASIS_LABELS].sort((a, b) => b.length - a.length).join('|');
/**
 * A label starts the text or a line, or follows the end of a sentence ("…办理。法律依据：…"); inside a sentence
 * ("具体分析：", "The short answer:") it is ordinary text. 【label】 needs no colon.
 */
const LABEL = new RegExp(
  `(?<=^|\\n|[。！？!?；;.]\\s{0,3})[ \\t]*(?:【(${LABELS})】[ \\t]*[:：]?|(${LABELS})[ \\t]*[:：])`,
  'gi',
);

export interface Sections {
  analysis: string;
  legalBasis: string;
}

/** Text before any label is analysis; several sections of one kind are joined in order. */
export function splitSections(text: string): Sections {
  const analysis: string[] = [];
  const basis: string[] = [];
  let kind: 'analysis' | 'basis' = 'analysis';
  let from = 0;
  const flush = (to: number) => {
    const piece = text.slice(from, to).trim();
    if (piece) (kind === 'analysis' ? analysis : basis).push(piece);
  };
  for (const m of text.matchAll(LABEL)) {
    flush(m.index);
    const label = (m[1] ?? m[2]!).toLowerCase();
    kind = BASIS_LABELS.includes(label) ? 'basis' : 'analysis';
    from = m.index + m[0].length;
  }
  flush(text.length);
  return { analysis: analysis.join('\n\n'), legalBasis: basis.join('\n') };
}

/**
 * Plain text as markdown that renders as the same text: characters markdown would read as emphasis, code,
 * links or HTML are escaped, and so are line starts it would read as headings, quotes or lists. Every line
 * becomes a paragraph, as the <br>/<p> it came from meant.
 */
export function plainTextToMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>~|&]/g, '\\$&')
        .replace(/^([#=+-])/, '\\$1')
        .replace(/^(\d{1,9})([.)])/, '$1\\$2'),
    )
    .join('\n\n');
}

export interface SplitAnswer {
  /** Markdown of the legal analysis; never empty. */
  analysis: string;
  /** Markdown of the text after the steps, or null. */
  background: string | null;
  steps: { action: string; channel: StepChannel }[];
  /** Plain text of the legal-basis section ('' when there is none). */
  legalBasis: string;
  /**
   * Where the answer's citations are looked for: its legal-basis section, or, when it has none, the whole answer
   * (lawyers often cite in the running text: "根据《劳动合同法》第四十六条规定，…").
   */
  citationSource: CitationSource;
}

export interface CitationSource {
  text: string;
  /** The text is a legal-basis section (everything in it is about the law), not the whole answer. */
  labelled: boolean;
}

/** The parts of an answer, or null when it has no analysis (it only quotes the law). */
export function splitAnswer(text: string): SplitAnswer | null {
  const sections = splitSections(text);
  if (sections.analysis === '') return null;
  const citationSource: CitationSource =
    sections.legalBasis.trim() === ''
      ? { text: sections.analysis, labelled: false }
      : { text: sections.legalBasis, labelled: true };
  const found = findSteps(sections.analysis);
  // Steps need a lead-in to hang from; an answer that is nothing but a list keeps it as its analysis.
  if (!found || found.intro === '') {
    return {
      analysis: plainTextToMarkdown(sections.analysis),
      background: null,
      steps: [],
      legalBasis: sections.legalBasis,
      citationSource,
    };
  }
  return {
    analysis: plainTextToMarkdown(found.intro),
    background: found.tail ? plainTextToMarkdown(found.tail) : null,
    steps: found.steps,
    legalBasis: sections.legalBasis,
    citationSource,
  };
}
