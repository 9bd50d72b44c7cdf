import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Modules } from '../../modules';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

describe.each(testEngines)('reviewing imported answers on $name', (engine) => {
  let t: TestApp;
  let services: Modules;
  let editor: Cookies;
  let answerId: number;
  let questionId: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    services = t.modules;
    editor = (await signInAs(t, 'editor')).cookies;
    ({ questionId, answerId } = await services.inquiry.questions.createAnsweredQuestion(
      { topic: 'pension', locale: 'en', title: 'Imported: can I draw two pensions?', region: 'CN', origin: 'imported' },
      {
        analysis: 'No.',
        region: 'CN',
        verifiedOn: '2026-11-25',
        citations: ['《社会保险法》第十六条'],
        authorLabel: 'law-site-2024',
      },
    ));
    await t.db
      .updateTable('answers')
      .set({ review_flag: 'imported-unreviewed', flagged_at: '2026-11-25T00:00:00Z' })
      .where('id', '=', answerId)
      .execute();
  });
  afterAll(async () => t?.close());

  it('labels the answer on the page and lists it for editors until one marks it reviewed', async () => {
    const page = await t.app.inject(`/social-security/questions/${questionId}`);
    const body = (await t.app.inject(page.headers.location as string)).body;
    expect(body).toContain('not yet reviewed by our editors');
    const list = await t.app.inject({ method: 'GET', url: '/editor/imported', cookies: editor });
    expect(list.body).toContain('Imported: can I draw two pensions?');
    const member = (await signInAs(t, 'member')).cookies;
    expect(
      (await postForm(t.app, `/editor/imported/${answerId}/reviewed`, {}, member, { remoteAddress: testIp() })).response
        .statusCode,
    ).toBe(403);
    const done = await postForm(t.app, `/editor/imported/${answerId}/reviewed`, {}, editor, {
      remoteAddress: testIp(),
    });
    expect(done.response.statusCode).toBe(303);
    expect((await t.app.inject(`/api/v1/questions/${questionId}`)).json().answers[0].reviewFlag).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/editor/imported', cookies: editor })).body).not.toContain(
      'two pensions',
    );
  });
});
