import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The shipped statute library on disk: data/statutes/catalogue.json plus one file per statute version. */
export const DEFAULT_LIBRARY_DIR = 'data/statutes';

export const catalogueEntrySchema = z.object({
  titleZh: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  titleEn: z.string().min(1),
  shortTitleEn: z.string().min(1),
  aliasesZh: z.array(z.string()),
  aliasesEn: z.array(z.string()),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const statuteVersionFileSchema = z.object({
  slug: z.string(),
  titleZh: z.string(),
  shortTitleZh: z.string(),
  levelZh: z.string(),
  tier: z.string(),
  versionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  history: z.array(z.string()),
  preamble: z.string().nullable(),
  sourceRef: z.string(),
  articles: z.array(
    z.object({
      number: z.number().int().positive(),
      label: z.string(),
      part: z.string().nullable().default(null),
      subpart: z.string().nullable().default(null),
      chapter: z.string().nullable(),
      section: z.string().nullable(),
      text: z.string().min(1),
    }),
  ),
});
export type StatuteVersionFile = z.infer<typeof statuteVersionFileSchema>;

export function readCatalogue(dir = DEFAULT_LIBRARY_DIR): CatalogueEntry[] {
  return z.array(catalogueEntrySchema).parse(JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')));
}

export function readLibraryVersions(dir = DEFAULT_LIBRARY_DIR): StatuteVersionFile[] {
  const libraryDir = join(dir, 'library');
  return readdirSync(libraryDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => statuteVersionFileSchema.parse(JSON.parse(readFileSync(join(libraryDir, name), 'utf8'))));
}
