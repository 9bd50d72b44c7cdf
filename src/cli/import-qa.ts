/**
 * Imports a Q&A collection (`npm run import:qa -- collection.jsonl --source NAME`): one JSON object per
 * line with a question and an answer. Prints a progress bar on a terminal, then a summary as a table and
 * as JSON. Interrupted? Run the same command again: it carries on after the last committed batch.
 */
import { existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { DEFAULT_BATCH, summaryTable } from '../inquiry';
import { AppError } from '../platform/web/errors';
import { english } from '../platform/web/i18n';
import { openModules } from './open';
import { seedDatabase } from './seed';

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
}

// Annotated so that program.error(), which never returns, narrows types after it.
const program: Command = new Command('import:qa')
  .description('Import questions and answers from a JSONL file')
  .argument('<file>', 'JSONL file: one {"question": …, "answer": …} object per line')
  .option('--source <name>', "name of the collection, shown as the answers' author (default: the file name)")
  .option('--region <code>', 'region of questions that name no place, e.g. CN-GD', 'CN')
  .option('--question-field <name>', 'field holding the question', 'question')
  .option('--answer-field <name>', 'field holding the answer', 'answer')
  .option('--batch <lines>', 'lines per transaction', positiveInt, DEFAULT_BATCH)
  .option(
    '--workers <count>',
    'worker threads tokenising for the search index; 0 = none (default: one per spare core)',
    nonNegativeInt,
  )
  .parse();
const [file] = program.args;
const options = program.opts<{
  source?: string;
  region: string;
  questionField: string;
  answerField: string;
  batch: number;
  workers?: number;
}>();
// Commander already refuses a missing <file>; checking for it narrows the type.
if (file === undefined || !existsSync(file)) program.error(`No file ${file}`);

const config = loadConfig();
const { modules, close } = await openModules(config, { prepare: true });
const bar = process.stdout.isTTY
  ? new SingleBar({
      format: 'import {bar} {value}/{total} lines | {rate} lines/s | ETA {eta_formatted} | imported {imported}',
      etaBuffer: 20,
    })
  : null;
try {
  // Topics, regions and the statute library must be there; the same loading the server does on start.
  await seedDatabase(modules, {
    dataDir: 'data',
    demoFile: config.SEED_DEMO_CONTENT ? 'data/demo/questions.json' : null,
  });
  const started = Date.now();
  let from = 0;
  const summary = await modules.inquiry.imports.importFile(file, {
    source: options.source,
    region: options.region,
    questionField: options.questionField,
    answerField: options.answerField,
    batchSize: options.batch,
    workers: options.workers,
    onStart: ({ totalLines, startLine }) => {
      from = startLine;
      bar?.start(totalLines, startLine, { rate: 0, imported: 0 });
    },
    onProgress: ({ linesDone, counts }) => {
      const seconds = (Date.now() - started) / 1000 || 1;
      bar?.update(linesDone, { rate: Math.round((linesDone - from) / seconds), imported: counts.imported });
    },
  });
  bar?.stop();
  console.log(summaryTable(summary));
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  bar?.stop();
  if (!(error instanceof AppError)) throw error;
  // An operator's command: its refusals are in English, like the rest of its output.
  const reasons = error.details.map((d) => `--${d.field}: ${english.text(d)}`);
  console.error([english.text(error), ...reasons].join('\n'));
  process.exitCode = 1;
} finally {
  await close();
}
