import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../accounts';
import { verifiedCompany } from '../test-support/companies';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../test-support/forms';
import { MAX_SEARCHES_PER_USER } from './index';
import { publishJob, saveSearch } from './testing';

const HOUR = 3600 * 1000;
const hoursLater = (hours: number) => new Date(Date.now() + hours * HOUR);

describe.each(testEngines)('saved searches and job alerts on $name', (engine) => {
  let t: TestApp;
  let seeker: { cookies: Cookies; user: Viewer };
  let other: { cookies: Cookies; user: Viewer };
  let people: { employer: Viewer; editor: Viewer; companyId: number };

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const searchesOf = (userId: number) =>
    t.db.selectFrom('saved_searches').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  const alertsOf = (userId: number) =>
    t.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'savedSearchMatches')
      .orderBy('id')
      .execute();
  const mailTo = (email: string) =>
    t.db.selectFrom('outbox').selectAll().where('to_address', '=', email).orderBy('id').execute();
  const run = (at: Date) => t.modules.alerts.service.runDueAlerts(at);

  beforeAll(async () => {
    t = await openTestApp(engine);
    seeker = await signInAs(t, 'member', { displayName: 'Seeker Li' });
    other = await signInAs(t, 'member', { displayName: 'Seeker Wu' });
    const employer = await signInAs(t, 'employer');
    const editor = await signInAs(t, 'editor');
    people = {
      employer: employer.user,
      editor: editor.user,
      companyId: await verifiedCompany(t, employer.user, editor.user),
    };
  }, 300_000);
  afterAll(async () => t?.close());

  it('offers the /jobs search to a signed-in reader as a form with its query, and a sign-in link to others', async () => {
    const signedIn = await get('/jobs?q=%E4%BB%93%E5%BA%93&city=CN-GD-SZ&page=2', seeker.cookies);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.body).toMatch(/<form method="post" action="\/account\/alerts"/);
    // The search without its page, as the board writes its address.
    expect(signedIn.body).toContain('name="query" value="q=%E4%BB%93%E5%BA%93&amp;city=CN-GD-SZ"');
    const zh = await get('/zh/jobs?city=CN-GD-SZ', seeker.cookies);
    expect(zh.body).toMatch(/action="\/zh\/account\/alerts"/);
    expect(zh.body).toContain('保存搜索');
    const anonymous = await get('/jobs?city=CN-GD-SZ');
    expect(anonymous.body).not.toContain('action="/account/alerts"');
    expect(anonymous.body).toContain('/account/sign-in?next=%2Fjobs%3Fcity%3DCN-GD-SZ');
  });

  it('saves a search with its parsed filters, named by its summary in the reader’s language, linking back', async () => {
    const response = await saveSearch(
      t,
      seeker.cookies,
      'q=%E4%BB%93%E5%BA%93&city=CN-GD-SZ&salaryMin=8000&benefits=five-insurances-one-fund&page=3&utm=x',
      '',
      '/zh/account/alerts',
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/zh/account/alerts?done=saved');
    const [saved] = await searchesOf(seeker.user.id);
    expect(saved?.name).toBe('仓库 · 深圳市 · 月薪8,000元以上 · 五险一金');
    expect(JSON.parse(saved!.query_json)).toEqual({
      q: '仓库',
      city: 'CN-GD-SZ',
      salaryMin: 8000,
      benefits: ['five-insurances-one-fund'],
    });
    expect(saved?.search_path).toBe(
      '/jobs?q=%E4%BB%93%E5%BA%93&city=CN-GD-SZ&salaryMin=8000&benefits=five-insurances-one-fund',
    );
    const page = await get('/zh/account/alerts?done=saved', seeker.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('搜索已保存');
    expect(page.body).toContain(
      'href="/zh/jobs?q=%E4%BB%93%E5%BA%93&amp;city=CN-GD-SZ&amp;salaryMin=8000&amp;benefits=five-insurances-one-fund"',
    );
    // The English page writes the summary in English under the (Chinese) name.
    const english = await get('/account/alerts', seeker.cookies);
    expect(english.body).toContain('仓库 · Shenzhen · from ¥8,000 a month · Five insurances');
    // Saving the same search again (written differently) is refused.
    const again = await saveSearch(
      t,
      seeker.cookies,
      'benefits=five-insurances-one-fund&salaryMin=8000&city=CN-GD-SZ&q=%E4%BB%93%E5%BA%93',
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('You have saved this search already.');
    await t.modules.alerts.service.personalData.forget(seeker.user.id);
  });

  it('notifies a new matching job once, in-app and by mail; not an older one, a non-matching one, or twice', async () => {
    const before = await publishJob(t, people, { titleZh: '冷库主管', titleEn: 'Cold store lead' });
    const response = await saveSearch(t, seeker.cookies, 'q=%E5%86%B7%E5%BA%93&city=CN-GD-SZ', 'Cold stores');
    expect(response.statusCode).toBe(303);
    const [search] = await searchesOf(seeker.user.id);
    const fresh = await publishJob(t, people, { titleZh: '冷库主管（夜班）', titleEn: 'Cold store night lead' });
    // Another city: not a match.
    await publishJob(t, people, { titleZh: '冷库主管', titleEn: 'Cold store lead', city: 'CN-SH', district: '' });

    // Not due before a day has passed since saving.
    expect((await run(hoursLater(1))).searches).toBe(0);
    expect(await alertsOf(seeker.user.id)).toEqual([]);

    // The list counts the new job since the search was saved.
    const list = await get('/account/alerts', seeker.cookies);
    expect(list.body).toContain('1 new job since');

    const first = await run(hoursLater(25));
    expect(first).toMatchObject({ notified: 1, jobs: 1, failed: [] });
    const notes = await alertsOf(seeker.user.id);
    expect(notes).toHaveLength(1);
    expect(JSON.parse(notes[0]!.params_json)).toEqual({ name: 'Cold stores', count: 1 });
    expect(notes[0]!.link).toBe(search!.search_path);
    const notified = await t.db
      .selectFrom('saved_search_notified')
      .select('job_id')
      .where('saved_search_id', '=', search!.id)
      .execute();
    expect(notified.map((n) => n.job_id)).toEqual([fresh]);
    expect(notified.map((n) => n.job_id)).not.toContain(before);
    const mail = await mailTo(seeker.user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('1 new job matches your saved search “Cold stores”');
    expect(mail[0]!.body).toContain('/jobs?q=%E5%86%B7%E5%BA%93&city=CN-GD-SZ');

    // Running again, now or a day later, notifies nothing new.
    expect((await run(hoursLater(25))).searches).toBe(0);
    expect(await run(hoursLater(50))).toMatchObject({ searches: 1, notified: 0, jobs: 0 });
    expect(await alertsOf(seeker.user.id)).toHaveLength(1);
    expect(await mailTo(seeker.user.email)).toHaveLength(1);
    await t.modules.alerts.service.personalData.forget(seeker.user.id);
    // The notified jobs go with the search (on delete cascade).
    const left = await t.db
      .selectFrom('saved_search_notified')
      .select('job_id')
      .where('saved_search_id', '=', search!.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('notifies a job that reaches the board after a run with an earlier posted_at, once', async () => {
    expect((await saveSearch(t, other.cookies, 'q=%E5%8F%89%E8%BD%A6', '')).statusCode).toBe(303);
    await t.db.updateTable('users').set({ locale: 'zh' }).where('id', '=', other.user.id).execute();
    // The day's run finds nothing …
    expect(await run(hoursLater(25))).toMatchObject({ searches: 1, notified: 0 });
    // … then a job posted before that run (as one whose approval committed while the run read) appears.
    const late = await publishJob(t, people, { titleZh: '叉车司机', titleEn: 'Forklift driver' });
    expect(await run(hoursLater(50))).toMatchObject({ searches: 1, notified: 1, jobs: 1 });
    const [note] = await alertsOf(other.user.id);
    expect(JSON.parse(note!.params_json)).toEqual({ name: '叉车', count: 1 });
    const [mail] = await mailTo(other.user.email);
    expect(mail!.subject).toBe('你保存的搜索“叉车”有 1 个新职位');
    expect(mail!.body).toContain('/zh/jobs?q=%E5%8F%89%E8%BD%A6');
    // Looked at again by the next run's look-back, it is not notified twice.
    expect(await run(hoursLater(75))).toMatchObject({ searches: 1, notified: 0 });
    expect(await alertsOf(other.user.id)).toHaveLength(1);
    expect(late).toBeGreaterThan(0);
    await t.modules.alerts.service.personalData.forget(other.user.id);
  });

  it('lets only the owner delete a saved search (another person: 404), with a CSRF token, signed in', async () => {
    await saveSearch(t, seeker.cookies, 'city=CN-SH');
    const [search] = await searchesOf(seeker.user.id);
    const url = `/account/alerts/${search!.id}/delete`;
    const byOther = await postForm(t.app, url, {}, other.cookies, { remoteAddress: testIp() });
    expect(byOther.response.statusCode).toBe(404);
    const anonymous = await postForm(t.app, url, {}, {}, { remoteAddress: testIp() });
    expect(anonymous.response.statusCode).toBe(401);
    const withoutToken = await postForm(t.app, url, {}, seeker.cookies, { withoutToken: true });
    expect(withoutToken.response.statusCode).toBe(403);
    expect(await searchesOf(seeker.user.id)).toHaveLength(1);
    // Another person's list does not show it.
    expect((await get('/account/alerts', other.cookies)).body).not.toContain('/jobs?city=CN-SH');
    const byOwner = await postForm(t.app, url, {}, seeker.cookies, { remoteAddress: testIp() });
    expect(byOwner.response.statusCode).toBe(303);
    expect(byOwner.response.headers.location).toBe('/account/alerts?done=deleted');
    expect(await searchesOf(seeker.user.id)).toHaveLength(0);
    const again = await postForm(t.app, url, {}, seeker.cookies, { remoteAddress: testIp() });
    expect(again.response.statusCode).toBe(404);
  });

  it('refuses anonymous readers and posts without a CSRF token', async () => {
    const list = await get('/account/alerts');
    expect(list.statusCode).toBe(303);
    expect(list.headers.location).toContain('/account/sign-in?next=');
    expect((await saveSearch(t, {}, 'city=CN-SH')).statusCode).toBe(401);
    const withoutToken = await postForm(t.app, '/account/alerts', { query: 'city=CN-SH', name: '' }, seeker.cookies, {
      withoutToken: true,
    });
    expect(withoutToken.response.statusCode).toBe(403);
    expect(await searchesOf(seeker.user.id)).toHaveLength(0);
  });

  it('refuses a bad search with a 400 and its reason, saving nothing', async () => {
    const cases: [string, string, string][] = [
      ['salaryMin=abc', '', 'salary'],
      ['city=CN-XX-YY', '', 'city or district'],
      ['benefits=free-lunch-forever', '', 'benefits'],
      ['experience=ancient', '', 'experience'],
      ['city=CN-SH', 'x'.repeat(121), '120 characters'],
      [`q=${'a'.repeat(2100)}`, '', 'too long'],
    ];
    for (const [query, name, reason] of cases) {
      const response = await saveSearch(t, seeker.cookies, query, name);
      expect(response.statusCode, query.slice(0, 40)).toBe(400);
      expect(response.body.toLowerCase()).toContain(reason);
    }
    expect(await searchesOf(seeker.user.id)).toHaveLength(0);
  });

  it(`keeps at most ${MAX_SEARCHES_PER_USER} saved searches a person`, async () => {
    for (let i = 1; i <= MAX_SEARCHES_PER_USER; i += 1) {
      expect((await saveSearch(t, seeker.cookies, `q=word${i}`)).statusCode).toBe(303);
    }
    const over = await saveSearch(t, seeker.cookies, 'q=one-too-many');
    expect(over.statusCode).toBe(409);
    expect(over.body).toContain(`at most ${MAX_SEARCHES_PER_USER} saved searches`);
    expect(await searchesOf(seeker.user.id)).toHaveLength(MAX_SEARCHES_PER_USER);
    // Another person has their own allowance.
    expect((await saveSearch(t, other.cookies, 'q=one-too-many')).statusCode).toBe(303);
    await t.modules.alerts.service.personalData.forget(other.user.id);
  });

  it('exports a person’s saved searches and forgets them', async () => {
    const { personalData } = t.modules.alerts;
    const exported = (await personalData.exportFor(seeker.user.id)) as { name: string; search: string }[];
    expect(exported).toHaveLength(MAX_SEARCHES_PER_USER);
    expect(exported.map((s) => s.search)).toContain('/jobs?q=word1');
    expect(await personalData.exportFor(other.user.id)).toEqual([]);
    await personalData.forget(seeker.user.id);
    expect(await searchesOf(seeker.user.id)).toEqual([]);
    expect(await personalData.exportFor(seeker.user.id)).toEqual([]);
  });
});
