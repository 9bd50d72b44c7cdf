/**
 * A small CSV reader (RFC 4180: commas, double quotes around fields that hold commas, quotes or line breaks, a
 * doubled quote for a quote), enough for the outlets an editor imports. Each record keeps the line it starts on,
 * so a refusal names the line the editor sees in their spreadsheet.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number };

export function readCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  const source = text.replace(/^\uFEFF/, ''); // a byte-order mark from a spreadsheet's "UTF-8 CSV"
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // Blank lines are skipped, not read as a record of one empty field.
    if (fields.length > 1 || fields[0]?.trim() !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += c;
    i += 1;
  }
  if (quoted) return { ok: false, line: start };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
