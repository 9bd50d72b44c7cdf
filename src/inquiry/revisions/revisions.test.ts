import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../accounts';
import { ownTables } from '../../platform/db/tables';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, type SignedIn, signInAs, testIp } from '../../test-support/forms';
import type { InquiryTables } from '../tables';
import { recordRevision } from './record';

const SEED_QUESTION = 1;
const HISTORY = `/social-security/questions/${SEED_QUESTION}/revisions`;

/** The editors' form for the seed answer, changed where the test says. */
const editForm = (overrides: Record<string, string> = {}) => ({
  analysis: '**At your nearest service outlet.** Report the loss first, then apply for a new card.',
  step_count: '2',
  step_position_0: '1',
  step_action_0: 'Report the loss of the card.',
  step_channel_0: 'hotline',
  step_where_0: '12333',
  step_position_1: '2',
  step_action_1: 'Apply for a replacement card.',
  step_channel_1: 'service-outlet',
  region: 'CN',
  verifiedOn: '2026-12-01',
  citations: '《社会保险法》第五十八条\n《社会保险经办条例》第七条',
  note: 'Name the outlet; the hotline takes loss reports',
  intent: 'submit',
  ...overrides,
});

describe.each(testEngines)('revisions of published answers on $name', (engine) => {
  let t: TestApp;
  let editor: SignedIn;
  let answerId = 0;
  beforeAll(async () => {
    t = await openTestApp(engine);
    editor = await signInAs(t, 'editor', { displayName: 'Editor Zhao' });
    answerId = (
      await t.db.selectFrom('answers').select('id').where('question_id', '=', SEED_QUESTION).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const revisionRows = () =>
    t.db.selectFrom('answer_revisions').selectAll().where('answer_id', '=', answerId).orderBy('revision').execute();
  const analysisNow = async () =>
    (await t.db.selectFrom('answers').select('analysis_md').where('id', '=', answerId).executeTakeFirstOrThrow())
      .analysis_md;

  it('shows editors the published answer in the structured form, with a note field', async () => {
    const res = await get(`/editor/answers/${answerId}/edit`, editor.cookies);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Edit a published answer</h1>');
    expect(res.body).toContain('At your local social security bureau.');
    expect(res.body).toContain('name="note"');
    expect(res.body).toContain('Publish the revision');
    expect(res.body).toContain(`action="/editor/answers/${answerId}/edit"`);
  });

  it('says an answer has no recorded edits before the first one', async () => {
    const res = await get(HISTORY);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No edits recorded since it was published on');
  });

  it('keeps the published text as revision 1 and the edit as revision 2, with a word diff', async () => {
    const res = await post(`/editor/answers/${answerId}/edit`, editForm(), editor.cookies);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HISTORY}#answer-${answerId}-revision-2`);

    const rows = await revisionRows();
    expect(rows.map((r) => [r.revision, r.editor_id, r.note])).toEqual([
      [1, null, ''],
      [2, editor.user.id, 'Name the outlet; the hotline takes loss reports'],
    ]);
    expect(rows[0]!.analysis_md).toContain('At your local social security bureau.');
    expect(JSON.parse(rows[1]!.steps_json)).toEqual([
      { action: 'Report the loss of the card.', materials: '', channel: 'hotline', where: '12333', duration: '' },
      { action: 'Apply for a replacement card.', materials: '', channel: 'service-outlet', where: '', duration: '' },
    ]);
    expect(JSON.parse(rows[1]!.citations_json)).toEqual([
      {
        citation_text: '《社会保险法》第五十八条',
        statute: 'social-insurance-law',
        article: 58,
        paragraph: null,
        item: null,
      },
      {
        citation_text: '《社会保险经办条例》第七条',
        statute: expect.any(String),
        article: 7,
        paragraph: null,
        item: null,
      },
    ]);

    const history = await get(HISTORY);
    expect(history.statusCode).toBe(200);
    const body = history.body;
    expect(body).toContain('Revision 2');
    expect(body).toContain('Revision 1 — First recorded version');
    expect(body.indexOf('Revision 2')).toBeLessThan(body.indexOf('Revision 1'));
    expect(body).toContain('by Editor Zhao');
    expect(body).toContain('Note: Name the outlet; the hotline takes loss reports');
    expect(body).toContain('<del>local social security bureau</del><ins>nearest service outlet</ins>');
    expect(body).toMatch(/Added: <ins>Report the loss of the card\. · 12333 hotline: 12333<\/ins>/);
    expect(body).toContain('Last verified: November 25, 2026 → December 1, 2026');
  });

  it('shows the edit to readers and search at once', async () => {
    const page = await get('/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it');
    expect(page.body).toContain('At your nearest service outlet.');
    const found = (await get('/api/v1/search?q=nearest+service+outlet')).json();
    expect(found.results[0].id).toBe(SEED_QUESTION);
  });

  it('escapes markup in the analysis and the note', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await post(
      `/editor/answers/${answerId}/edit`,
      editForm({ analysis: `Plain text then ${payload}`, note: `note ${payload}` }),
      editor.cookies,
    );
    expect(res.statusCode).toBe(303);
    const body = (await get(HISTORY)).body;
    expect(body).not.toContain('<script>alert(1)');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('refuses an unresolved citation with 400 and changes nothing', async () => {
    const before = { analysis: await analysisNow(), revisions: (await revisionRows()).length };
    const res = await post(
      `/editor/answers/${answerId}/edit`,
      editForm({ analysis: 'Changed text', citations: '《社会保险法》第九百九十九条' }),
      editor.cookies,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Article 999');
    expect(res.body).toContain('Changed text');
    expect(await analysisNow()).toBe(before.analysis);
    expect((await revisionRows()).length).toBe(before.revisions);
  });

  it('refuses an edit without a note, keeping what was typed', async () => {
    const res = await post(
      `/editor/answers/${answerId}/edit`,
      editForm({ analysis: 'Typed but not saved', note: '  ' }),
      editor.cookies,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Say in a few words what changed and why');
    expect(res.body).toContain('Typed but not saved');
  });

  it('previews without saving', async () => {
    const before = (await revisionRows()).length;
    const res = await post(
      `/editor/answers/${answerId}/edit`,
      editForm({ intent: 'preview', analysis: '**Preview only**' }),
      editor.cookies,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<strong>Preview only</strong>');
    expect((await revisionRows()).length).toBe(before);
  });

  it('refuses a CSRF-less post', async () => {
    const before = await analysisNow();
    const { response } = await postForm(
      t.app,
      `/editor/answers/${answerId}/edit`,
      editForm({ analysis: 'No token' }),
      editor.cookies,
      { withoutToken: true, remoteAddress: testIp() },
    );
    expect(response.statusCode).toBe(403);
    expect(await analysisNow()).toBe(before);
  });

  it.each<Role | 'anonymous'>(['anonymous', 'member', 'employer', 'expert'])(
    'refuses the edit form to %s',
    async (role) => {
      const cookies = role === 'anonymous' ? {} : (await signInAs(t, role)).cookies;
      const before = await analysisNow();
      const res = await post(`/editor/answers/${answerId}/edit`, editForm({ analysis: `Edited by ${role}` }), cookies);
      expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
      expect(await analysisNow()).toBe(before);
      if (role !== 'anonymous') expect((await get(`/editor/answers/${answerId}/edit`, cookies)).statusCode).toBe(403);
    },
  );

  it('lets an admin edit too', async () => {
    const admin = await signInAs(t, 'admin');
    const res = await post(`/editor/answers/${answerId}/edit`, editForm({ note: 'Admin fix' }), admin.cookies);
    expect(res.statusCode).toBe(303);
  });

  it('sends a history URL with a slug to the one by number, and 404s an unknown question', async () => {
    const res = await get('/social-security/questions/1-some-slug/revisions');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(HISTORY);
    expect((await get('/social-security/questions/999999/revisions')).statusCode).toBe(404);
  });

  it('numbers recordRevision snapshots in order and tells the followers after an edit', async () => {
    const db = ownTables<InquiryTables>(t.database.db);
    const statutes = t.modules.statutes.service;
    const last = (await revisionRows()).at(-1)!.revision;
    const at = new Date('2026-12-02T00:00:00Z');
    const number = await db
      .transaction()
      .execute((trx) => recordRevision(trx, statutes, answerId, editor.user.id, 'approved', at));
    expect(number).toBe(last + 1);
    const onRevised = vi.spyOn(t.modules.inquiry.community, 'notifyRevised');
    const saved = await t.modules.inquiry.revisions.editPublishedAnswer(editor.user, answerId, {
      analysis: 'Hook test',
      steps: [{ action: 'Apply', channel: 'online' }],
      region: 'CN',
      verifiedOn: '2026-12-02',
      citations: ['《社会保险法》第五十八条'],
      note: 'Through the service',
    });
    expect(saved).toEqual({ questionId: SEED_QUESTION, answerId, revision: last + 2 });
    expect(onRevised).toHaveBeenCalledWith(answerId, SEED_QUESTION);
  });
});
