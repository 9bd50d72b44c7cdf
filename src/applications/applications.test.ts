import { describe, expect, it } from 'vitest';
import { testEngines } from '../test-support/databases';
import { applicationsSuite } from './testing';

describe.each(testEngines)('applications on $name', (engine) => {
  const { suite, seeker, job: newJob, get, post, apply, applicationOf } = applicationsSuite(engine);
  const notificationsOf = (userId: number) =>
    suite.t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  const eventsOf = (applicationId: number) =>
    suite.t.db
      .selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute();

  it('applies once from the job page, with a PDF and a note, and the seeker is told', async () => {
    const zhang = await seeker('张伟', true);
    const page = await get(`/jobs/${suite.jobA}/apply`, zhang.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('cv.pdf');
    const sent = await apply(suite.jobA, zhang, { resume: zhang.fileId!, note: 'I hold a forklift licence.' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/account/applications?notice=applied');
    const row = await applicationOf(suite.jobA, zhang.user.id);
    expect(row).toMatchObject({ status: 'submitted', seeker_name: '张伟', resume_file_name: 'cv.pdf' });
    expect(row.note).toBe('I hold a forklift licence.');
    const document = await suite.t.db
      .selectFrom('application_documents')
      .selectAll()
      .where('application_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(document.resume_json).profile.fullName).toBe('张伟');
    expect(document.search_text).toContain('forklift certificate');
    expect((await eventsOf(row.id)).map((e) => [e.from_status, e.to_status, e.side])).toEqual([
      [null, 'submitted', 'seeker'],
    ]);
    expect((await notificationsOf(zhang.user.id)).map((n) => n.kind)).toEqual(['applicationSubmitted']);
    // Once per job: the second is refused, and the job page says applied.
    const again = await apply(suite.jobA, zhang);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already applied');
    const jobPage = await get(`/jobs/${suite.jobA}-warehouse-dispatcher`, zhang.cookies);
    expect(jobPage.body).toContain('You applied on');
    const mine = await get('/zh/account/applications', zhang.cookies);
    expect(mine.body).toContain('已投递');
    expect(mine.body).toContain('仓库调度员');
  });

  it('refuses jobs not taking applications: closed, paused, expired, unpublished', async () => {
    const wang = await seeker('王芳');
    const closed = await newJob('A', 'closed');
    const paused = await newJob('A', 'paused');
    const expired = await newJob('A');
    await suite.t.db.updateTable('jobs').set({ valid_through: '2020-01-01' }).where('id', '=', expired).execute();
    const draft = await newJob('A', 'draft');
    for (const job of [closed, paused, expired]) {
      const response = await apply(job, wang);
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain('not taking applications');
    }
    expect((await apply(draft, wang)).statusCode).toBe(404);
    const count = await suite.t.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('seeker_id', '=', wang.user.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a seeker without a résumé, a file not theirs, a long note, and a company they blocked', async () => {
    const zhao = await seeker('赵敏');
    const other = await seeker('钱进', true);
    expect((await apply(suite.jobA, zhao, { resume: other.fileId! })).statusCode).toBe(400);
    const long = await apply(suite.jobA, zhao, { note: 'x'.repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('at most 1,000 characters');
    await suite.t.modules.resumes.service.block(zhao.user.id, suite.companyA);
    const blocked = await apply(suite.jobA, zhao);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.body).toContain('blocked this company');
    const { cookies } = await import('../test-support/forms').then((f) => f.signInAs(suite.t, 'member'));
    const empty = await apply(suite.jobA, { cookies, user: zhao.user });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Fill in your résumé first');
  });

  it('needs the CSRF token', async () => {
    const sun = await seeker('孙丽');
    const response = await post(`/jobs/${suite.jobA}/apply`, { resume: 'profile' }, sun.cookies, true);
    expect(response.statusCode).toBe(403);
    const row = await suite.t.db
      .selectFrom('applications')
      .select('id')
      .where('seeker_id', '=', sun.user.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('becomes viewed when the employer first opens it, then moves along with its history and notifications', async () => {
    const li = await seeker('李娜', true);
    await apply(suite.jobA, li, { resume: li.fileId! });
    const row = await applicationOf(suite.jobA, li.user.id);
    const opened = await get(`/employer/applications/${row.id}`, suite.employerA.cookies);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('李娜');
    expect((await applicationOf(suite.jobA, li.user.id)).status).toBe('viewed');
    await get(`/employer/applications/${row.id}`, suite.employerA.cookies);
    expect((await eventsOf(row.id)).map((e) => e.to_status)).toEqual(['submitted', 'viewed']);
    expect((await get('/zh/account/applications', li.cookies)).body).toContain('被查看');

    // An interview needs its time and its place.
    const bare = await post(`/employer/applications/${row.id}/move`, { to: 'interview' }, suite.employerA.cookies);
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('date and time');
    const invited = await post(
      `/employer/applications/${row.id}/move`,
      { to: 'interview', interviewAt: '2026-12-20T14:30', interviewPlace: '南山区科技园 3 号楼' },
      suite.employerA.cookies,
    );
    expect(invited.statusCode).toBe(303);
    const mine = await get('/zh/account/applications', li.cookies);
    expect(mine.body).toContain('邀面试');
    expect(mine.body).toContain('2026-12-20 14:30');
    const kinds = (await notificationsOf(li.user.id)).map((n) => n.kind);
    expect(kinds).toEqual(['applicationSubmitted', 'applicationViewed', 'applicationInterview']);
    const mail = await suite.t.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.body).toContain('2026-12-20 14:30');

    // Hired is final.
    await post(`/employer/applications/${row.id}/move`, { to: 'offer' }, suite.employerA.cookies);
    const back = await post(`/employer/applications/${row.id}/move`, { to: 'rejected' }, suite.employerA.cookies);
    expect(back.statusCode).toBe(409);
    expect((await get('/account/applications', li.cookies)).body).not.toContain('Withdraw my application');
    const history = await eventsOf(row.id);
    expect(history.map((e) => [e.from_status, e.to_status])).toEqual([
      [null, 'submitted'],
      ['submitted', 'viewed'],
      ['viewed', 'interview'],
      ['interview', 'offer'],
    ]);
    expect(history[2]).toMatchObject({
      actor_id: suite.employerA.user.id,
      side: 'employer',
      interview_at: '2026-12-20 14:30',
      interview_place: '南山区科技园 3 号楼',
    });
    // The file, for the employer only, as an attachment.
    const file = await get(`/employer/applications/${row.id}/file`, suite.employerA.cookies);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('undoes a not-a-fit within 24 hours, back to where it was, with the reason shown to the seeker', async () => {
    const zhou = await seeker('周杰');
    await apply(suite.jobA, zhou);
    const row = await applicationOf(suite.jobA, zhou.user.id);
    await get(`/employer/applications/${row.id}`, suite.employerA.cookies);
    await post(
      `/employer/applications/${row.id}/move`,
      { to: 'rejected', reason: 'We need five years of experience.' },
      suite.employerA.cookies,
    );
    expect((await get('/account/applications', zhou.cookies)).body).toContain('We need five years of experience.');
    expect(
      (await post(`/employer/applications/${row.id}/move`, { to: 'offer' }, suite.employerA.cookies)).statusCode,
    ).toBe(409);
    const undone = await post(`/employer/applications/${row.id}/move`, { to: 'viewed' }, suite.employerA.cookies);
    expect(undone.statusCode).toBe(303);
    expect(await applicationOf(suite.jobA, zhou.user.id)).toMatchObject({ status: 'viewed', reject_reason: null });
    // A day later it is final.
    await post(`/employer/applications/${row.id}/move`, { to: 'rejected' }, suite.employerA.cookies);
    const dayAgo = new Date(Date.now() - 25 * 3600_000).toISOString();
    await suite.t.db.updateTable('applications').set({ status_changed_at: dayAgo }).where('id', '=', row.id).execute();
    const late = await post(`/employer/applications/${row.id}/move`, { to: 'viewed' }, suite.employerA.cookies);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('within 24 hours');
    expect((await notificationsOf(zhou.user.id)).map((n) => n.kind)).toEqual([
      'applicationSubmitted',
      'applicationViewed',
      'applicationRejected',
      'applicationRestored',
      'applicationRejectedNoReason',
    ]);
  });

  it('lets the seeker withdraw while open; withdrawn is final', async () => {
    const wu = await seeker('吴昊');
    await apply(suite.jobA, wu);
    const row = await applicationOf(suite.jobA, wu.user.id);
    const withdrawn = await post(`/account/applications/${row.id}/withdraw`, {}, wu.cookies);
    expect(withdrawn.statusCode).toBe(303);
    expect((await applicationOf(suite.jobA, wu.user.id)).status).toBe('withdrawn');
    expect((await post(`/account/applications/${row.id}/withdraw`, {}, wu.cookies)).statusCode).toBe(409);
    const move = await post(
      `/employer/applications/${row.id}/move`,
      { to: 'interview', interviewAt: '2026-12-20T10:00', interviewPlace: 'x' },
      suite.employerA.cookies,
    );
    expect(move.statusCode).toBe(409);
    expect((await get('/zh/account/applications', wu.cookies)).body).toContain('已撤回');
  });

  it('lists applicants by stage, searches their résumé text, and turns a selection down with one message', async () => {
    const job = await newJob('A');
    const people = [await seeker('陈一', true), await seeker('陈二'), await seeker('陈三')];
    for (const p of people) await apply(job, p, p.fileId ? { resume: p.fileId } : {});
    // The dashboard leads there.
    expect((await get('/employer', suite.employerA.cookies)).body).toContain(`/employer/jobs/${job}/applicants`);
    const list = await get(`/employer/jobs/${job}/applicants`, suite.employerA.cookies);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('All (3)');
    const found = await get(
      `/employer/jobs/${job}/applicants?q=${encodeURIComponent('Forklift CERTIFICATE')}`,
      suite.employerA.cookies,
    );
    expect(found.body).toContain('陈一');
    expect(found.body).not.toContain('陈二');
    // LIKE's wildcards are taken literally.
    expect((await get(`/employer/jobs/${job}/applicants?q=%25`, suite.employerA.cookies)).body).not.toContain('陈一');
    const ids = await Promise.all(
      people.slice(0, 2).map((p) => applicationOf(job, p.user.id).then((r) => String(r.id))),
    );
    const done = await post(
      `/employer/jobs/${job}/applicants/not-a-fit`,
      { ids, message: '感谢投递，暂不合适。' },
      suite.employerA.cookies,
    );
    expect(done.statusCode).toBe(303);
    const rejected = await get(`/employer/jobs/${job}/applicants?stage=rejected`, suite.employerA.cookies);
    expect(rejected.body).toContain('陈一');
    expect(rejected.body).toContain('陈二');
    expect(rejected.body).not.toContain('陈三');
    expect(await applicationOf(job, people[0]!.user.id)).toMatchObject({ reject_reason: '感谢投递，暂不合适。' });
    const none = await post(`/employer/jobs/${job}/applicants/not-a-fit`, { message: 'x' }, suite.employerA.cookies);
    expect(none.statusCode).toBe(400);
  });

  it('keeps private notes for the employer only', async () => {
    const he = await seeker('何静');
    await apply(suite.jobA, he);
    const row = await applicationOf(suite.jobA, he.user.id);
    const saved = await post(
      `/employer/applications/${row.id}/notes`,
      { body: 'Strong on routing; call back.' },
      suite.employerA.cookies,
    );
    expect(saved.statusCode).toBe(303);
    expect((await get(`/employer/applications/${row.id}`, suite.employerA.cookies)).body).toContain(
      'Strong on routing; call back.',
    );
    expect((await get('/account/applications', he.cookies)).body).not.toContain('Strong on routing');
    expect(
      (await post(`/employer/applications/${row.id}/notes`, { body: ' ' }, suite.employerA.cookies)).statusCode,
    ).toBe(400);
  });

  it('shows responsiveness on the job and company pages once 10 applications count', async () => {
    const job = await newJob('B');
    const slug = (
      await suite.t.db.selectFrom('companies').select('slug').where('id', '=', suite.companyB).executeTakeFirstOrThrow()
    ).slug;
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000).toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const p = await seeker(`应聘者${i}`);
      await apply(job, p);
      const row = await applicationOf(job, p.user.id);
      ids.push(row.id);
      await suite.t.db.updateTable('applications').set({ created_at: fourDaysAgo }).where('id', '=', row.id).execute();
      await suite.t.db
        .updateTable('application_events')
        .set({ at: fourDaysAgo })
        .where('application_id', '=', row.id)
        .execute();
    }
    const page = () => get(`/jobs/${job}-warehouse-dispatcher`);
    expect((await page()).body).toContain('Has not replied to any of 10 applications');
    // Eight replies (not-a-fit counts; viewed does not), all at once: within the three days of none of them but…
    for (const id of ids.slice(0, 8)) {
      await post(`/employer/applications/${id}/move`, { to: 'rejected' }, suite.employerB.cookies);
      await suite.t.db
        .updateTable('application_events')
        .set({ at: new Date(Date.parse(fourDaysAgo) + 86_400_000).toISOString() })
        .where('application_id', '=', id)
        .where('to_status', '=', 'rejected')
        .execute();
    }
    await get(`/employer/applications/${ids[8]}`, suite.employerB.cookies);
    expect((await page()).body).toContain('Replies to 80% of applications within 3 days');
    expect((await get(`/companies/${slug}`)).body).toContain('Replies to 80% of applications within 3 days');
    expect((await get(`/zh/companies/${slug}`)).body).toContain('3 天内回复 80% 的投递');
    // Kept per job and company (ten minutes): a change made behind the service's back does not show yet.
    await suite.t.db
      .deleteFrom('application_events')
      .where('application_id', 'in', ids)
      .where('to_status', '=', 'rejected')
      .execute();
    expect((await page()).body).toContain('Replies to 80% of applications within 3 days');
    expect((await get(`/companies/${slug}`)).body).toContain('Replies to 80% of applications within 3 days');
  });

  it('exports and forgets a seeker’s applications (the employer keeps them, anonymised)', async () => {
    const gao = await seeker('高远', true);
    await apply(suite.jobA, gao, { resume: gao.fileId!, note: 'Call me after six.' });
    const holder = suite.t.modules.applications.personalData;
    const exported = (await holder.exportFor(gao.user.id)) as { note: string; history: unknown[] }[];
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ note: 'Call me after six.', status: 'submitted' });
    await holder.forget(gao.user.id);
    const row = await suite.t.db
      .selectFrom('applications')
      .selectAll()
      .where('job_id', '=', suite.jobA)
      .where('seeker_id', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ seeker_name: '', note: '', resume_file_id: null });
    expect(
      await suite.t.db
        .selectFrom('application_documents')
        .selectAll()
        .where('application_id', '=', row.id)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ resume_json: '{}', search_text: '' });
    const page = await get(`/employer/applications/${row.id}`, suite.employerA.cookies);
    expect(page.body).toContain('Deleted account');
    expect(page.body).not.toContain('高远');
    expect(await holder.exportFor(gao.user.id)).toEqual([]);
  });
});

describe.each(testEngines)('a seeker’s deleted account and their applications, on $name', (engine) => {
  const { suite, seeker, get, apply, applicationOf } = applicationsSuite(engine);

  it('keeps the application for the employer, anonymised, when the seeker deletes their account', async () => {
    const ma = await seeker('马丽', true);
    await apply(suite.jobA, ma, { resume: ma.fileId!, note: 'Weekends too.' });
    const { id } = await applicationOf(suite.jobA, ma.user.id);
    await suite.t.modules.privacy.service.deleteAccount(ma.user, ma.password, '10.9.9.9');
    const row = await suite.t.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ seeker_id: null, seeker_name: '', note: '', resume_file_id: null });
    const events = await suite.t.db
      .selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', id)
      .execute();
    expect(events.map((e) => [e.to_status, e.actor_id])).toEqual([['submitted', null]]);
    const page = await get(`/employer/applications/${id}`, suite.employerA.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('deleted their account');
    expect(page.body).not.toContain('马丽');
    expect((await get(`/employer/applications/${id}/file`, suite.employerA.cookies)).statusCode).toBe(404);
  });
});
