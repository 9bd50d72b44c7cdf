/**
 * An editor adds a city's contribution period (a new year's notice): a new row set, never an edit of the one
 * before. The period before it (the latest that started earlier) ends the day before the new one starts, so
 * exactly one is in force on any day. The notice becomes a source (`EDITOR_<CITY>_<YYYYMMDD>`) the figures name.
 * One transaction: a reader never sees the new period without its rates, or two periods in force.
 */
import type { Kysely } from 'kysely';
import { Conflict } from '../../platform/web/errors';
import * as repo from '../repository';
import type { CityTables } from '../tables';
import type { PeriodInput } from './period-form';

/** The ISO day before an ISO day. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export async function addPeriod(
  db: Kysely<CityTables>,
  input: { citySlug: string; period: PeriodInput; editorId: number; now: Date },
): Promise<{ key: string }> {
  const { citySlug, period, editorId, now } = input;
  return db.transaction().execute(async (trx) => {
    const periods = await repo.periodsOfCity(trx, citySlug);
    const dated = periods.filter((p) => p.effective_from !== null);
    // A new notice follows the ones we hold: one starting on or after it would leave two in force.
    const later = dated.find((p) => (p.effective_from ?? '') >= period.effectiveFrom);
    if (later) {
      const params = { from: later.effective_from ?? '', label: later.year_label };
      throw new Conflict('cities.admin.error.notLatest', params, [
        { field: 'effectiveFrom', key: 'cities.admin.error.notLatest', params },
      ]);
    }
    const previous = dated.sort((a, b) => (b.effective_from ?? '').localeCompare(a.effective_from ?? ''))[0];
    if (previous && (previous.effective_to === null || previous.effective_to >= period.effectiveFrom)) {
      await repo.endPeriod(trx, previous.id, dayBefore(period.effectiveFrom));
    }
    const compactDay = period.effectiveFrom.replace(/-/g, '');
    const sourceId = `EDITOR_${citySlug.toUpperCase()}_${compactDay}`;
    await repo.upsertSource(trx, {
      id: sourceId,
      url: period.sourceUrl,
      title: period.sourceTitle || period.sourceUrl,
      date: period.effectiveFrom,
      kind: 'notice (added by an editor)',
      covers: null,
    });
    const year = period.effectiveFrom.slice(0, 4);
    const taken = new Set(periods.map((p) => p.key));
    const key = taken.has(`${citySlug}-${year}`) ? `${citySlug}-${compactDay}` : `${citySlug}-${year}`;
    const id = await repo.insertPeriod(trx, {
      key,
      city_slug: citySlug,
      year_label: period.yearLabel,
      effective_from: period.effectiveFrom,
      effective_to: period.effectiveTo,
      confidence: period.confidence,
      confidence_note: '',
      notes: period.notes,
      source_ids: JSON.stringify([sourceId]),
      origin: 'editor',
      created_at: now.toISOString(),
      created_by: editorId,
    });
    await repo.replaceRates(
      trx,
      id,
      period.rates.map((r) => ({
        insurance: r.insurance,
        base_floor: r.floor,
        base_ceiling: r.ceiling,
        employee_rate: r.employee,
        employer_rate: r.employer,
        rate_min: r.min,
        rate_max: r.max,
        employee_fixed: r.insurance === 'medical' ? (r.fixed ?? 0) : 0,
        merged_into_medical: r.insurance === 'maternity' ? (r.merged ? 1 : 0) : null,
        rounding: r.rounding,
        base_confidence: period.confidence,
        rate_confidence: period.confidence,
        note: null,
      })),
    );
    return { key };
  });
}
