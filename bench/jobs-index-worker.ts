// Makes and tokenises a slice of the synthetic jobs for bench/jobs.ts in a worker thread, through the board's own
// document code (jobDocument) and the engine's prepare(); the main thread only inserts.
import { parentPort, workerData } from 'node:worker_threads';
import { benefitBits, JOB_KIND, jobDocument, readBenefitTags } from '../src/jobs';
import { createSearchEngine } from '../src/platform/search';
import { generateJob } from './jobs-corpus';

const { from, to, seed, now, batchSize, dialect } = workerData as {
  from: number;
  to: number;
  seed: number;
  now: number;
  batchSize: number;
  dialect: 'sqlite' | 'postgres';
};
const index = createSearchEngine(dialect).index(JOB_KIND);
const bits = benefitBits(readBenefitTags());
let batch: unknown[] = [];
for (let id = from; id <= to; id++) {
  const job = generateJob(id, seed, now);
  const doc = jobDocument(
    { job: job.row, benefits: job.benefits, company: job.company, city: job.city, district: job.district },
    bits,
  );
  const r = job.row;
  // The same job as a plain row, for the straightforward SQL the benchmark compares with.
  const plain = [
    id,
    r.title_zh ?? '',
    r.title_en ?? '',
    `${r.description_zh_md ?? ''}\n${r.description_en_md ?? ''}`,
    ...[
      'city',
      'district',
      'salary_min',
      'salary_max',
      'experience',
      'education',
      'type',
      'company_size',
      'industry',
      'posted',
      'expires',
      'benefits',
    ].map((name) => doc.attributes[name] ?? null),
  ];
  batch.push({ prepared: index.prepare(doc), plain });
  if (batch.length === batchSize) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
parentPort!.postMessage('done');
