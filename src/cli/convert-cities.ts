/**
 * Converts the shared city data (../shared/data/cities/rates.json and iit.json) into the shipped files
 * data/cities/rates.json and data/cities/iit.json (src/cities/convert.ts says how). Re-run it when the shared copy
 * changes; do not edit the generated files by hand. data/cities/SOURCE.md is written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { convertCityRates, convertIncomeTax } from '../cities';

const program = new Command()
  .option('--from <dir>', 'shared cities folder', '../shared/data/cities')
  .option('--to <dir>', 'shipped cities folder', 'data/cities')
  .parse();
const { from, to } = program.opts<{ from: string; to: string }>();

const read = (name: string) => JSON.parse(readFileSync(join(from, name), 'utf8'));
const write = (name: string, value: unknown) => writeFileSync(join(to, name), `${JSON.stringify(value, null, 2)}\n`);

const rates = convertCityRates(read('rates.json'), '../shared/data/cities/rates.json (compiled 2026-11-25)');
write('rates.json', rates);
write('iit.json', convertIncomeTax(read('iit.json'), '../shared/data/cities/iit.json (compiled 2026-11-25)'));
console.log(`${rates.periods.length} periods of ${rates.cities.length} cities, ${rates.sources.length} sources`);
