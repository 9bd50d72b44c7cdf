/** The résumé pages over HTTP: the form, uploads and their refusals, who may fetch a file. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { fakeExe, minimalPdf, multipartBody, pdfWithScript } from '../test-support/files';
import { type Cookies, csrfFor, postForm, type SignedIn, signInAs, testIp } from '../test-support/forms';

const validForm = {
  action: 'save',
  fullName: '李娜',
  email: 'li.na@example.test',
  phone: '+86 139-0000-0000',
  city: 'CN-GD-SZ',
  expectedCity: 'CN-BJ',
  salaryMin: '12000',
  salaryMax: '18000',
  educationRows: '2',
  'education.0.school': '中山大学',
  'education.0.degree': '硕士',
  'education.0.major': 'Statistics',
  'education.0.from': '2014-09',
  'education.0.to': '2017-06',
  workRows: '1',
  'work.0.company': 'Pearl Data',
  'work.0.title': 'Analyst',
  'work.0.from': '2017-07',
  'work.0.to': '',
  'work.0.description': 'Reports',
  skills: 'SQL, Python\nExcel',
  languages: '英语、粤语',
  summary: 'Numbers person.',
};

describe.each(testEngines)('résumé pages ($name)', (engine) => {
  let t: TestApp;
  let seeker: SignedIn;
  let otherSeeker: SignedIn;
  let employer: SignedIn;
  beforeAll(async () => {
    t = await openTestApp(engine);
    seeker = await signInAs(t, 'member', { displayName: 'Li Na' });
    otherSeeker = await signInAs(t, 'member');
    employer = await signInAs(t, 'employer');
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  async function upload(who: SignedIn, file: { name: string; bytes: Buffer } | null, withToken = true) {
    const csrf = await csrfFor(t.app, who.cookies, '/account/resume');
    const body = multipartBody(withToken ? { _csrf: csrf.token } : {}, file);
    return t.app.inject({ method: 'POST', url: '/account/resume/files', cookies: csrf.cookies, ...body });
  }
  const storedFiles = () => {
    const dir = join(t.filesDir, 'resumes');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  it('asks anonymous visitors to sign in and refuses accounts that keep no résumé', async () => {
    const anonymous = await get('/account/resume');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/account/sign-in');
    expect((await get('/account/resume', employer.cookies)).statusCode).toBe(403);
    expect((await get('/zh/account/resume', employer.cookies)).statusCode).toBe(403);
    expect((await post('/account/resume', validForm, employer.cookies)).statusCode).toBe(403);
    expect((await post('/account/resume', validForm, {})).statusCode).toBe(401);
    expect((await upload(employer, { name: 'cv.pdf', bytes: minimalPdf('x') })).statusCode).toBe(403);
    expect(storedFiles()).toEqual([]);
  });

  it('shows the form, in both languages, with the account name filled in', async () => {
    const page = await get('/account/resume', seeker.cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Li Na"');
    expect(page.body).toContain('name="education.0.school"');
    const zh = await get('/zh/account/resume', seeker.cookies);
    expect(zh.body).toContain('我的简历');
  });

  it('refuses a form without its CSRF token', async () => {
    const response = await postForm(t.app, '/account/resume', validForm, seeker.cookies, { withoutToken: true });
    expect(response.response.statusCode).toBe(403);
  });

  it('shows each problem beside its field, keeping what was typed', async () => {
    const response = await post(
      '/account/resume',
      {
        ...validForm,
        email: 'not-an-address',
        salaryMin: '20000',
        salaryMax: '10000',
        'education.0.from': '2014/09',
        'work.0.to': '2010-01',
      },
      seeker.cookies,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="email-error"');
    expect(response.body).toContain('id="salaryMax-error"');
    expect(response.body).toContain('id="education-0-from-error"');
    expect(response.body).toContain('id="work-0-to-error"');
    expect(response.body).toContain('value="中山大学"');
    expect(await t.modules.resumes.service.profile(seeker.user.id)).toBeNull();
  });

  it('adds a blank row without saving, then saves the résumé (blank rows dropped)', async () => {
    const more = await post('/account/resume', { ...validForm, action: 'addWork' }, seeker.cookies);
    expect(more.statusCode).toBe(200);
    expect(more.body).toContain('name="work.1.company"');
    expect(await t.modules.resumes.service.profile(seeker.user.id)).toBeNull();

    const saved = await post('/account/resume', validForm, seeker.cookies);
    expect(saved.statusCode).toBe(303);
    const profile = await t.modules.resumes.service.profile(seeker.user.id);
    expect(profile).toMatchObject({
      fullName: '李娜',
      expectedSalaryMin: 12000,
      education: [{ school: '中山大学', from: '2014-09', to: '2017-06' }],
      work: [{ company: 'Pearl Data', to: null }],
      skills: ['SQL', 'Python', 'Excel'],
      languages: ['英语', '粤语'],
    });
  });

  it('refuses a program named .pdf, an empty file, a file past 5 MB and a PDF with a script', async () => {
    const exe = await upload(seeker, { name: 'resume.pdf', bytes: fakeExe() });
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain('Only PDF files can be uploaded');
    const empty = await upload(seeker, { name: 'empty.pdf', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('The file is empty');
    const big = await upload(seeker, {
      name: 'big.pdf',
      bytes: Buffer.concat([minimalPdf('x'), Buffer.alloc(5 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('larger than 5 MB');
    const script = await upload(seeker, { name: 'script.pdf', bytes: pdfWithScript() });
    expect(script.statusCode).toBe(400);
    expect(script.body).toContain('scripts or automatic actions');
    const none = await upload(seeker, null);
    expect(none.statusCode).toBe(400);
    expect(storedFiles()).toEqual([]);
  });

  it('limits uploads to 20 an hour per seeker', async () => {
    const busy = await signInAs(t, 'member');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await upload(busy, null)).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Per seeker: another one is not held back by the first one's uploads.
    expect((await upload(otherSeeker, null)).statusCode).toBe(400);
  });

  it('refuses an upload without its CSRF token', async () => {
    expect((await upload(seeker, { name: 'cv.pdf', bytes: minimalPdf('x') }, false)).statusCode).toBe(403);
    expect(storedFiles()).toEqual([]);
  });

  it('keeps a real PDF under a random name with its text; only its owner fetches it; deleting removes it', async () => {
    const response = await upload(seeker, { name: '李娜 简历.pdf', bytes: minimalPdf('Quarterly reports in SQL') });
    expect(response.statusCode).toBe(303);
    const [file] = await t.modules.resumes.service.files(seeker.user.id);
    expect(file?.name).toBe('李娜 简历.pdf');
    const row = await t.db.selectFrom('resume_files').selectAll().where('id', '=', file!.id).executeTakeFirstOrThrow();
    expect(row.text).toBe('Quarterly reports in SQL');
    expect(storedFiles()).toEqual([row.stored_name]);
    expect(row.stored_name).not.toContain('李娜');

    const url = `/account/resume/files/${file!.id}`;
    const own = await get(url, seeker.cookies);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment;/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(url, otherSeeker.cookies)).statusCode).toBe(404);
    expect((await get(url, employer.cookies)).statusCode).toBe(403);
    const anonymous = await get(url);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/account/sign-in');

    expect((await post(`${url}/delete`, {}, otherSeeker.cookies)).statusCode).toBe(404);
    expect((await post(`${url}/delete`, {}, employer.cookies)).statusCode).toBe(403);
    expect(storedFiles()).toHaveLength(1);
    expect((await post(`${url}/delete`, {}, seeker.cookies)).statusCode).toBe(303);
    expect(storedFiles()).toEqual([]);
    expect(await t.modules.resumes.service.files(seeker.user.id)).toEqual([]);
  });
});
