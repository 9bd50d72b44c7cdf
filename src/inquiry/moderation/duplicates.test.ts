import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../accounts';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../../test-support/forms';
import { parseQuestionReference } from './duplicates';

describe('parseQuestionReference', () => {
  it.each([
    ['12', 12],
    [' #12 ', 12],
    ['/social-security/questions/12', 12],
    ['/social-security/questions/12-some-slug?utm=x#answer', 12],
    ['https://jobsite.example/social-security/questions/7-a-title', 7],
    ['https://jobsite.example/zh/social-security/questions/7', 7],
    ['http://localhost:3000/social-security/questions/7/revisions', 7],
  ])('reads %j as question %i', (text, id) => expect(parseQuestionReference(text)).toBe(id));

  it.each([
    '',
    'abc',
    '0',
    '-3',
    '1.5',
    '/social-security/topics/12',
    '/social-security/questions/12abc',
    '99999999999999999',
  ])('refuses %j', (text) => expect(parseQuestionReference(text)).toBeNull());
});

describe.each(testEngines)('duplicate questions on $name', (engine) => {
  let t: TestApp;
  let editor: Cookies;
  beforeAll(async () => {
    t = await openTestApp(engine);
    editor = (await signInAs(t, 'editor')).cookies;
  });
  afterAll(async () => t?.close());
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  /** Asks a question as a new member (each member may ask a few an hour); returns its id and path. */
  const ask = async (title: string) => {
    const member = (await signInAs(t, 'member')).cookies;
    const res = await post(
      '/social-security/ask',
      { title, details: '', topic: 'pension', region: 'CN', confirmed: '1' },
      member,
    );
    expect(res.statusCode).toBe(303);
    const path = res.headers.location as string;
    return { id: Number(/questions\/(\d+)/.exec(path)![1]), path };
  };
  const markDuplicate = (id: number, target: string, cookies = editor) =>
    post(`/editor/questions/${id}/duplicate`, { target }, cookies);
  const duplicateOf = async (id: number) =>
    (await t.db.selectFrom('questions').select('duplicate_of_id').where('id', '=', id).executeTakeFirstOrThrow())
      .duplicate_of_id;
  const aliasesOf = async (id: number) =>
    (await t.db.selectFrom('question_aliases').select('text').where('question_id', '=', id).execute()).map(
      (a) => a.text,
    );

  let target: { id: number; path: string };
  let duplicate: { id: number; path: string };
  const DUPLICATE_TITLE = 'How do I combine my pension records across two cities?';

  it('shows editors the question with a target field and likely targets', async () => {
    target = await ask('Can I merge pension accounts from two different cities?');
    duplicate = await ask(DUPLICATE_TITLE);
    const res = await get(`/editor/questions/${duplicate.id}/duplicate`, editor);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(DUPLICATE_TITLE);
    expect(res.body).toContain('name="target"');
    expect(res.body).toContain(`href="${target.path}"`);
  });

  it('redirects the duplicate (301) to its target once marked, query kept', async () => {
    // Cached before the merge: marking must drop it from the page cache.
    expect((await get(duplicate.path)).statusCode).toBe(200);
    const res = await markDuplicate(duplicate.id, `https://jobsite.example${target.path}?from=share`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(target.path);

    const page = await get(duplicate.path);
    expect(page.statusCode).toBe(301);
    expect(page.headers.location).toBe(target.path);
    expect((await get(`/social-security/questions/${duplicate.id}-old-slug?utm=x`)).headers.location).toBe(
      `${target.path}?utm=x`,
    );
    expect((await get(target.path)).statusCode).toBe(200);
    expect((await get(`/api/v1/questions/${target.id}`)).statusCode).toBe(200);
    expect(await duplicateOf(duplicate.id)).toBe(target.id);
    expect(await aliasesOf(target.id)).toContain(DUPLICATE_TITLE);
  });

  it("finds the target first when searching the duplicate's title, and the duplicate not at all", async () => {
    const found = (await get(`/api/v1/search?q=${encodeURIComponent(DUPLICATE_TITLE)}`)).json();
    expect(found.results[0].id).toBe(target.id);
    expect(found.results.map((r: { id: number }) => r.id)).not.toContain(duplicate.id);
  });

  it('refuses the question itself, a missing target, nonsense and a circle with 400 and a message', async () => {
    const other = await ask('Is a pension transfer possible after retirement age?');
    const self = await markDuplicate(other.id, String(other.id));
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('A question cannot be a duplicate of itself');
    const missing = await markDuplicate(other.id, '999999');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('There is no question 999999');
    const nonsense = await markDuplicate(other.id, 'the pension one');
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.body).toContain('Give the number or the URL of the question this one duplicates');
    expect(nonsense.body).toContain('value="the pension one"');
    const circle = await markDuplicate(target.id, duplicate.path);
    expect(circle.statusCode).toBe(400);
    expect(circle.body).toContain('is already a duplicate of this one');
    expect(await duplicateOf(other.id)).toBeNull();
    expect(await duplicateOf(target.id)).toBeNull();
  });

  it('refuses to mark a question that already is a duplicate (409)', async () => {
    const res = await markDuplicate(duplicate.id, '1');
    expect(res.statusCode).toBe(409);
    expect(await duplicateOf(duplicate.id)).toBe(target.id);
  });

  it('keeps redirects one hop: a chain is re-pointed, a duplicate named as target stands for its target', async () => {
    const a = await ask('Pension account merge question A for chains');
    const b = await ask('Pension account merge question B for chains');
    const c = await ask('Pension account merge question C for chains');
    expect((await markDuplicate(a.id, String(b.id))).statusCode).toBe(303);
    expect((await markDuplicate(b.id, String(c.id))).statusCode).toBe(303);
    expect(await duplicateOf(a.id)).toBe(c.id);
    expect((await get(a.path)).headers.location).toBe(c.path);
    expect(await aliasesOf(c.id)).toEqual(
      expect.arrayContaining([
        'Pension account merge question A for chains',
        'Pension account merge question B for chains',
      ]),
    );

    const x = await ask('Pension account merge question X for chains');
    const res = await markDuplicate(x.id, String(a.id));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(c.path);
    expect(await duplicateOf(x.id)).toBe(c.id);
  });

  it('refuses a CSRF-less post', async () => {
    const q = await ask('Can a pension be paid to a relative abroad?');
    const { response } = await postForm(
      t.app,
      `/editor/questions/${q.id}/duplicate`,
      { target: String(target.id) },
      editor,
      { withoutToken: true, remoteAddress: testIp() },
    );
    expect(response.statusCode).toBe(403);
    expect(await duplicateOf(q.id)).toBeNull();
  });

  it.each<Role | 'anonymous'>(['anonymous', 'member', 'employer', 'expert'])('refuses %s', async (role) => {
    const q = await ask(`Pension question that ${role} may not merge`);
    const cookies = role === 'anonymous' ? {} : (await signInAs(t, role)).cookies;
    const res = await markDuplicate(q.id, String(target.id), cookies);
    expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
    expect(await duplicateOf(q.id)).toBeNull();
    if (role !== 'anonymous') expect((await get(`/editor/questions/${q.id}/duplicate`, cookies)).statusCode).toBe(403);
  });
});
