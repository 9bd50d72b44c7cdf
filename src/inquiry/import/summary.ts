/**
 * What an import did, counted over the whole file: a resumed run starts from the counts its earlier
 * attempts stored with import_runs, so the summary at the end covers every line exactly once.
 * Invariant: read = imported + aliases + duplicates + skipped.total.
 */
import { SKIP_REASONS, type SkipReason } from './record';

/** Line numbers listed per skip reason; the count is always complete. */
export const MAX_LISTED_LINES = 20;
/** Unresolved citations listed in the summary; every one is stored (answer_unresolved_citations) for editors. */
export const MAX_LISTED_CITATIONS = 200;

/** A citation the import could not resolve: the line it came from and the text kept for an editor. */
export interface UnresolvedCitationLine {
  line: number;
  text: string;
}

export interface ImportCounts {
  /** Lines with content looked at (blank lines are not counted). */
  read: number;
  imported: number;
  /** Near-duplicates stored as another phrasing of an existing question. */
  aliases: number;
  duplicates: number;
  skipped: { total: number; byReason: Partial<Record<SkipReason, { count: number; lines: number[] }>> };
  citations: {
    resolved: number;
    unresolved: number;
    answersWithUnresolved: number;
    /** Imported answers left with no resolved citation: their pages say they have no legal basis. */
    answersWithoutBasis: number;
    /** The unresolved citations, in file order (the first MAX_LISTED_CITATIONS; `unresolved` counts them all). */
    unresolvedListed: UnresolvedCitationLine[];
  };
  /** Questions no topic rule matched, filed under the fallback topic. */
  topicFallback: number;
  /** Questions whose region came from a place they name (the rest got --region or CN). */
  regionDetected: number;
}

export interface ImportSummary extends ImportCounts {
  source: string;
  file: string;
  sha256: string;
  /** Lines in the file. */
  lines: number;
  /** Where this run started: lines before it were done by an earlier, interrupted run. */
  resumedAfterLine: number;
  /** The file had been imported completely before from this source: nothing was done. */
  alreadyFinished: boolean;
  seconds: number;
}

export function emptyCounts(): ImportCounts {
  return {
    read: 0,
    imported: 0,
    aliases: 0,
    duplicates: 0,
    skipped: { total: 0, byReason: {} },
    citations: { resolved: 0, unresolved: 0, answersWithUnresolved: 0, answersWithoutBasis: 0, unresolvedListed: [] },
    topicFallback: 0,
    regionDetected: 0,
  };
}

/** Counts stored by an earlier attempt, or empty ones; anything unreadable starts from zero. */
export function countsFromJson(json: string): ImportCounts {
  try {
    const parsed = JSON.parse(json) as Partial<ImportCounts>;
    if (typeof parsed.read !== 'number') return emptyCounts();
    const empty = emptyCounts();
    // Counts stored before a field existed lack it: it starts from zero.
    return { ...empty, ...parsed, citations: { ...empty.citations, ...parsed.citations } };
  } catch {
    return emptyCounts();
  }
}

/** The counts of `a` followed by those of `b` (listed lines stay in order, capped), as a new object. */
export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  const byReason: ImportCounts['skipped']['byReason'] = structuredClone(a.skipped.byReason);
  for (const [reason, entry] of Object.entries(b.skipped.byReason) as [
    SkipReason,
    { count: number; lines: number[] },
  ][]) {
    byReason[reason] ??= { count: 0, lines: [] };
    const sum = byReason[reason];
    sum.count += entry.count;
    sum.lines = sum.lines.concat(entry.lines).slice(0, MAX_LISTED_LINES);
  }
  return {
    read: a.read + b.read,
    imported: a.imported + b.imported,
    aliases: a.aliases + b.aliases,
    duplicates: a.duplicates + b.duplicates,
    skipped: { total: a.skipped.total + b.skipped.total, byReason },
    citations: {
      resolved: a.citations.resolved + b.citations.resolved,
      unresolved: a.citations.unresolved + b.citations.unresolved,
      answersWithUnresolved: a.citations.answersWithUnresolved + b.citations.answersWithUnresolved,
      answersWithoutBasis: a.citations.answersWithoutBasis + b.citations.answersWithoutBasis,
      unresolvedListed: a.citations.unresolvedListed
        .concat(b.citations.unresolvedListed)
        .slice(0, MAX_LISTED_CITATIONS),
    },
    topicFallback: a.topicFallback + b.topicFallback,
    regionDetected: a.regionDetected + b.regionDetected,
  };
}

export function recordSkip(c: ImportCounts, reason: SkipReason, line: number): void {
  c.skipped.byReason[reason] ??= { count: 0, lines: [] };
  const entry = c.skipped.byReason[reason];
  entry.count += 1;
  if (entry.lines.length < MAX_LISTED_LINES) entry.lines.push(line);
  c.skipped.total += 1;
  c.read += 1;
}

/** The summary as a two-column table for a terminal. */
export function summaryTable(s: ImportSummary): string {
  const rows: [string, string][] = [
    ['source', s.source],
    ['file', `${s.file} (${s.lines} lines, sha256 ${s.sha256.slice(0, 12)}…)`],
  ];
  if (s.alreadyFinished) rows.push(['status', 'already imported from this source: nothing to do']);
  else if (s.resumedAfterLine > 0) rows.push(['resumed', `after line ${s.resumedAfterLine}`]);
  rows.push(
    ['read', String(s.read)],
    ['imported', String(s.imported)],
    ['aliases', String(s.aliases)],
    ['duplicates', String(s.duplicates)],
    ['skipped', String(s.skipped.total)],
  );
  for (const reason of SKIP_REASONS) {
    const entry = s.skipped.byReason[reason];
    if (!entry) continue;
    const more = entry.count > entry.lines.length ? ` and ${entry.count - entry.lines.length} more` : '';
    rows.push([`  ${reason}`, `${entry.count} (line ${entry.lines.join(', ')}${more})`]);
  }
  rows.push(
    ['citations resolved', String(s.citations.resolved)],
    ['citations unresolved', `${s.citations.unresolved} (in ${s.citations.answersWithUnresolved} answers)`],
    ['answers without legal basis', String(s.citations.answersWithoutBasis)],
    ['topic by fallback', String(s.topicFallback)],
    ['region from question', String(s.regionDetected)],
    ['time', `${s.seconds.toFixed(1)} s`],
  );
  const width = Math.max(...rows.map(([k]) => k.length));
  const line = `+${'-'.repeat(width + 2)}+${'-'.repeat(Math.max(...rows.map(([, v]) => v.length)) + 2)}+`;
  const table = [line, ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v.padEnd(line.length - width - 7)} |`), line];
  return [...table, ...unresolvedList(s)].join('\n');
}

/** Every unresolved citation listed (up to MAX_LISTED_CITATIONS) under the table, with its line. */
function unresolvedList(s: ImportSummary): string[] {
  const { unresolved, unresolvedListed } = s.citations;
  if (unresolvedListed.length === 0) return [];
  const more = unresolved - unresolvedListed.length;
  return [
    'unresolved citations:',
    ...unresolvedListed.map((c) => `  line ${c.line}: ${c.text.length > 120 ? `${c.text.slice(0, 119)}…` : c.text}`),
    ...(more > 0 ? [`  and ${more} more (answer_unresolved_citations, /editor/imported)`] : []),
  ];
}
