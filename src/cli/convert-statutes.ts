/**
 * Converts the shared statute collection (../shared/data/statutes/statutes.json, and the Markdown files and part
 * folders of ../shared/data/statutes/raw-more/) into the shipped library files
 * data/statutes/library/<slug>@<date>.json. Only statutes named in catalogue.json are kept.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_LIBRARY_DIR, readCatalogue, readStatuteFiles, type StatuteVersionFile } from '../statutes';

const SOURCE_COMMIT = '2f4c5c23716267af9dbebbbbd6cbbf732b101981';
/** Catalogued statutes kept out of the shipped library: test material for versions (../shared/…/versions/). */
const NOT_SHIPPED = new Set(['administrative-reconsideration-law']);

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
  .option('--more <dir>', 'Markdown files and part folders not in statutes.json', '../shared/data/statutes/raw-more')
  .option('--to <dir>', 'library folder', DEFAULT_LIBRARY_DIR)
  .parse();
const { from, more, to } = program.opts<{ from: string; more: string; to: string }>();

const shared = JSON.parse(readFileSync(from, 'utf8')) as SharedStatute[];
const catalogue = readCatalogue(to);
const extra = readStatuteFiles([more], catalogue);
for (const p of extra.problems) console.error(`${p.file}: ${p.reason}`);
const libraryDir = join(to, 'library');
rmSync(libraryDir, { recursive: true, force: true });
mkdirSync(libraryDir, { recursive: true });

/** The file as JSON; the levels above the chapter only where a statute has them (they read as null). */
function asJson(file: StatuteVersionFile): string {
  const articles = file.articles.map(({ part, subpart, ...rest }) => ({
    ...(part === null ? {} : { part }),
    ...(subpart === null ? {} : { subpart }),
    ...rest,
  }));
  return `${JSON.stringify({ ...file, articles }, null, 1)}\n`;
}

let written = 0;
for (const entry of catalogue) {
  if (NOT_SHIPPED.has(entry.slug)) continue;
  const source = shared.find((s) => s.title_zh === entry.titleZh);
  const fromMarkdown = extra.versions.find((v) => v.slug === entry.slug);
  if (!source && fromMarkdown) {
    const file: StatuteVersionFile = {
      ...fromMarkdown,
      // The Markdown form says neither; as statutes.json calls them.
      levelZh: /条例$/.test(fromMarkdown.titleZh) ? '行政法规' : '法律',
      tier: 'related',
      sourceRef: `LawRefBook/Laws@${SOURCE_COMMIT}:${fromMarkdown.sourceRef}`,
    };
    writeFileSync(join(libraryDir, `${entry.slug}@${file.versionDate}.json`), asJson(file));
    written += 1;
    continue;
  }
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
    sourceRef: `LawRefBook/Laws@${SOURCE_COMMIT}:${source.source_path}`,
    articles: source.articles.map((a): StatuteVersionFile['articles'][number] => ({
      part: null,
      subpart: null,
      number: a.number,
      label: a.label_zh,
      chapter: a.chapter_zh,
      section: a.section_zh,
      text: a.text_zh,
    })),
  };
  writeFileSync(join(libraryDir, `${entry.slug}@${source.version_date}.json`), asJson(file));
  written += 1;
}
console.log(`wrote ${written} statute versions to ${libraryDir}`);
