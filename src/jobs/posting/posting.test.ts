import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../accounts';
import { seedJobs } from '../../cli/seed-jobs';
import { ownTables } from '../../platform/db/tables';
import type { AppError } from '../../platform/web/errors';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { signInAs } from '../../test-support/forms';
import { readBenefitTags } from '../benefits';
import type { JobsContext } from '../deps';
import type { JobTables } from '../tables';
import { chinaDate } from './expiry';
import { createPostingService } from './service';

const JOBS_FILE = 'data/demo/jobs.json';

const jobForm = (overrides: Record<string, unknown> = {}) => ({
  titleEn: 'Warehouse supervisor',
  titleZh: '仓库主管',
  descriptionEn: 'Run the night shift of a **bonded warehouse**.',
  descriptionZh: '负责保税仓库夜班。',
  city: 'CN-GD-SZ',
  district: 'CN-GD-SZ-NS',
  salaryMin: '8000',
  salaryMax: '12000',
  salaryMonths: '13',
  experience: '3-5',
  education: 'associate',
  employmentType: 'full-time',
  headcount: '2',
  benefits: ['five-insurances-one-fund', 'paid-annual-leave'],
  insuranceBase: 'actual',
  insuranceBaseAmount: '',
  housingFundRate: '12',
  validDays: '30',
  ...overrides,
});

/** Refused with this code (and, for a form, these fields). */
async function refused(promise: Promise<unknown>, code: string, fields?: string[]) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null;
  expect(error, 'expected a refusal').not.toBeNull();
  expect(error!.code).toBe(code);
  if (fields) expect(error!.details.map((d) => d.field).sort()).toEqual([...fields].sort());
}

