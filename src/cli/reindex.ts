/**
 * Rebuilds the search index from the questions and answers (`npm run reindex`). Needed after editing
 * data/search/dictionary.txt or synonyms.json, which change how documents are tokenised.
 */
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config';
import { openModules } from './open';

const { modules, dialect, close } = await openModules(loadConfig());
try {
  const { search } = modules.inquiry;
  const bar = new SingleBar({ format: 'reindex {bar} {value}/{total} questions | {rate}/s | ETA {eta_formatted}' });
  const started = Date.now();
  let barStarted = false;
  const { indexed } = await search.reindexAll((done, total) => {
    if (!barStarted) bar.start(total, 0, { rate: 0 });
    barStarted = true;
    bar.update(done, { rate: Math.round(done / ((Date.now() - started) / 1000 || 1)) });
  });
  bar.stop();
  console.log(`indexed ${indexed} questions in ${((Date.now() - started) / 1000).toFixed(1)} s (${dialect})`);
} finally {
  await close();
}
