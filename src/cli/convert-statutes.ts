/**
 * Converts the shared statute collection (../shared/data/statutes/statutes.json) into the shipped
 * library files data/statutes/library/<slug>@<date>.json. Only statutes named in catalogue.json are kept.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_LIBRARY_DIR, readCatalogue, type StatuteVersionFile } from '../statutes';

interface SharedStatute {
  title_zh: string;
  short_title_zh: string;
  version_date: string;
  source_path: string;
  tier: string;
  level_zh: string;
  history_zh: string[];
  preamble_zh: string | null;
  articles: {
    number: number;
    label_zh: string;
    chapter_zh: string | null;
    section_zh: string | null;
    text_zh: string;
  }[];
}

const program = new Command()
  .option('--from <file>', 'shared statutes.json', '../shared/data/statutes/statutes.json')
  .option('--to <dir>', 'library folder', DEFAULT_LIBRARY_DIR)
  .parse();
const { from, to } = program.opts<{ from: string; to: string }>();

const shared = JSON.parse(readFileSync(from, 'utf8')) as SharedStatute[];
const catalogue = readCatalogue(to);
const libraryDir = join(to, 'library');
rmSync(libraryDir, { recursive: true, force: true });
mkdirSync(libraryDir, { recursive: true });

let written = 0;
for (const entry of catalogue) {
  const source = shared.find((s) => s.title_zh === entry.titleZh);
  if (!source) {
    console.error(`not in the shared collection: ${entry.titleZh}`);
    process.exitCode = 1;
    continue;
  }
  const file: StatuteVersionFile = {
    slug: entry.slug,
    titleZh: source.title_zh,
    shortTitleZh: source.short_title_zh,
    levelZh: source.level_zh,
    tier: source.tier,
    versionDate: source.version_date,
    history: source.history_zh,
    preamble: source.preamble_zh,
    sourceRef: `LawRefBook/Laws@2f4c5c23716267af9dbebbbbd6cbbf732b101981:${source.source_path}`,
    articles: source.articles.map((a) => ({
      number: a.number,
      label: a.label_zh,
      chapter: a.chapter_zh,
      section: a.section_zh,
      text: a.text_zh,
    })),
  };
  writeFileSync(join(libraryDir, `${entry.slug}@${source.version_date}.json`), `${JSON.stringify(file, null, 1)}\n`);
  written += 1;
}
console.log(`wrote ${written} statute versions to ${libraryDir}`);
