/**
 * The employer's applicant list for a job with many applications (`npm run bench:applicants`; issue 14's target:
 * 5,000 applications, p99 < 50 ms). The database is arranged in-process (the employer, company and job through
 * their services; the seekers and their applications written in bulk, each with a résumé's worth of search text),
 * then the server runs in its own process and the page is loaded as the signed-in employer: all stages, one stage,
 * a search over the résumé text, and the last page. One connection measures a request's own time; ten, under load.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDatabase } from '../src/cli/seed';
import { creditCodeCheckCharacter } from '../src/companies';
import { testConfig } from '../src/config';
import { wholeDatabase } from '../src/database';
import { createModules } from '../src/modules';
import { connect } from '../src/platform/db/connection';
import { migrateToLatest } from '../src/platform/db/migrate';
import { freePort, load, machineDescription, percentiles, recordBenchmark, startProcess } from './support';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STATUSES = ['submitted', 'viewed', 'interview', 'offer', 'rejected', 'withdrawn'] as const;
const WORDS =
  'logistics warehouse dispatcher routes excel sap forklift driver shenzhen customer service 物流 仓库 调度 叉车 司机 客服 深圳 本科 大专'.split(
    ' ',
  );

const SERVICE_QUERIES = [
  ['all stages, first page', {}],
  ['one stage (interview)', { stage: 'interview' as const }],
  ['search in résumé text (forklift)', { q: 'forklift' }],
  ['search, Chinese (叉车), one stage', { q: '叉车', stage: 'viewed' as const }],
  ['last page', { page: Math.ceil(APPLICATIONS / 50) }],
] as const;

const dir = mkdtempSync(join(tmpdir(), 'jobsite-bench-applicants-'));
const databaseUrl = `file:${join(dir, 'bench.sqlite')}`;
const filesDir = join(dir, 'files');

/** A résumé's worth of words (about 1,500 characters), different for each seeker. */
function resumeText(i: number): string {
  const words: string[] = [];
  for (let k = 0; words.join(' ').length < 1500; k++) words.push(WORDS[(i * 7 + k * 13) % WORDS.length]!);
  return words.join(' ');
}

