import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';

const answerForm = (overrides: Record<string, string> = {}) => ({
  analysis: 'Report the loss first, then apply for a new card at the service outlet.',
  step_count: '1',
  step_position_0: '1',
  step_action_0: 'Report the loss',
  step_channel_0: 'hotline',
  region: 'CN',
  verifiedOn: '2026-11-20',
  citations: '《社会保险法》第五十八条',
  intent: 'submit',
  ...overrides,
});

/** The expert's answer form refuses bad input by showing itself again, with the message by the field. */
describe.each(testEngines)('the answer form refuses bad input on $name', (engine) => {
  let t: TestApp;
  let expert: Cookies;
  let otherExpert: Cookies;
  let answerId = 0;
  beforeAll(async () => {
    t = await openTestApp(engine);
    [{ cookies: expert }, { cookies: otherExpert }] = await Promise.all([
      signInAs(t, 'expert', { displayName: 'Expert Wang' }),
      signInAs(t, 'expert', { displayName: 'Expert Zhao' }),
    ]);
    const saved = await post('/expert/questions/1/answer', answerForm(), expert);
    expect(saved.statusCode).toBe(303);
    const answer = await t.db
      .selectFrom('answers')
      .select('id')
      .where('analysis_md', '=', answerForm().analysis)
      .executeTakeFirstOrThrow();
    answerId = answer.id;
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);

  it.each([
    ['an empty analysis', { analysis: '' }, 'analysis'],
    ['a date in the wrong form', { verifiedOn: '01/12/2026' }, 'verifiedOn'],
    ['an empty legal basis', { citations: '' }, 'citations'],
  ])('re-shows the new answer form for %s', async (_what, overrides, fieldName) => {
    const res = await post('/expert/questions/1/answer', answerForm(overrides), expert);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('action="/expert/questions/1/answer"');
    expect(res.body).toMatch(new RegExp(`id="${fieldName}-error"`));
  });

  it.each([
    ['an empty analysis', { analysis: '' }, 'analysis'],
    ['a date in the wrong form', { verifiedOn: '01/12/2026' }, 'verifiedOn'],
    ['an empty legal basis', { citations: '' }, 'citations'],
  ])('re-shows the answer edit form for %s', async (_what, overrides, fieldName) => {
    const res = await post(`/expert/answers/${answerId}/edit`, answerForm(overrides), expert);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`action="/expert/answers/${answerId}/edit"`);
    expect(res.body).toMatch(new RegExp(`id="${fieldName}-error"`));
  });

  it('lets no other expert preview, extend or submit an edit of the answer', async () => {
    const before = await t.db.selectFrom('answers').selectAll().where('id', '=', answerId).executeTakeFirstOrThrow();
    for (const intent of ['preview', 'more', 'submit']) {
      const res = await post(
        `/expert/answers/${answerId}/edit`,
        answerForm({ intent, analysis: 'Mine now' }),
        otherExpert,
      );
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('Mine now');
    }
    const after = await t.db.selectFrom('answers').selectAll().where('id', '=', answerId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const own = await post(`/expert/answers/${answerId}/edit`, answerForm({ intent: 'preview' }), expert);
    expect(own.statusCode).toBe(200);
  });
});
