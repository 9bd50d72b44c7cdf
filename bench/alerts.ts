/**
 * The job alerts' daily run at size (`npx tsx bench/alerts.ts`; ENGINE=postgres with TEST_DATABASE_URL): JOBS open
 * jobs three days old, USERS people with 20 saved searches each (words, a city, a salary floor), all due, then
 * NEW_JOBS jobs posted now; times runDueAlerts (every search asks the board, 200 of them notify, in-app and by
 * mail through the outbox) and one person's list of 20 (each search's new jobs counted). Rows are inserted directly
 * (a bench, like bench/jobs.ts), then indexed through the board.
 */
import { randomBytes } from 'node:crypto';
import { createI18n } from '../src/platform/web/i18n';
import { openTestApp, sqliteEngine, testEngines } from '../src/test-support/databases';

const JOBS = Number(process.env.JOBS ?? 5000);
const USERS = Number(process.env.USERS ?? 50);
const PER_USER = 20;
const NEW_JOBS = Number(process.env.NEW_JOBS ?? 200);
const engine = process.env.ENGINE === 'postgres' ? testEngines[1]! : sqliteEngine;
const t = await openTestApp(engine);
const db = t.db;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const code = randomBytes(9).toString('hex').toUpperCase();
const { id: companyId } = await db
  .insertInto('companies')
  .values({
    slug: `b-${code.toLowerCase()}`,
    name_zh: `测试${code}`,
    name_en: `Test ${code}`,
    credit_code: code,
    industry: 'logistics',
    size: '50-149',
    region_code: 'CN-GD-SZ',
    status: 'verified',
    origin: 'user',
    created_at: at(0),
    updated_at: at(0),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const cities = ['CN-GD-SZ', 'CN-SH', 'CN-BJ', 'CN-GD-GZ', 'CN-ZJ-HZ'];
const words = ['仓库', '司机', '会计', '前端', '销售', '客服', '厨师', '保安', '设计', '运营'];
const validThrough = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
async function insertJobs(n: number, postedAt: string) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i % words.length]!;
    const row = await db
      .insertInto('jobs')
      .values({
        company_id: Number(companyId),
        slug: 'job',
        status: 'published',
        title_en: null,
        title_zh: `${w}${i}号`,
        description_en_md: null,
        description_zh_md: `${w}岗位`,
        region_code: cities[i % cities.length]!,
        district_code: null,
        salary_min: 5000 + (i % 20) * 1000,
        salary_max: 10000 + (i % 20) * 1000,
        salary_months: 12,
        experience: '1-3',
        education: 'bachelor',
        employment_type: 'full-time',
        headcount: 1,
        insurance_base: 'actual',
        insurance_base_amount: null,
        housing_fund_rate: 12,
        valid_days: 30,
        posted_at: postedAt,
        valid_through: validThrough,
        origin: 'user',
        source_key: null,
        created_by: null,
        created_at: postedAt,
        updated_at: postedAt,
        decision_reason: null,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  for (let i = 0; i < ids.length; i += 500)
    await t.database.db
      .transaction()
      .execute((trx) => t.modules.jobs.board.reindexJobs(trx as never, ids.slice(i, i + 500)));
}
await insertJobs(JOBS, at(-3 * 86400000));
const en = createI18n('en');
const viewers = [];
for (let u = 0; u < USERS; u++) {
  const { id } = await db
    .insertInto('users')
    .values({
      email: `u${u}-${code}@example.test`,
      password_hash: 'x',
      display_name: `U${u}`,
      role: 'member',
      created_at: at(0),
      updated_at: at(0),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const viewer = {
    id: Number(id),
    email: `u${u}@example.test`,
    displayName: `U${u}`,
    role: 'member' as const,
    locale: 'en' as const,
  };
  viewers.push(viewer);
  for (let s = 0; s < PER_USER; s++) {
    const q = `q=${encodeURIComponent(words[(u + s) % words.length]!)}&city=${cities[s % cities.length]}&salaryMin=${s * 500}`;
    await t.modules.alerts.service.save(viewer, { query: q, name: '' }, en);
  }
}
await db
  .updateTable('saved_searches')
  .set({ created_at: at(-25 * 3600000), last_run_at: at(-25 * 3600000) })
  .execute();
await insertJobs(NEW_JOBS, at(0));
let started = performance.now();
const result = await t.modules.alerts.service.runDueAlerts(new Date());
const runMs = performance.now() - started;
started = performance.now();
const list = await t.modules.alerts.service.listFor(viewers[0]!, en);
const listMs = performance.now() - started;
console.log(
  JSON.stringify({
    engine: engine.name,
    jobs: JOBS + NEW_JOBS,
    searches: USERS * PER_USER,
    newJobs: NEW_JOBS,
    result: { ...result, failed: result.failed.length },
    runMs: Math.round(runMs),
    perSearchMs: +(runMs / (USERS * PER_USER)).toFixed(2),
    listOf20Ms: Math.round(listMs),
    listItems: list.items.length,
  }),
);
await t.close();
