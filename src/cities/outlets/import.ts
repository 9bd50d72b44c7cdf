/**
 * An editor's CSV of outlets, checked line by line before anything is written: every problem is listed with its
 * line (all of them, not only the first), and a file with any problem imports nothing, so an import is never
 * half done. An outlet named twice (same city and name) is a problem too: which line would win?
 */
import type { MessageKey, MessageParams } from '../../platform/web/messages';
import { zodProblems } from '../../platform/web/validation';
import { readCsv } from './csv';
import { OUTLET_COLUMNS, OUTLET_SERVICES, type OutletInput, type OutletService, outletSchema } from './model';

/**
 * Form bodies are capped at 256 KiB (the platform's limit), about 410 realistic lines once URL-encoded: past it the
 * editor got a bare 413 and lost the pasted text. 300 stays well within it, so a long file is refused here, by line
 * count, with the text shown again.
 */
export const MAX_IMPORT_LINES = 300;

export interface LineProblem {
  /** 0 for the file as a whole. */
  line: number;
  key: MessageKey;
  params?: MessageParams;
}

export function checkOutletCsv(
  text: string,
  cities: ReadonlySet<string>,
  today: string,
): { outlets: OutletInput[]; problems: LineProblem[] } {
  const read = readCsv(text);
  if (!read.ok) return { outlets: [], problems: [{ line: read.line, key: 'cities.outlets.error.quotes' }] };
  const [header, ...rows] = read.records;
  const columns = OUTLET_COLUMNS.join(',');
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  if (names.join(',') !== columns)
    return {
      outlets: [],
      problems: [{ line: header?.line ?? 1, key: 'cities.outlets.error.columns', params: { columns } }],
    };
  if (rows.length === 0) return { outlets: [], problems: [{ line: 0, key: 'cities.outlets.error.empty' }] };
  if (rows.length > MAX_IMPORT_LINES)
    return {
      outlets: [],
      problems: [{ line: 0, key: 'cities.outlets.error.tooMany', params: { max: MAX_IMPORT_LINES } }],
    };

  const schema = outletSchema(today);
  const outlets: OutletInput[] = [];
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== OUTLET_COLUMNS.length) {
      problems.push({
        line,
        key: 'cities.outlets.error.fieldCount',
        params: { expected: OUTLET_COLUMNS.length, found: fields.length },
      });
      continue;
    }
    const parsed = schema.safeParse(Object.fromEntries(OUTLET_COLUMNS.map((c, i) => [c, fields[i] ?? ''])));
    if (!parsed.success) {
      for (const p of zodProblems(parsed.error)) problems.push({ line, key: p.key, params: p.params });
      continue;
    }
    const row = parsed.data;
    const before = problems.length;
    if (!cities.has(row.city)) problems.push({ line, key: 'cities.outlets.error.city', params: { city: row.city } });
    const services = row.services
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    for (const s of services) {
      if (!(OUTLET_SERVICES as readonly string[]).includes(s))
        problems.push({ line, key: 'cities.outlets.error.service', params: { service: s } });
    }
    const key = `${row.city}\n${row.name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push({ line, key: 'cities.outlets.error.duplicate', params: { line: earlier } });
    else seen.set(key, line);
    if (problems.length > before) continue;
    outlets.push({
      citySlug: row.city,
      name: row.name,
      address: row.address,
      district: row.district,
      phone: row.phone,
      hours: row.hours,
      services: [...new Set(services)] as OutletService[],
      sourceUrl: row.source_url,
      verifiedOn: row.verified_on,
    });
  }
  return { outlets: problems.length > 0 ? [] : outlets, problems };
}
