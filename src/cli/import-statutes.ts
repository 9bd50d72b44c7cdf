/**
 * Imports statute versions (`npm run import:statutes -- <folder or file>…`) in the Markdown form of
 * ../shared/data/statutes/raw/ or the JSON form of statutes.json. Re-running with the same files
 * changes nothing. A new version in force records which articles changed and flags the published
 * answers citing them for editors (see StatuteService.importVersions).
 */
import { Command } from 'commander';
import { loadConfig } from '../config';
import { DEFAULT_LIBRARY_DIR, readCatalogue, readStatuteFiles } from '../statutes';
import { openModules } from './open';

const program = new Command()
  .argument('<paths...>', 'Markdown or JSON files, or folders of them')
  .option('--catalogue <dir>', 'folder holding catalogue.json', DEFAULT_LIBRARY_DIR)
  .parse();

const { modules, close } = await openModules(loadConfig());
try {
  const statutes = modules.statutes.service;
  const { versions, problems } = readStatuteFiles(
    program.args,
    readCatalogue(program.opts<{ catalogue: string }>().catalogue),
  );
  for (const p of problems) console.error(`skipped ${p.file}: ${p.reason}`);
  const summary = await statutes.importVersions(
    readCatalogue(program.opts<{ catalogue: string }>().catalogue),
    versions,
  );
  console.log(
    `versions read ${versions.length}: added ${summary.added}, already stored ${summary.skipped}; ` +
      `articles changed ${summary.changed}, added ${summary.addedArticles}, removed ${summary.removed}; ` +
      `answers flagged for review ${summary.answersFlagged}; ` +
      `imported citations that waited for a new statute and now resolve ${summary.pendingResolved}`,
  );
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await close();
}
