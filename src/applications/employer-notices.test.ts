import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../test-support/databases';
import { signInAs } from '../test-support/forms';
import { APPLY_LIMIT_PER_HOUR } from './routes';
import { applicationsSuite } from './testing';

const HOUR_MS = 3_600_000;

/**
 * Waits out the last half minute of a clock hour, so that the applications a test makes fall in the same hour (the
 * test takes a few seconds, more on a loaded machine).
 */
async function awayFromTheHoursEnd() {
  const left = HOUR_MS - (Date.now() % HOUR_MS);
  if (left < 30_000) await sleep(left + 50);
}

describe.each(testEngines)('the employer hears of new applications, on $name', (engine) => {
  const { suite, seeker, job: newJob, apply, applicationOf } = applicationsSuite(engine);
  const noticesOf = (userId: number) =>
    suite.t.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'applicationsWaiting')
      .orderBy('id')
      .execute();
  const emailOf = async (userId: number) =>
    (await suite.t.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
  const mailTo = async (userId: number) =>
    suite.t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', await emailOf(userId))
      .orderBy('id')
      .execute();
  const kindsOf = async (userId: number) =>
    (
      await suite.t.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).orderBy('id').execute()
    ).map((n) => n.kind);

  it('tells every member of the company, in their language, once per job and hour, naming no seeker', async () => {
    const job = await newJob('A');
    // A colleague of employer A who reads Chinese.
    const colleague = await signInAs(suite.t, 'employer', { displayName: 'Recruiter Zhou' });
    await suite.t.db.updateTable('users').set({ locale: 'zh' }).where('id', '=', colleague.user.id).execute();
    await suite.t.db
      .insertInto('company_members')
      .values({ company_id: suite.companyA, user_id: colleague.user.id, role: 'member', created_at: '2026-12-01' })
      .execute();
    const before = {
      a: (await noticesOf(suite.employerA.user.id)).length,
      aMail: (await mailTo(suite.employerA.user.id)).length,
      b: (await noticesOf(suite.employerB.user.id)).length,
      bMail: (await mailTo(suite.employerB.user.id)).length,
    };
    const newNotices = async (userId: number, from = 0) => (await noticesOf(userId)).slice(from);
    const newMail = async (userId: number, from = 0) => (await mailTo(userId)).slice(from);

    await awayFromTheHoursEnd();
    const first = await seeker('林晓');
    expect((await apply(job, first)).statusCode).toBe(303);
    const [notice] = await newNotices(suite.employerA.user.id, before.a);
    expect(notice).toMatchObject({ link: `/employer/jobs/${job}/applicants?stage=submitted` });
    expect(JSON.parse(notice!.params_json)).toEqual({ title: 'Warehouse dispatcher', count: 1 });
    const [mail] = await newMail(suite.employerA.user.id, before.aMail);
    expect(mail!.subject).toBe('New applications to your job post “Warehouse dispatcher”: 1 is waiting to be opened');
    expect(mail!.body).toContain(`/employer/jobs/${job}/applicants?stage=submitted`);
    const [colleagueMail] = await newMail(colleague.user.id);
    expect(colleagueMail!.subject).toBe('您的职位“仓库调度员”收到新投递：1 份待查看');
    expect(colleagueMail!.body).toContain(`/zh/employer/jobs/${job}/applicants?stage=submitted`);
    // The job and the count, nothing of the person: a deleted account leaves nothing behind in employers' mail.
    const profile = JSON.parse(
      (
        await suite.t.db
          .selectFrom('application_documents')
          .select('resume_json')
          .where('application_id', '=', (await applicationOf(job, first.user.id)).id)
          .executeTakeFirstOrThrow()
      ).resume_json,
    ).profile;
    for (const sent of [mail!, colleagueMail!]) {
      for (const personal of [profile.fullName, profile.email, profile.phone, await emailOf(first.user.id)]) {
        expect(`${sent.subject}\n${sent.body}`).not.toContain(personal);
      }
    }

    // More in the same hour: on the applicant list, not in more mail.
    await apply(job, await seeker('林二'));
    await apply(job, await seeker('林三'));
    expect(await newNotices(suite.employerA.user.id, before.a)).toHaveLength(1);
    expect(await newMail(suite.employerA.user.id, before.aMail)).toHaveLength(1);
    expect(await newNotices(colleague.user.id)).toHaveLength(1);
    expect(await newMail(colleague.user.id)).toHaveLength(1);

    // An hour later, the next application is told again, with all that wait.
    const hourAgo = new Date(Date.now() - HOUR_MS).toISOString();
    await suite.t.db.updateTable('applications').set({ created_at: hourAgo }).where('job_id', '=', job).execute();
    await apply(job, await seeker('林四'));
    const notices = await newNotices(suite.employerA.user.id, before.a);
    expect(notices).toHaveLength(2);
    expect(JSON.parse(notices[1]!.params_json)).toMatchObject({ count: 4 });
    expect(await newMail(suite.employerA.user.id, before.aMail)).toHaveLength(2);
    expect((await newMail(colleague.user.id)).map((m) => m.subject)).toEqual([
      '您的职位“仓库调度员”收到新投递：1 份待查看',
      '您的职位“仓库调度员”收到新投递：4 份待查看',
    ]);

    // Another company's people hear nothing of it; the seeker hears of their own application only.
    expect(await newNotices(suite.employerB.user.id, before.b)).toEqual([]);
    expect(await newMail(suite.employerB.user.id, before.bMail)).toEqual([]);
    expect(await kindsOf(first.user.id)).toEqual(['applicationSubmitted']);
  });

  it('tells nobody of an application refused because the seeker blocked the company', async () => {
    const job = await newJob('B');
    const blocker = await seeker('郑重');
    await suite.t.modules.resumes.service.block(blocker.user.id, suite.companyB);
    const before = (await noticesOf(suite.employerB.user.id)).length;
    expect((await apply(job, blocker)).statusCode).toBe(409);
    expect(await noticesOf(suite.employerB.user.id)).toHaveLength(before);
    // The same seeker's application to a job of a company they did not block is told to that company.
    const other = await newJob('A');
    const beforeA = (await noticesOf(suite.employerA.user.id)).length;
    expect((await apply(other, blocker)).statusCode).toBe(303);
    expect(await noticesOf(suite.employerA.user.id)).toHaveLength(beforeA + 1);
  });
});