async function arrange() {
  const config = testConfig({ DATABASE_URL: databaseUrl, FILES_DIR: filesDir });
  const connection = connect(config.DATABASE_URL);
  await migrateToLatest(connection.db, connection.dialect);
  const modules = createModules(connection.db, connection.dialect, config);
  const db = wholeDatabase(connection.db);
  try {
    // Regions, statutes and the seed Q&A as a first start loads them; the search index as the server prepares it.
    await modules.prepare();
    await seedDatabase(modules, { dataDir: 'data', demoFile: null, jobsFile: null });
    const accounts = modules.accounts.service;
    const password = randomBytes(12).toString('base64url');
    await accounts.createUser({ email: 'hr@bench.test', password, displayName: 'HR', role: 'employer' });
    await accounts.createUser({ email: 'editor@bench.test', password, displayName: 'Editor', role: 'editor' });
    const employer = await accounts.signIn('hr@bench.test', password);
    const editor = await accounts.signIn('editor@bench.test', password);
    if (!employer.ok || !editor.ok) throw new Error('bench users could not sign in');
    const { slug } = await modules.companies.service.create(employer.viewer, {
      ...{
        nameZh: '深圳市明光物流有限公司',
        nameEn: 'Bright Logistics Bench',
        creditCode: `91440300MA5DC7XK0${creditCodeCheckCharacter('91440300MA5DC7XK0')}`,
      },
      ...{
        industry: 'logistics',
        size: '150-499',
        city: 'CN-GD-SZ',
        website: '',
        descriptionEn: '',
        descriptionZh: '',
      },
    });
    const companyId = (await modules.companies.service.membershipsOf(employer.viewer.id)).find(
      (m) => m.company.slug === slug,
    )!.company.id;
    await modules.companies.service.verify(editor.viewer, companyId);
    const posting = modules.jobs.posting;
    const { id: jobId } = await posting.createDraft(employer.viewer, companyId, {
      ...{ titleEn: 'Warehouse dispatcher', titleZh: '仓库调度员', descriptionEn: 'Routes.', descriptionZh: '路线。' },
      ...{ city: 'CN-GD-SZ', district: '', salaryMin: '8000', salaryMax: '12000', salaryMonths: '13' },
      ...{ experience: '1-3', education: 'any', employmentType: 'full-time', headcount: '2', benefits: [] },
      ...{ insuranceBase: 'actual', insuranceBaseAmount: '', housingFundRate: '12', validDays: '30' },
    });
    await posting.submit(employer.viewer, jobId);
    await posting.approve(editor.viewer, jobId);

    // The seekers and their applications, written in bulk (as 5,000 sign-ups and applications would leave them).
    const start = Date.now() - 60 * 86_400_000;
    for (let from = 0; from < APPLICATIONS; from += 500) {
      const count = Math.min(500, APPLICATIONS - from);
      const at = (i: number) => new Date(start + i * 1000).toISOString();
      const users = await db
        .insertInto('users')
        .values(
          Array.from({ length: count }, (_, k) => ({
            email: `seeker${from + k}@bench.test`,
            password_hash: 'scrypt$bench-only',
            display_name: `Seeker ${from + k}`,
            role: 'member' as const,
            created_at: at(from + k),
            updated_at: at(from + k),
          })),
        )
        .returning('id')
        .execute();
      const apps = await db
        .insertInto('applications')
        .values(
          users.map(({ id }, k) => {
            const i = from + k;
            const name = `应聘者 ${i}`;
            return {
              job_id: jobId,
              company_id: companyId,
              seeker_id: Number(id),
              seeker_name: name,
              status: STATUSES[i % STATUSES.length]!,
              previous_status: null,
              status_changed_at: at(i),
              resume_file_id: null,
              resume_file_name: i % 3 === 0 ? 'cv.pdf' : null,
              note: i % 2 === 0 ? 'I can start next month and hold a forklift licence.' : '',
              interview_at: null,
              interview_place: null,
              reject_reason: null,
              viewed_at: null,
              created_at: at(i),
            };
          }),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('application_documents')
        .values(
          apps.map(({ id }, k) => {
            const name = `应聘者 ${from + k}`;
            const text = resumeText(from + k);
            return {
              application_id: Number(id),
              resume_json: JSON.stringify({ profile: { fullName: name, summary: text }, file: null }),
              search_text: `${name}\n${text}`.toLowerCase(),
            };
          }),
        )
        .execute();
      await db
        .insertInto('application_events')
        .values(
          apps.map(({ id }, k) => ({
            application_id: Number(id),
            from_status: null,
            to_status: 'submitted' as const,
            actor_id: null,
            side: 'seeker' as const,
            at: at(from + k),
            reason: null,
            interview_at: null,
            interview_place: null,
          })),
        )
        .execute();
    }
    // The service call alone (the queries and the view-model), in this process: what the page asks of the database.
    const service = modules.applications.service;
    const timings: [string, ReturnType<typeof percentiles>][] = [];
    for (const [name, query] of SERVICE_QUERIES) {
      const samples: number[] = [];
      for (let i = 0; i < 220; i++) {
        const began = performance.now();
        await service.applicants(employer.viewer, jobId, { q: '', page: 1, ...query }, 'zh');
        if (i >= 20) samples.push(performance.now() - began);
      }
      timings.push([name, percentiles(samples)]);
    }
    return { jobId, token: employer.token, timings };
  } finally {
    await connection.destroy();
  }
}

const { jobId, token, timings } = await arrange();
const port = await freePort();
const app = await startProcess('src/server.ts', {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl,
  FILES_DIR: filesDir,
  LOG_LEVEL: 'warn',
  // Shipped content was loaded when arranging; the server starts without loading it again.
  SEED_DEMO_CONTENT: 'false',
  NODE_ENV: 'production',
  SESSION_SECRET: 'bench-only-secret-bench-only-secret-0123',
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
});

try {
  const headers = { cookie: `sid=${token}`, 'accept-encoding': 'gzip, deflate, br' };
  const base = `http://127.0.0.1:${port}/employer/jobs/${jobId}/applicants`;
  const lastPage = Math.ceil(APPLICATIONS / 50);
  const targets = [
    ['all stages, first page', base],
    ['one stage (interview)', `${base}?stage=interview`],
    ['search in résumé text (forklift)', `${base}?q=forklift`],
    ['search, Chinese (叉车), one stage', `${base}?q=${encodeURIComponent('叉车')}&stage=viewed`],
    [`last page (${lastPage})`, `${base}?page=${lastPage}`],
  ] as const;
  const check = await fetch(base, { headers });
  if (check.status !== 200) throw new Error(`the applicant list answered ${check.status}`);
  const rows: string[] = [];
  let worst = 0;
  for (const [name, url] of targets) {
    await load(url, 2, 1, headers);
    const one = await load(url, SECONDS, 1, headers);
    const ten = await load(url, SECONDS, 10, headers);
    for (const r of [one, ten])
      if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    worst = Math.max(worst, one.p99);
    rows.push(
      `| ${name} | ${Math.round(one.requestsPerSecond)} | ${one.p50} | ${one.p99} | ${Math.round(ten.requestsPerSecond)} | ${ten.p99} |`,
    );
  }
  const section = `## The employer's applicant list, ${APPLICATIONS.toLocaleString('en')} applications — ${new Date().toISOString().slice(0, 10)}

- Command: \`npm run bench:applicants\` (autocannon, ${SECONDS} s per row after a 2 s warm-up, 1 and 10 connections, signed in as the job's employer; server in its own process, SQLite file, LOG_LEVEL=warn; each application with about 1,500 characters of résumé text; stages spread evenly)
- Machine: ${machineDescription()} (a 2-core sandbox shared with other work)
- The page runs a fixed number of queries (the job, membership, the counts by stage, one page of 50 with the matching total), none per applicant.

| page | req/s (1 conn.) | p50 ms | p99 ms | req/s (10 conn.) | p99 ms (10 conn.) |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Worst p99 with one connection: ${worst} ms (target < 50 ms): **${worst < 50 ? 'met' : 'NOT met'}**.

The service call alone, in-process (200 calls each after 20 to warm up; the page's queries and view-model, no HTTP or rendering):

| query | p50 ms | p99 ms |
| --- | ---: | ---: |
${timings.map(([name, t]) => `| ${name} | ${t.p50.toFixed(1)} | ${t.p99.toFixed(1)} |`).join('\n')}

Load average when it ran: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} (other work on the machine).`;
  console.log(section);
  recordBenchmark(section);
} finally {
  app.kill();
  rmSync(dir, { recursive: true, force: true });
}
