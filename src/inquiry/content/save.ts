import type { ResolvedCitation } from '../../statutes';
import type { InquiryDb } from '../tables';
import { citationValues } from './citations';
import { insertCitations, insertSteps } from './repository';

/** A procedure step as forms and shipped content give it (`where` is stored as `location`). */
export interface StepInputValues {
  action: string;
  materials: string;
  channel: 'service-outlet' | 'online' | 'hotline' | 'bank' | 'employer' | 'arbitration' | 'hospital' | 'other';
  where: string;
  duration: string;
}

/** Writes an answer's steps and resolved citations, in order (call inside the transaction that saves it). */
export async function saveAnswerContent(
  trx: InquiryDb,
  answerId: number,
  steps: StepInputValues[],
  citations: ResolvedCitation[],
) {
  await insertSteps(
    trx,
    answerId,
    steps.map((s) => ({
      action: s.action,
      materials: s.materials,
      channel: s.channel,
      location: s.where,
      duration: s.duration,
    })),
  );
  await insertCitations(trx, answerId, citationValues(citations));
}