describe.each(testEngines)('a notice that fails after the change is committed, on $name', (engine) => {
  const { suite, seeker, job: newJob, apply, applicationOf } = applicationsSuite(engine);
  afterEach(() => vi.restoreAllMocks());

  it('leaves the application made and answers as usual: the failure is logged, not the request’s', async () => {
    const job = await newJob('A');
    const person = await seeker('钱进');
    vi.spyOn(suite.t.modules.notifications.service, 'notify').mockRejectedValue(new Error('notifications down'));
    expect((await apply(job, person)).statusCode).toBe(303);
    expect(await applicationOf(job, person.user.id)).toMatchObject({ status: 'submitted' });
  });
});

describe.each(testEngines)('applying and withdrawing are rate-limited per seeker, on $name', (engine) => {
  const { seeker, job: newJob, post, apply, applicationOf } = applicationsSuite(engine);

  it(`answers 429 after ${APPLY_LIMIT_PER_HOUR} applications an hour, not before, in both languages`, async () => {
    const job = await newJob('A');
    const busy = await seeker('钱多');
    const statuses: number[] = [];
    // Each post counts, taken or refused: the first is taken, the rest are refused as already applied.
    for (let i = 0; i < APPLY_LIMIT_PER_HOUR; i += 1) statuses.push((await apply(job, busy)).statusCode);
    expect(statuses[0]).toBe(303);
    expect(statuses.slice(1).every((status) => status === 409)).toBe(true);
    const limited = await apply(job, busy);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain(`You can apply at most ${APPLY_LIMIT_PER_HOUR} times an hour`);
    const inChinese = await post(`/zh/jobs/${job}/apply`, { resume: 'profile', note: '' }, busy.cookies);
    expect(inChinese.statusCode).toBe(429);
    expect(inChinese.body).toContain(`每小时最多投递 ${APPLY_LIMIT_PER_HOUR} 次`);
    // Per seeker: another one applies as usual.
    expect((await apply(job, await seeker('孙少'))).statusCode).toBe(303);
  });

  it(`answers 429 after ${APPLY_LIMIT_PER_HOUR} withdrawals an hour, not before`, async () => {
    const job = await newJob('A');
    const fickle = await seeker('周变');
    await apply(job, fickle);
    const { id } = await applicationOf(job, fickle.user.id);
    const url = `/account/applications/${id}/withdraw`;
    const statuses: number[] = [];
    for (let i = 0; i < APPLY_LIMIT_PER_HOUR; i += 1) statuses.push((await post(url, {}, fickle.cookies)).statusCode);
    expect(statuses[0]).toBe(303);
    expect(statuses.slice(1).every((status) => status === 409)).toBe(true);
    const limited = await post(url, {}, fickle.cookies);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain(`You can withdraw at most ${APPLY_LIMIT_PER_HOUR} times an hour`);
    const inChinese = await post(`/zh${url}`, {}, fickle.cookies);
    expect(inChinese.body).toContain(`每小时最多撤回 ${APPLY_LIMIT_PER_HOUR} 次`);
  });
});
