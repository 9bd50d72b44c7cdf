/** For the cities module's tests (imported by tests only). */

/** The fields of a form page as a browser would send them: inputs' values, checked boxes, selected options. */
export function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="checkbox"/.test(tag) && !/ checked/.test(tag)) continue;
    fields[name] = (/value="([^"]*)"/.exec(tag)?.[1] ?? '').replace(/&amp;/g, '&');
  }
  for (const [, name, options] of html.matchAll(/<select [^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
    const chosen =
      /<option value="([^"]*)" selected/.exec(options ?? '') ?? /<option value="([^"]*)"/.exec(options ?? '');
    if (name) fields[name] = chosen?.[1] ?? '';
  }
  for (const [, name, text] of html.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>(.*?)<\/textarea>/gs)) {
    if (name) fields[name] = text ?? '';
  }
  return fields;
}