describe.each(testEngines)('posting jobs on $name', (engine) => {
  let t: TestApp;
  let clock = new Date('2026-12-01T04:00:00Z');
  const reindexed: { inTransaction: boolean; ids: number[] }[] = [];
  /** Run inside a write's transaction, after the reindex (a reader's request arriving just then). */
  let duringWrite: (() => Promise<unknown>) | undefined;
  let posting: ReturnType<typeof createPostingService>;
  let employerA: Viewer;
  let employerB: Viewer;
  let editor: Viewer;
  let companyA: number;
  let unverified: number;

  async function company(verified: boolean, members: Viewer[]): Promise<number> {
    const at = clock.toISOString();
    const code = randomBytes(9).toString('hex').toUpperCase();
    const { id } = await t.db
      .insertInto('companies')
      .values({
        slug: `c-${code.toLowerCase()}`,
        name_zh: `测试公司${code}`,
        name_en: `Test Company ${code}`,
        credit_code: code,
        industry: 'logistics',
        size: '50-149',
        region_code: 'CN-GD-SZ',
        status: verified ? 'verified' : 'pending',
        origin: 'user',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const m of members)
      await t.db
        .insertInto('company_members')
        .values({ company_id: id, user_id: m.id, role: 'owner', created_at: at })
        .execute();
    return id;
  }

  const job = (id: number) => t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = async (id: number) =>
    (await t.db.selectFrom('job_events').select('action').where('job_id', '=', id).orderBy('id').execute()).map(
      (e) => e.action,
    );

  async function published(): Promise<number> {
    const { id } = await posting.createDraft(employerA, companyA, jobForm());
    await posting.submit(employerA, id);
    await posting.approve(editor, id);
    return id;
  }

  beforeAll(async () => {
    t = await openTestApp(engine);
    const m = t.modules;
    const ctx: JobsContext = {
      db: ownTables<JobTables>(t.database.db),
      companies: m.companies.service,
      regions: m.regions.service,
      accounts: m.accounts.service,
      notifications: m.notifications.service,
      explainers: async () => new Map(),
      takeHome: async () => null,
      onTakeHomeChanged: () => {},
      benefits: readBenefitTags(),
      now: () => clock,
    };
    // The board's reindex, watched: every change of what is public must call it inside its transaction.
    posting = createPostingService(ctx, {
      reindexJobs: async (trx, ids) => {
        reindexed.push({ inTransaction: trx.isTransaction, ids });
        await m.jobs.board.reindexJobs(trx, ids);
        await duringWrite?.();
      },
      jobPagesChanged: () => m.jobs.board.pages.forgetAll(),
    });
    employerA = (await signInAs(t, 'employer')).user;
    employerB = (await signInAs(t, 'employer')).user;
    editor = (await signInAs(t, 'editor')).user;
    companyA = await company(true, [employerA]);
    unverified = await company(false, [employerA]);
  });
  afterAll(async () => t?.close());

  it('walks a job through its life, each move recorded and the public ones reindexed in their transaction', async () => {
    const { id } = await posting.createDraft(employerA, companyA, jobForm());
    expect((await job(id)).status).toBe('draft');
    await posting.submit(employerA, id);
    expect((await job(id)).status).toBe('pending');
    reindexed.length = 0;
    await posting.approve(editor, id);
    const live = await job(id);
    expect(live).toMatchObject({ status: 'published', valid_through: '2026-12-31', posted_at: clock.toISOString() });
    await posting.pause(employerA, id);
    expect((await job(id)).status).toBe('paused');
    await posting.resume(employerA, id);
    expect((await job(id)).status).toBe('published');
    await posting.renew(employerA, id, 60);
    expect((await job(id)).valid_through).toBe('2027-01-30');
    await posting.close(employerA, id);
    expect((await job(id)).status).toBe('closed');
    expect(reindexed).toEqual(Array.from({ length: 5 }, () => ({ inTransaction: true, ids: [id] })));
    expect(await events(id)).toEqual(['created', 'submitted', 'approved', 'paused', 'resumed', 'renewed', 'closed']);
  });

  // SQLite's one connection makes a read wait for the write's commit; PostgreSQL's pool reads the old rows meanwhile.
  it.skipIf(engine.name === 'sqlite')(
    'drops the cached job page again once the write commits: a reader during the write kept the old one',
    async () => {
      const id = await published();
      const path = `/jobs/${id}-warehouse-supervisor`;
      const read = async () => (await t.app.inject({ method: 'GET', url: path })).body;
      expect(await read()).toContain('3–5 years');
      const { values } = await posting.jobForEdit(employerA, id);
      duringWrite = read;
      try {
        await posting.saveEdit(employerA, id, { ...values, experience: '5-10' });
      } finally {
        duringWrite = undefined;
      }
      expect(await read()).toContain('5–10 years');
    },
  );

  it('refuses every move from a state it does not start from', async () => {
    const { id } = await posting.createDraft(employerA, companyA, jobForm());
    await refused(posting.approve(editor, id), 'CONFLICT');
    await refused(posting.pause(employerA, id), 'CONFLICT');
    await refused(posting.resume(employerA, id), 'CONFLICT');
    await refused(posting.renew(employerA, id, 30), 'CONFLICT');
    await refused(posting.reject(editor, id, 'no'), 'CONFLICT');
    await posting.submit(employerA, id);
    await refused(posting.submit(employerA, id), 'CONFLICT');
    await refused(posting.pause(employerA, id), 'CONFLICT');
    await refused(posting.reject(editor, id, '  '), 'VALIDATION', ['reason']);
    await posting.reject(editor, id, 'Say where the warehouse is.');
    expect(await job(id)).toMatchObject({ status: 'rejected', decision_reason: 'Say where the warehouse is.' });
    await refused(posting.approve(editor, id), 'CONFLICT');
    await posting.submit(employerA, id);
    await posting.approve(editor, id);
    await refused(posting.submit(employerA, id), 'CONFLICT');
    await refused(posting.resume(employerA, id), 'CONFLICT');
    await refused(posting.renew(employerA, id, 91), 'VALIDATION', ['days']);
    await posting.close(employerA, id);
    for (const move of [posting.close, posting.pause, posting.resume, posting.submit])
      await refused(move(employerA, id), 'CONFLICT');
    await refused(posting.saveEdit(employerA, id, jobForm()), 'CONFLICT');
  });

  it('tells the employer why a job was rejected', async () => {
    const { id } = await posting.createDraft(employerA, companyA, jobForm({ titleEn: 'Forklift driver' }));
    await posting.submit(employerA, id);
    await posting.reject(editor, id, 'The salary is below the city minimum wage.');
    const [note] = await t.modules.notifications.service.list(employerA.id);
    expect(note).toMatchObject({ kind: 'jobRejected', link: '/employer' });
    expect(note!.params).toEqual({ title: 'Forklift driver', reason: 'The salary is below the city minimum wage.' });
  });

  it('publishes only jobs of verified companies', async () => {
    const { id } = await posting.createDraft(employerA, unverified, jobForm());
    await posting.submit(employerA, id);
    const error = await posting.approve(editor, id).catch((e: AppError) => e);
    expect((error as AppError).key).toBe('jobModeration.error.companyNotVerified');
    expect((await job(id)).status).toBe('pending');
  });

  it('keeps the live version until an editor approves an edit, and keeps it when the edit is rejected', async () => {
    const id = await published();
    const before = await job(id);
    const edit = jobForm({ titleEn: 'Senior warehouse supervisor', salaryMax: '15000', headcount: '5' });
    expect(await posting.saveEdit(employerA, id, edit)).toEqual({ review: true });
    // The public version: title and salary as approved; the head count takes effect at once.
    expect(await job(id)).toMatchObject({ title_en: before.title_en, salary_max: 12000, headcount: 5 });
    expect((await posting.jobForEdit(employerA, id)).values).toMatchObject({
      titleEn: 'Senior warehouse supervisor',
      salaryMax: 15000,
    });
    const item = await posting.jobForModeration(editor, id);
    expect(item.edit?.changed.sort()).toEqual(['salaryMax', 'titleEn']);

    await posting.rejectEdit(editor, id, 'Keep the title as it was.');
    expect(await job(id)).toMatchObject({ title_en: 'Warehouse supervisor', salary_max: 12000 });
    await refused(posting.approveEdit(editor, id), 'CONFLICT');

    await posting.saveEdit(employerA, id, edit);
    reindexed.length = 0;
    await posting.approveEdit(editor, id);
    expect(await job(id)).toMatchObject({
      title_en: 'Senior warehouse supervisor',
      slug: 'senior-warehouse-supervisor',
      salary_max: 15000,
      status: 'published',
    });
    expect(reindexed).toEqual([{ inTransaction: true, ids: [id] }]);
    expect(await events(id)).toContain('edit-rejected');
  });

  it('applies benefits and declared insurance only on approval, and withdraws an edit saved back to the live values', async () => {
    const id = await posting.createDraft(employerA, companyA, jobForm()).then(async ({ id }) => {
      await posting.submit(employerA, id);
      await posting.approve(editor, id);
      return id;
    });
    const tags = async () =>
      (await t.db.selectFrom('job_benefits').select('tag').where('job_id', '=', id).orderBy('tag').execute()).map(
        (r) => r.tag,
      );
    await posting.saveEdit(
      employerA,
      id,
      jobForm({ benefits: ['meal-allowance'], insuranceBase: 'minimum', housingFundRate: '' }),
    );
    expect(await tags()).toEqual(['five-insurances-one-fund', 'paid-annual-leave']);
    expect(await job(id)).toMatchObject({ insurance_base: 'actual', housing_fund_rate: 12 });
    expect(await posting.saveEdit(employerA, id, jobForm())).toEqual({ review: false });
    expect(await t.db.selectFrom('job_pending_edits').select('job_id').where('job_id', '=', id).execute()).toEqual([]);
    expect(await events(id)).toContain('edit-withdrawn');
  });

  it('derives expiry from valid-through, takes expired jobs out once, and renews them', async () => {
    const id = await published();
    const start = clock;
    try {
      clock = new Date('2026-12-31T15:59:00Z'); // 23:59 on the last day in China: still open
      expect(await posting.expireDue(clock)).not.toContain(id);
      clock = new Date('2026-12-31T16:00:00Z'); // the next day in China
      expect(chinaDate(clock)).toBe('2027-01-01');
      reindexed.length = 0;
      const due = await posting.expireDue(clock);
      expect(due).toContain(id);
      expect(reindexed).toEqual([{ inTransaction: true, ids: due }]);
      expect(await posting.expireDue(clock)).toEqual([]);
      expect((await job(id)).status).toBe('published');
      const dashboard = await posting.dashboard(employerA);
      const mine = dashboard.flatMap((c) => c.jobs).find((j) => j.job.id === id);
      expect(mine?.state).toBe('expired');
      await refused(posting.pause(employerA, id), 'CONFLICT');
      await posting.renew(employerA, id, 10);
      expect((await job(id)).valid_through).toBe('2027-01-11');
      clock = new Date('2027-01-12T01:00:00Z');
      expect(await posting.expireDue(clock)).toContain(id);
    } finally {
      clock = start;
    }
  });

  it('refuses bad input with a message per field, storing nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await refused(
      posting.createDraft(
        employerA,
        companyA,
        jobForm({
          titleEn: '',
          descriptionZh: '',
          salaryMin: '20000',
          salaryMax: '9000',
          salaryMonths: '17',
          insuranceBase: 'fixed',
          housingFundRate: '13',
          validDays: '91',
        }),
      ),
      'VALIDATION',
      ['titleEn', 'descriptionZh', 'salaryMax', 'salaryMonths', 'insuranceBaseAmount', 'housingFundRate', 'validDays'],
    );
    await refused(posting.createDraft(employerA, companyA, jobForm({ district: 'CN-BJ-HD' })), 'VALIDATION', [
      'district',
    ]);
    await refused(posting.createDraft(employerA, companyA, jobForm({ city: 'CN-GD' })), 'VALIDATION', ['city']);
    await refused(
      posting.createDraft(employerA, companyA, jobForm({ benefits: ['free-lunch-forever'] })),
      'VALIDATION',
      ['benefits'],
    );
    expect(await count()).toBe(before);
    // One language is enough; a municipality is a city.
    const { id } = await posting.createDraft(
      employerA,
      companyA,
      jobForm({ titleEn: '', descriptionEn: '', city: 'CN-BJ', district: 'CN-BJ-HD' }),
    );
    expect(await job(id)).toMatchObject({ title_en: null, slug: '', region_code: 'CN-BJ', title_zh: '仓库主管' });
  });

  it('refuses an employer acting for another company', async () => {
    const { id } = await posting.createDraft(employerA, companyA, jobForm());
    await refused(posting.createDraft(employerB, companyA, jobForm()), 'FORBIDDEN');
    await refused(posting.saveEdit(employerB, id, jobForm()), 'FORBIDDEN');
    await refused(posting.submit(employerB, id), 'FORBIDDEN');
    await refused(posting.jobForEdit(employerB, id), 'FORBIDDEN');
    await refused(posting.approve(employerA, id), 'FORBIDDEN');
    expect((await job(id)).status).toBe('draft');
  });

  it('takes reports of public jobs, and closes the job when one is upheld', async () => {
    const id = await published();
    await refused(posting.report(null, id, { reason: 'scam', details: '' }), 'VALIDATION', ['reason']);
    await posting.report(null, id, { reason: 'deposit', details: 'They asked me for 500 yuan.' });
    await posting.report(employerB, id, { reason: 'fake', details: '' });
    const reports = await t.db.selectFrom('job_reports').selectAll().where('job_id', '=', id).orderBy('id').execute();
    expect(reports.map((r) => [r.reason, r.reporter_id, r.status])).toEqual([
      ['deposit', null, 'open'],
      ['fake', employerB.id, 'open'],
    ]);
    await posting.dismissReport(editor, reports[1]!.id);
    await refused(posting.dismissReport(editor, reports[1]!.id), 'CONFLICT');
    await posting.upholdReport(editor, reports[0]!.id);
    expect((await job(id)).status).toBe('closed');
    await refused(posting.report(null, id, { reason: 'fake', details: '' }), 'NOT_FOUND');
    const history = await posting.jobForModeration(editor, id);
    expect(history.events.map((e) => [e.action, e.actor])).toContainEqual(['report-upheld', 'Test editor']);
  });

  it('loads the shipped jobs once, published and open', async () => {
    const first = await seedJobs(t.modules, JOBS_FILE);
    expect(first.jobsAdded).toBeGreaterThan(0);
    expect(await seedJobs(t.modules, JOBS_FILE)).toEqual({ jobsAdded: 0 });
    const demo = await t.db.selectFrom('jobs').selectAll().where('origin', '=', 'demo').execute();
    expect(demo).toHaveLength(first.jobsAdded);
    const today = chinaDate(new Date());
    for (const row of demo) {
      expect(row.status).toBe('published');
      expect(row.source_key).toMatch(/^demo:/);
      expect(row.valid_through! >= today).toBe(true);
    }
  });
});
