/**
 * Citations an import kept as text because their statute was not in the library (answer_unresolved_citations)
 * are resolved when that statute arrives: statutes tell inquiry of new statutes inside the statute import's
 * transaction (onStatutesAdded), with every name the parser now reads for them.
 */
import { ownTransaction } from '../../platform/db/tables';
import type { StatuteService, StatutesAddedListener } from '../../statutes';
import type { InquiryDb, InquiryTables } from '../tables';
import { resolveLegalBases } from './citations';
import * as repo from './repository';

export function pendingCitationsListener(
  statutes: StatuteService,
  after: { reindex: (trx: InquiryDb, questionIds: number[]) => Promise<void> },
): StatutesAddedListener {
  return async (shared, added) => {
    const trx = ownTransaction<InquiryTables>(shared);
    // Only texts that name a new statute can change; a name's short form is inside its long forms.
    const names = added.names.filter((n) => n.length >= 2);
    const pending = (await repo.listUnresolvedCitations(trx)).filter((r) => names.some((n) => r.text.includes(n)));
    if (pending.length === 0) return 0;
    const bases = await resolveLegalBases(
      statutes,
      pending.map((r) => r.text),
      shared,
    );
    const cited = await repo.listCitationsOfAnswers(trx, [...new Set(pending.map((r) => r.answer_id))]);
    const positions = new Map<number, number>();
    const seen = new Set<string>();
    for (const c of cited) {
      positions.set(c.answer_id, Math.max(positions.get(c.answer_id) ?? 0, c.position));
      seen.add(`${c.answer_id}:${c.article_id}:${c.paragraph}:${c.item}`);
    }
    let resolved = 0;
    const done: number[] = [];
    const changedAnswers = new Set<number>();
    const rows: Parameters<typeof repo.insertCitations>[1] = [];
    const remaining: Parameters<typeof repo.insertUnresolvedCitations>[1] = [];
    pending.forEach((row, k) => {
      const basis = bases[k]!;
      if (basis.resolved.length === 0) return;
      done.push(row.id);
      remaining.push(...basis.unresolved.map((text) => ({ answer_id: row.answer_id, text })));
      for (const c of basis.resolved) {
        resolved += 1;
        const key = `${row.answer_id}:${c.article_id}:${c.paragraph}:${c.item}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const position = (positions.get(row.answer_id) ?? 0) + 1;
        positions.set(row.answer_id, position);
        rows.push({ ...c, answer_id: row.answer_id, position });
        changedAnswers.add(row.answer_id);
      }
    });
    await repo.insertCitations(trx, rows);
    await repo.deleteUnresolvedCitations(trx, done);
    await repo.insertUnresolvedCitations(trx, remaining);
    const questions = await repo.questionsOfAnswers(trx, [...changedAnswers]);
    await after.reindex(trx, [...new Set(questions.map((q) => q.question_id))]);
    return resolved;
  };
}
