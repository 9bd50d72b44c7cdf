/**
 * Revisions are recorded inside the transaction that publishes or edits an answer: what readers now see of it,
 * numbered from 1 per answer (see CONTEXT.md, "Revision").
 */
import { NotFound } from '../../platform/web/errors';
import type { MessageKey } from '../../platform/web/messages';
import type { StatuteService } from '../../statutes';
import { withArticles } from '../content/citations';
import * as content from '../content/repository';
import type { InquiryDb } from '../tables';
import * as revisionRepo from './repository';

/** One step as a revision keeps it (answer_revisions.steps_json holds a list of these). */
export interface RevisionStep {
  action: string;
  materials: string;
  channel: string;
  where: string;
  duration: string;
}

/** One citation as a revision keeps it: as written, and the article it resolved to (citations_json). */
export interface RevisionCitation {
  citation_text: string;
  statute: string;
  article: number;
  paragraph: number | null;
  item: number | null;
}

type Statutes = Pick<StatuteService, 'describeArticles'>;

/**
 * Notes of revisions the site records itself (not an editor's words) are stored as their message key, so the
 * history shows each reader the note in their language.
 */
export const SYSTEM_NOTES = {
  reverified: 'revisions.systemNote.reverified',
  reviewedAfterImport: 'revisions.systemNote.reviewedAfterImport',
} as const satisfies Record<string, MessageKey>;

/** Such notes stored in English before they were keys. */
const ENGLISH_SYSTEM_NOTES: Record<string, MessageKey> = {
  'Re-verified against the amended law': SYSTEM_NOTES.reverified,
  'Reviewed after import': SYSTEM_NOTES.reviewedAfterImport,
};
const SYSTEM_NOTE_KEYS: ReadonlySet<string> = new Set(Object.values(SYSTEM_NOTES));

/** The message of a note the site wrote, or null for an editor's own note (shown as written). */
export function systemNoteKey(note: string): MessageKey | null {
  if (SYSTEM_NOTE_KEYS.has(note)) return note as MessageKey;
  return ENGLISH_SYSTEM_NOTES[note] ?? null;
}

/** Copies the answer's current content into answer_revisions as the next number. */
export async function snapshot(
  trx: InquiryDb,
  statutes: Statutes,
  answerId: number,
  editorId: number | null,
  note: string,
  createdAt: string,
): Promise<number> {
  const answer = await content.findAnswer(trx, answerId);
  if (!answer) throw new NotFound('error.answer.notFound', { id: answerId });
  const [steps, citationRows, last] = await Promise.all([
    content.listSteps(trx, [answerId]),
    content.listCitations(trx, [answerId]),
    revisionRepo.lastRevisionNumber(trx, answerId),
  ]);
  const citations = await withArticles(statutes, citationRows, trx);
  const stepsJson: RevisionStep[] = steps.map((s) => ({
    action: s.action,
    materials: s.materials,
    channel: s.channel,
    where: s.location,
    duration: s.duration,
  }));
  const citationsJson: RevisionCitation[] = citations.map((c) => ({
    citation_text: c.citation_text,
    statute: c.article.statute.slug,
    article: c.article.number,
    paragraph: c.paragraph,
    item: c.item,
  }));
  const revision = last + 1;
  await revisionRepo.insertRevision(trx, {
    answer_id: answerId,
    revision,
    analysis_md: answer.analysis_md,
    steps_json: JSON.stringify(stepsJson),
    citations_json: JSON.stringify(citationsJson),
    region_code: answer.region_code,
    verified_on: answer.verified_on,
    editor_id: editorId,
    note,
    created_at: createdAt,
  });
  return revision;
}

/**
 * Records what readers now see of a published answer as its next revision (1 when it is first
 * published) and returns the number. Call it inside the transaction that publishes or edits the
 * answer, after its content is written, so the snapshot is exactly what was committed.
 */
export async function recordRevision(
  trx: InquiryDb,
  statutes: Statutes,
  answerId: number,
  editorId: number | null,
  note: string,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  if (!(await revisionRepo.touchAnswer(trx, answerId, at)))
    throw new NotFound('error.answer.notFound', { id: answerId });
  return snapshot(trx, statutes, answerId, editorId, note, at);
}
