/**
 * The Q&A page and a demo job page under load next to a bare Fastify route, in one run (`npm run bench`).
 * Targets (issue 2): Q&A page requests/s ≥ 0.2 × the bare route's, and p99 < 10 ms; the Chinese Q&A page too
 * (issue 12); the job page in English and Chinese too (issue 13, decision 0121).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, load, loadAverage, machineDescription, percentiles, recordBenchmark, startProcess } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

const dir = mkdtempSync(join(tmpdir(), 'jobsite-bench-'));
const [barePort, appPort] = [await freePort(), await freePort()];
const bare = await startProcess('bench/bare-server.ts', { PORT: String(barePort) });
const app = await startProcess('src/server.ts', {
  PORT: String(appPort),
  HOST: '127.0.0.1',
  DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  SESSION_SECRET: 'bench-only-secret-bench-only-secret-0123',
  PUBLIC_BASE_URL: `http://127.0.0.1:${appPort}`,
  // The suggest requests below come from many editors, each one address (X-Forwarded-For), under its per-IP limit.
  TRUST_PROXY: 'true',
});

/** The canonical URL of a question page: the app redirects /…/questions/1 there (to the translation under /zh). */
async function canonicalUrl(path: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${appPort}${path}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 301 || !location) throw new Error(`seed question not found at ${path} (${response.status})`);
  return `http://127.0.0.1:${appPort}${location}`;
}

/** A demo job's page in English and Chinese: the newest open job the API lists (the demo jobs are in both). */
async function demoJobUrls(): Promise<{ en: string; zh: string }> {
  const response = await fetch(`http://127.0.0.1:${appPort}/api/v1/jobs?sort=newest`);
  const { results } = (await response.json()) as { results: { url: string; locale: string }[] };
  const job = results.find((r) => r.locale === 'en');
  if (!job) throw new Error(`no demo job listed by /api/v1/jobs (${response.status})`);
  const urls = { en: `http://127.0.0.1:${appPort}${job.url}`, zh: `http://127.0.0.1:${appPort}/zh${job.url}` };
  for (const url of Object.values(urls)) {
    const page = await fetch(url, { redirect: 'manual' });
    await page.arrayBuffer();
    if (page.status !== 200) throw new Error(`the job page ${url} answered ${page.status}`);
  }
  return urls;
}

