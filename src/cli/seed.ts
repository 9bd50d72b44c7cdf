/**
 * Fills a database with what the product ships: topics, regions, the statute library, the seed
 * question and the demo Q&As. Safe to run on every start: what is already stored is skipped.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { STEP_CHANNELS } from '../inquiry';
import type { Modules } from '../modules';
import { type CatalogueEntry, readCatalogue, readLibraryVersions } from '../statutes';
import { seedCities } from './seed-cities';
import { seedJobs } from './seed-jobs';

const topicsSchema = z.array(
  z.object({
    slug: z.string(),
    titleEn: z.string(),
    titleZh: z.string(),
    summaryEn: z.string(),
    summaryZh: z.string(),
  }),
);
const regionsSchema = z.array(
  z.object({
    code: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    level: z.string(),
    parent: z.string().nullable(),
  }),
);
const stepSchema = z.object({
  action: z.string(),
  materials: z.string(),
  channel: z.enum(STEP_CHANNELS),
  where: z.string(),
  duration: z.string(),
});
const localisedSchema = z.object({
  title: z.string(),
  details: z.string(),
  analysis: z.string(),
  background: z.string().nullable().optional(),
  steps: z.array(stepSchema),
});
const structuredCitation = z.object({
  statute: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().nullable().optional(),
});
const shippedQuestionSchema = z.object({
  key: z.string(),
  topic: z.string(),
  region: z.string(),
  verifiedOn: z.string(),
  aliases: z.array(z.string()).default([]),
  // The seed keeps its citations as written on the original page; demo data names articles directly.
  citations: z.array(z.union([z.string(), structuredCitation])),
  en: localisedSchema,
  zh: localisedSchema.nullable().optional(),
});
type ShippedQuestion = z.infer<typeof shippedQuestionSchema>;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Writes a structured citation the way an editor would, so shipped content goes through the same parser. */
function citationText(citation: ShippedQuestion['citations'][number], catalogue: CatalogueEntry[]): string {
  if (typeof citation === 'string') return citation;
  const entry = catalogue.find((e) => e.slug === citation.statute);
  if (!entry) throw new Error(`unknown statute slug "${citation.statute}" in shipped content`);
  const paragraph = citation.paragraph ? `(${citation.paragraph})` : '';
  return `Article ${citation.article}${paragraph} of the ${entry.titleEn}`;
}

/**
 * Who wrote shipped answers, in the language of the answer: the label is stored with it and shown as it is (a
 * person's answer carries their name the same way), so a Chinese answer gets a Chinese label.
 */
const AUTHOR_LABELS = {
  seed: { en: 'jobsite editorial team', zh: 'jobsite 编辑部' },
  demo: { en: 'jobsite editorial team (demo content)', zh: 'jobsite 编辑部（演示内容）' },
} as const;

export interface SeedPaths {
  dataDir: string;
  demoFile: string | null;
  /** Demo companies and jobs, loaded with the demo Q&As (default data/demo/jobs.json; null: none). */
  jobsFile?: string | null;
}

export async function seedDatabase(
  modules: Pick<Modules, 'regions' | 'statutes' | 'inquiry' | 'companies' | 'jobs' | 'cities'>,
  paths: SeedPaths = { dataDir: 'data', demoFile: 'data/demo/questions.json' },
) {
  const topics = topicsSchema.parse(readJson(`${paths.dataDir}/inquiry/topics.json`));
  const regions = regionsSchema.parse(readJson(`${paths.dataDir}/regions.json`));
  const questions = modules.inquiry.questions;
  await questions.loadTopics(topics);
  // Parents first in the file, so the foreign key holds.
  await modules.regions.service.load(regions);
  // City contribution data names regions (foreign key): loaded right after them.
  await seedCities(modules.cities, paths.dataDir);

  const catalogue = readCatalogue(`${paths.dataDir}/statutes`);
  const statutes = await modules.statutes.service.loadLibrary(
    catalogue,
    readLibraryVersions(`${paths.dataDir}/statutes`),
  );

  const shipped: { origin: 'seed' | 'demo'; item: ShippedQuestion }[] = [
    { origin: 'seed', item: shippedQuestionSchema.parse(readJson(`${paths.dataDir}/inquiry/seed.json`)) },
  ];
  if (paths.demoFile) {
    for (const item of z.array(shippedQuestionSchema).parse(readJson(paths.demoFile)))
      shipped.push({ origin: 'demo', item });
  }

  let questionsAdded = 0;
  // Shipped content gets distinct, ordered timestamps so "latest" is stable; the seed is stored first
  // (question 1) and is the newest.
  const base = Date.parse('2026-11-01T08:00:00Z');
  for (const [index, { origin, item }] of shipped.entries()) {
    const createdAt = new Date(base + (shipped.length - index) * 3_600_000).toISOString();
    const answer = {
      region: item.region,
      verifiedOn: item.verifiedOn,
      citations: item.citations.map((c) => citationText(c, catalogue)),
    };
    for (const locale of ['en', 'zh'] as const) {
      const text = item[locale];
      if (!text) continue;
      const sourceKey = `${origin}:${item.key}:${locale}`;
      if (await questions.findQuestionIdBySourceKey(sourceKey)) continue;
      const translationOfId =
        locale === 'zh' ? ((await questions.findQuestionIdBySourceKey(`${origin}:${item.key}:en`)) ?? null) : null;
      await questions.createAnsweredQuestion(
        {
          topic: item.topic,
          locale,
          title: text.title,
          details: text.details,
          region: item.region,
          origin,
          sourceKey,
          translationOfId,
          aliases: locale === 'en' ? item.aliases : [],
          createdAt,
        },
        {
          ...answer,
          authorLabel: AUTHOR_LABELS[origin][locale],
          analysis: text.analysis,
          background: text.background ?? null,
          steps: text.steps,
        },
      );
      questionsAdded += 1;
    }
  }
  const jobsFile = paths.jobsFile === undefined ? 'data/demo/jobs.json' : paths.jobsFile;
  if (paths.demoFile && jobsFile) await seedJobs(modules, jobsFile);
  return { statuteVersionsAdded: statutes.added, questionsAdded };
}
