/**
 * Stores the shipped city data: cities, sources, each period with its rates, the tax schedule. A shipped period
 * whose content has not changed is left alone (its fingerprint matches); a changed one is rewritten whole; a
 * period an editor added is never touched. One transaction, so a reader never sees half a period.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as repo from './repository';
import type { ShippedRatesFile, ShippedTaxFile } from './shipped';
import type { CityTables } from './tables';

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export async function loadShipped(
  db: Kysely<CityTables>,
  now: () => Date,
  rates: ShippedRatesFile,
  tax: ShippedTaxFile,
): Promise<{ periodsWritten: number }> {
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const c of rates.cities) {
      const city = { slug: c.slug, region_code: c.region, name_en: c.nameEn, name_zh: c.nameZh };
      await repo.upsertCity(trx, { ...city, rent_deduction: c.rentDeduction });
    }
    for (const s of rates.sources) await repo.upsertSource(trx, s);
    for (const p of rates.periods) {
      const print = fingerprint(p);
      const existing = await repo.findPeriodByKey(trx, p.key);
      if (existing && (existing.origin !== 'shipped' || existing.fingerprint === print)) continue;
      const row = {
        key: p.key,
        city_slug: p.city,
        year_label: p.yearLabel,
        effective_from: p.from,
        effective_to: p.to,
        confidence: p.confidence,
        confidence_note: p.confidenceNote,
        notes: p.notes,
        source_ids: JSON.stringify(p.sources),
        origin: 'shipped' as const,
        fingerprint: print,
      };
      const id = existing ? existing.id : await repo.insertPeriod(trx, { ...row, created_at: now().toISOString() });
      if (existing) await repo.updatePeriod(trx, id, row);
      await repo.replaceRates(
        trx,
        id,
        p.rates.map((r) => ({
          insurance: r.insurance,
          base_floor: r.baseFloor,
          base_ceiling: r.baseCeiling,
          employee_rate: r.employeeRate,
          employer_rate: r.employerRate,
          rate_min: r.rateMin,
          rate_max: r.rateMax,
          employee_fixed: r.employeeFixed,
          merged_into_medical: r.mergedIntoMedical === null ? null : r.mergedIntoMedical ? 1 : 0,
          rounding: r.rounding,
          base_confidence: r.baseConfidence,
          rate_confidence: r.rateConfidence,
          note: r.note,
        })),
      );
      written += 1;
    }
    for (const s of tax.schedules) {
      const row = { key: s.key, valid_from: s.validFrom, valid_to: s.validTo, data_json: JSON.stringify(s) };
      await repo.upsertTaxSchedule(trx, row);
    }
  });
  return { periodsWritten: written };
}