try {
  const qaUrl = await canonicalUrl('/social-security/questions/1');
  const qaChineseUrl = await canonicalUrl('/zh/social-security/questions/1');
  const jobUrls = await demoJobUrls();
  const loadBefore = loadAverage();

  // Requests carry the Accept-Encoding every browser sends; the Q&A page is also measured without it.
  const browser = { 'accept-encoding': 'gzip, deflate, br' };
  // Warm both up (JIT, statement caches) before measuring.
  await load(`http://127.0.0.1:${barePort}/`, 2, CONNECTIONS, browser);
  await load(qaUrl, 2, CONNECTIONS, browser);
  await load(qaChineseUrl, 2, CONNECTIONS, browser);
  await load(jobUrls.en, 2, CONNECTIONS, browser);
  await load(jobUrls.zh, 2, CONNECTIONS, browser);
  const bareResult = await load(`http://127.0.0.1:${barePort}/`, SECONDS, CONNECTIONS, browser);
  const qaResult = await load(qaUrl, SECONDS, CONNECTIONS, browser);
  const qaChineseResult = await load(qaChineseUrl, SECONDS, CONNECTIONS, browser);
  const qaUncompressedResult = await load(qaUrl, SECONDS, CONNECTIONS);
  const jobResult = await load(jobUrls.en, SECONDS, CONNECTIONS, browser);
  const jobChineseResult = await load(jobUrls.zh, SECONDS, CONNECTIONS, browser);
  for (const result of [qaResult, qaChineseResult, qaUncompressedResult, jobResult, jobChineseResult]) {
    if (result.non2xx || result.errors)
      throw new Error(`a page answered ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  const loadAfter = loadAverage();

  // The suggested legal basis (issue 16): one request at a time, as an editor or asker makes them, over the
  // labelled questions (each asked once to warm up, then measured).
  const questions = (
    JSON.parse(readFileSync('src/statutes/suggest/labelled-questions.json', 'utf8')) as {
      questions: { question: string }[];
    }
  ).questions.map((q) => q.question);
  const suggestUrl = (q: string) =>
    `http://127.0.0.1:${appPort}/api/v1/statutes/suggest?q=${encodeURIComponent(q)}&limit=5`;
  // Each request from an address of its own: the route allows 120 a minute per address, and one address asking
  // all of them would be measuring its 429s.
  const editor = (round: number, i: number) => ({ 'x-forwarded-for': `10.${round}.${i >> 8}.${i & 255}` });
  for (const [i, q] of questions.entries()) await (await fetch(suggestUrl(q), { headers: editor(9, i) })).arrayBuffer();
  const timings: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const [i, q] of questions.entries()) {
      const started = performance.now();
      const response = await fetch(suggestUrl(q), { headers: editor(round, i) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`suggest answered ${response.status} for ${q}`);
      timings.push(performance.now() - started);
    }
  const suggest = percentiles(timings);
  const suggestPass = suggest.p95 < 50;

  const ratio = qaResult.requestsPerSecond / bareResult.requestsPerSecond;
  const chineseRatio = qaChineseResult.requestsPerSecond / bareResult.requestsPerSecond;
  const pass =
    ratio >= 0.2 &&
    chineseRatio >= 0.2 &&
    qaResult.p99 < 10 &&
    qaChineseResult.p99 < 10 &&
    qaUncompressedResult.p99 < 10;
  const jobRatio = jobResult.requestsPerSecond / bareResult.requestsPerSecond;
  const jobChineseRatio = jobChineseResult.requestsPerSecond / bareResult.requestsPerSecond;
  const jobPass = jobRatio >= 0.2 && jobChineseRatio >= 0.2 && jobResult.p99 < 10 && jobChineseResult.p99 < 10;
  const jobPath = new URL(jobUrls.en).pathname;
  const rows = [
    ['bare Fastify route', bareResult],
    ['Q&A page (seed question)', qaResult],
    ['Chinese Q&A page (seed question, /zh)', qaChineseResult],
    ['Q&A page, no Accept-Encoding (uncompressed)', qaUncompressedResult],
    [`job page (demo job, \`${jobPath}\`)`, jobResult],
    ['Chinese job page (the same job, /zh)', jobChineseResult],
  ] as const;
  const table = rows
    .map(([name, r]) => `| ${name} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} |`)
    .join('\n');
  const section = `## Q&A and job pages vs bare route — ${new Date().toISOString().slice(0, 10)}

- Command: \`npm run bench\` (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, after a 2 s warm-up; requests send \`Accept-Encoding: gzip, deflate, br\` as browsers do, except the uncompressed row; server and bare route each in their own process, SQLite file, LOG_LEVEL=warn)
- Machine: ${machineDescription()}; load average (1 / 5 / 15 min) ${loadBefore} at the start, ${loadAfter} after the page rows

| target | requests/s | p50 ms | p99 ms |
| --- | ---: | ---: | ---: |
${table}

Ratio Q&A / bare: **${ratio.toFixed(3)}**, Chinese Q&A / bare: **${chineseRatio.toFixed(3)}** (target ≥ 0.2); p99 Q&A ${qaResult.p99} ms, Chinese ${qaChineseResult.p99} ms, uncompressed ${qaUncompressedResult.p99} ms (target < 10 ms): **${pass ? 'met' : 'NOT met'}**.

Job page (anonymous, prerendered: decision 0121): ratio job / bare **${jobRatio.toFixed(3)}**, Chinese job / bare **${jobChineseRatio.toFixed(3)}** (target ≥ 0.2); p99 ${jobResult.p99} ms, Chinese ${jobChineseResult.p99} ms (target < 10 ms): **${jobPass ? 'met' : 'NOT met'}**.

Suggested legal basis, \`GET /api/v1/statutes/suggest?q=…&limit=5\`, one request at a time (each from an address of its own, under the route's per-address limit) over the ${questions.length} labelled questions three times (${timings.length} requests, after one warm-up round): p50 ${suggest.p50.toFixed(1)} ms, p95 ${suggest.p95.toFixed(1)} ms, p99 ${suggest.p99.toFixed(1)} ms (target p95 < 50 ms): **${suggestPass ? 'met' : 'NOT met'}**.`;
  console.log(section);
  recordBenchmark(section);
} finally {
  bare.kill();
  app.kill();
  rmSync(dir, { recursive: true, force: true });
}
