import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../accounts';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const editorForm = (overrides: Record<string, string> = {}) => ({
  analysis: 'Yes. **Report the loss** first, then apply for a new card.',
  step_count: '2',
  step_position_0: '2',
  step_action_0: 'Collect the new card',
  step_channel_0: 'service-outlet',
  step_position_1: '1',
  step_action_1: 'Report the loss',
  step_channel_1: 'hotline',
  step_where_1: '12333',
  region: 'CN',
  verifiedOn: '2026-11-20',
  citations: '《社会保险法》第五十八条\nSocial Insurance Handling Regulations, Art. 7',
  intent: 'submit',
  ...overrides,
});

describe.each(testEngines)('asking, answering and reviewing on $name', (engine) => {
  let t: TestApp;
  let member: Cookies;
  let expert: Cookies;
  let editor: Cookies;
  let questionPath = '';
  let questionId = 0;
  let answerId = 0;
  beforeAll(async () => {
    t = await openTestApp(engine);
    [{ cookies: member }, { cookies: expert }, { cookies: editor }] = await Promise.all([
      signInAs(t, 'member', { displayName: 'Li Na' }),
      signInAs(t, 'expert', { displayName: 'Expert Wang' }),
      signInAs(t, 'editor'),
    ]);
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });

  it('sends anonymous visitors to sign in before asking', async () => {
    const res = await get('/social-security/ask');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-in?next=%2Fsocial-security%2Fask');
  });

  it('shows similar questions before saving, then saves the question as awaiting an answer', async () => {
    const fields = {
      title: 'Lost my social security card, where do I get a new one?',
      details: 'Lost in Shenzhen',
      topic: 'social-security-card',
      region: 'CN-GD-SZ',
    };
    const confirm = await post('/social-security/ask', fields, member);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('These questions may already answer yours');
    expect(confirm.body).toContain(
      'href="/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it"',
    );
    expect(confirm.body).toContain('value="Lost my social security card, where do I get a new one?"');

    const saved = await post('/social-security/ask', { ...fields, confirmed: '1' }, member);
    expect(saved.statusCode).toBe(303);
    questionPath = saved.headers.location as string;
    questionId = Number(/questions\/(\d+)/.exec(questionPath)![1]);
    const page = await get(questionPath);
    expect(page.body).toContain('This question is awaiting an answer.');
    expect(page.body).toContain('Asked by Li Na');
    // Searchable at once (indexed in the same transaction).
    const found = (await get('/api/v1/search?q=shenzhen+lost+card')).json();
    expect(found.results.map((r: { id: number }) => r.id)).toContain(questionId);
  });

  it('keeps what was typed and says why when the question is refused', async () => {
    const res = await post(
      '/social-security/ask',
      { title: 'abc', details: 'my details', topic: 'pension', region: 'CN' },
      member,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Write your question in at least 5 characters');
    expect(res.body).toContain('my details');
  });

  it('asks anonymously when the member chooses to', async () => {
    const res = await post(
      '/social-security/ask',
      {
        title: 'Can my pension be paid into a foreign bank account?',
        details: '',
        topic: 'pension',
        region: 'CN',
        anonymous: '1',
        confirmed: '1',
      },
      member,
    );
    expect(res.statusCode).toBe(303);
    const page = await get(res.headers.location as string);
    expect(page.body).toContain('Asked anonymously');
    expect(page.body).not.toContain('Li Na');
  });

  it('lists the question for experts and previews an answer with its resolved citations', async () => {
    const queue = await get('/expert/queue', expert);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`href="/expert/questions/${questionId}/answer"`);
    const form = await get(`/expert/questions/${questionId}/answer`, expert);
    expect(form.body).toContain('Suggested legal basis');
    expect(form.body).toMatch(/data-add-citation="《[^"]+》第[^"]+条"/);
    const preview = await post(`/expert/questions/${questionId}/answer`, editorForm({ intent: 'preview' }), expert);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<strong>Report the loss</strong>');
    expect(preview.body).toContain('Social Insurance Law, Article 58');
    expect(preview.body).toContain('社会保障卡是个人参加基本养老保险');
  });

  it('refuses an answer whose citation does not resolve, keeping the text', async () => {
    const res = await post(
      `/expert/questions/${questionId}/answer`,
      editorForm({ citations: '《社会保险法》第九百九十九条' }),
      expert,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Article 999');
    expect(res.body).toContain('Report the loss');
  });

  it('submits an answer for review, and the editor can send it back with a reason', async () => {
    const submitted = await post(`/expert/questions/${questionId}/answer`, editorForm(), expert);
    expect(submitted.statusCode).toBe(303);
    const review = await get('/editor/review', editor);
    const match = /href="\/editor\/review\/(\d+)"/.exec(review.body);
    expect(match).not.toBeNull();
    answerId = Number(match![1]);
    // Not public before approval.
    expect((await get(questionPath)).body).not.toContain('Report the loss');

    const noReason = await post(`/editor/review/${answerId}/reject`, { reason: '' }, editor);
    expect(noReason.statusCode).toBe(400);
    const rejected = await post(
      `/editor/review/${answerId}/reject`,
      { reason: 'Cite the Handling Regulations article on card loss' },
      editor,
    );
    expect(rejected.statusCode).toBe(303);
    expect((await get('/expert/queue', expert)).body).toContain(
      'Sent back: Cite the Handling Regulations article on card loss',
    );
  });

  it('publishes the revised answer when the editor approves it, steps in the chosen order', async () => {
    const revised = await post(
      `/expert/answers/${answerId}/edit`,
      editorForm({ analysis: 'Revised: report the loss, then apply.' }),
      expert,
    );
    expect(revised.statusCode).toBe(303);
    const approved = await post(`/editor/review/${answerId}/approve`, {}, editor);
    expect(approved.statusCode).toBe(303);
    const page = await get(questionPath);
    expect(page.body).toContain('Revised: report the loss, then apply.');
    const steps = page.body.slice(page.body.indexOf('<ol class="steps">'));
    expect(steps.indexOf('Report the loss')).toBeLessThan(steps.indexOf('Collect the new card'));
    expect(page.body).toMatch(/Answered by: (?:<[^>]+>)*Expert Wang/);
  });

  it('tells the asker and the expert, in the bell and by mail', async () => {
    const askerPage = await get('/account/notifications', member);
    expect(askerPage.body).toContain(
      'Your question “Lost my social security card, where do I get a new one?” was answered',
    );
    expect(askerPage.body).toMatch(/Notifications, [1-9]\d* unread/);
    const expertPage = await get('/account/notifications', expert);
    expect(expertPage.body).toContain('was sent back: Cite the Handling Regulations article on card loss');
    expect(expertPage.body).toContain('was approved and published');
    const mail = await t.db
      .selectFrom('outbox')
      .select(['subject', 'body'])
      .where('subject', 'like', '%was answered%')
      .execute();
    expect(mail.length).toBeGreaterThanOrEqual(1);
    expect(mail[0]!.body).toContain(questionPath);
    await post('/account/notifications/read', {}, member);
    expect((await get('/account/notifications', member)).body).toContain('Notifications, 0 unread');
  });

  it('counts one helpful vote per person and lets only the asker accept', async () => {
    await post(`/social-security/answers/${answerId}/helpful`, {}, member);
    await post(`/social-security/answers/${answerId}/helpful`, {}, member);
    await post(`/social-security/answers/${answerId}/helpful`, {}, editor);
    expect((await get(questionPath)).body).toContain('2 people found this helpful');
    expect((await post(`/social-security/answers/${answerId}/accept`, {}, editor)).statusCode).toBe(403);
    const accepted = await post(`/social-security/answers/${answerId}/accept`, {}, member);
    expect(accepted.statusCode).toBe(303);
    expect((await get(questionPath)).body).toContain('Accepted by the asker');
  });

  describe('who may post to which form', () => {
    const roles: (Role | 'anonymous')[] = ['anonymous', 'member', 'employer', 'expert', 'editor', 'admin'];
    const cases: { route: string; fields: () => Record<string, string>; allowed: (Role | 'anonymous')[] }[] = [
      {
        route: '/social-security/ask',
        fields: () => ({ title: 'x', topic: 'pension', region: 'CN' }),
        allowed: ['member', 'employer', 'expert', 'editor', 'admin'],
      },
      {
        route: '/expert/questions/1/answer',
        fields: () => ({ intent: 'preview', analysis: 'x', step_count: '0', citations: '' }),
        allowed: ['expert', 'editor', 'admin'],
      },
      { route: '/editor/review/999999/approve', fields: () => ({}), allowed: ['editor', 'admin'] },
      { route: '/editor/review/999999/reject', fields: () => ({ reason: 'x' }), allowed: ['editor', 'admin'] },
      {
        route: '/social-security/answers/999999/helpful',
        fields: () => ({}),
        allowed: ['member', 'employer', 'expert', 'editor', 'admin'],
      },
      {
        route: '/account/notifications/read',
        fields: () => ({}),
        allowed: ['member', 'employer', 'expert', 'editor', 'admin'],
      },
    ];
    for (const { route, fields, allowed } of cases) {
      it.each(roles)(`${route} as %s`, async (role) => {
        const cookies = role === 'anonymous' ? {} : (await signInAs(t, role)).cookies;
        const res = await post(route, fields(), cookies);
        if (allowed.includes(role)) expect([401, 403]).not.toContain(res.statusCode);
        else expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
      });
    }

    it('lets only its author revise an answer sent back', async () => {
      const other = (await signInAs(t, 'expert')).cookies;
      expect((await get(`/expert/answers/${answerId}/edit`, other)).statusCode).toBe(403);
      expect((await post(`/expert/answers/${answerId}/edit`, editorForm(), other)).statusCode).toBe(403);
    });

    it('limits how many questions one member asks an hour', async () => {
      const asker = (await signInAs(t, 'member')).cookies;
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const res = await post(
          '/social-security/ask',
          { title: `Rate limit question number ${i}`, topic: 'pension', region: 'CN', confirmed: '1' },
          asker,
        );
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    });

    it('refuses a form posted without its CSRF token', async () => {
      const res = await postForm(
        t.app,
        '/social-security/ask',
        { title: 'Is this saved without a token?', topic: 'pension', region: 'CN', confirmed: '1' },
        member,
        { withoutToken: true, remoteAddress: testIp() },
      );
      expect(res.response.statusCode).toBe(403);
      expect((await get('/api/v1/search?q=saved+without+token')).json().results).toEqual([]);
    });
  });
});
