import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Modules } from '../../modules';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import { type SignedIn, signInAs } from '../../test-support/forms';
import { GZIP, observable } from '../../test-support/responses';
import { questionPath, slugify } from './slug';

const SEED_PATH = '/social-security/questions/1-where-can-i-reissue-my-social-security-card-if-i-lose-it';
/** The seed question's Chinese version (question 2) as Chinese readers ask for it. */
const SEED_ZH_PATH = '/zh/social-security/questions/2';

const answer = (analysis: string) => ({
  analysis,
  steps: [{ action: 'Apply at the service outlet', channel: 'service-outlet' as const }],
  region: 'CN',
  verifiedOn: '2026-11-20',
  citations: ['Social Insurance Law, Art. 58'],
});

describe.each(testEngines)('the Q&A page fast path on $name', (engine) => {
  let t: TestApp;
  // The app's own modules: a test watches the route's service calls and changes content through the same
  // service whose cache the pages come from.
  let inquiry: Modules['inquiry'];
  let editor: SignedIn;
  let loads: MockInstance<Modules['inquiry']['questions']['loadQuestion']>;
  let views: MockInstance<Modules['inquiry']['views']['record']>;
  beforeAll(async () => {
    t = await openTestApp(engine);
    inquiry = t.modules.inquiry;
    editor = await signInAs(t, 'editor');
  });
  afterAll(async () => t?.close());
  afterEach(() => vi.restoreAllMocks());

  /** Spies on the route's service call (every routed Q&A request makes one) and on view counting. */
  const watch = () => {
    loads = vi.spyOn(inquiry.questions, 'loadQuestion');
    views = vi.spyOn(inquiry.views, 'record');
  };
  const get = (url: string, options: { headers?: Record<string, string>; cookies?: Record<string, string> } = {}) =>
    t.app.inject({ method: 'GET', url, ...options });
  /** A new answered question of its own, so edits here leave the seed question alone. */
  const createQuestion = async (title: string, analysis: string) => {
    const created = await inquiry.questions.createAnsweredQuestion(
      { topic: 'social-security-card', locale: 'en', title, region: 'CN', origin: 'user' },
      { ...answer(analysis), authorLabel: 'test' },
    );
    return { ...created, path: questionPath(created.questionId, slugify(title)) };
  };

  it('sends a cached page without the route, with the same status, bytes and headers as the route', async () => {
    await get(SEED_PATH); // the route renders the page; from now on the fast path has it
    watch();
    for (const headers of [GZIP, {}]) {
      const fast = await get(SEED_PATH, { headers });
      expect(loads).not.toHaveBeenCalled();
      // A query string always falls through: the route answers the same page.
      const routed = await get(`${SEED_PATH}?via=route`, { headers });
      expect(loads).toHaveBeenCalledTimes(1);
      loads.mockClear();

      expect(observable(fast)).toEqual(observable(routed));
      expect(fast.statusCode).toBe(200);
      expect(fast.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        vary: 'Accept-Encoding',
        'x-content-type-options': 'nosniff',
      });
      expect(fast.headers['content-security-policy']).toContain("script-src 'self'");
      expect(fast.headers['content-encoding']).toBe(headers === GZIP ? 'gzip' : undefined);
    }
  });

  it('gzips for browsers that accept it, and only for them', async () => {
    await get(SEED_PATH);
    watch();
    const [compressed, plain] = [
      await get(SEED_PATH, { headers: GZIP }),
      await get(SEED_PATH, { headers: { 'accept-encoding': 'gzip;q=0, br' } }),
    ];
    expect(loads).not.toHaveBeenCalled();
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<h1>Where can I reissue my social security card if I lose it?</h1>');
  });

  it('counts one view per page it sends, as the route does', async () => {
    await get(SEED_PATH);
    await inquiry.views.flush();
    const viewCount = async () =>
      Number(
        (await t.db.selectFrom('questions').select('view_count').where('id', '=', 1).executeTakeFirstOrThrow())
          .view_count,
      );
    const before = await viewCount();
    watch();
    for (let i = 0; i < 3; i++) expect((await get(SEED_PATH, { headers: GZIP })).statusCode).toBe(200);
    expect(loads).not.toHaveBeenCalled();
    expect(views.mock.calls).toEqual([[1], [1], [1]]);
    await inquiry.views.flush();
    expect(await viewCount()).toBe(before + 3);
  });

  it('leaves a signed-in reader to the route, who gets a page of their own', async () => {
    await get(SEED_PATH);
    const reader = await signInAs(t, 'member', { displayName: 'Zhou Min' });
    watch();
    const own = await get(SEED_PATH, { cookies: reader.cookies, headers: GZIP });
    expect(loads).toHaveBeenCalledTimes(1);
    expect(own.statusCode).toBe(200);
    // Compressed by the app's compression of text answers, not prerendered.
    expect(gunzipSync(own.rawPayload).toString('utf8')).toContain('Zhou Min');
    expect(own.headers['cache-control']).toBe('private, no-store');
  });

  it('leaves any session cookie to the route, even one that names no session', async () => {
    await get(SEED_PATH);
    watch();
    const res = await get(SEED_PATH, { cookies: { sid: 'no-such-session' } });
    expect(loads).toHaveBeenCalledTimes(1);
    expect(res.statusCode).toBe(200);
    // The route finds nobody signed in and sends the shared page.
    expect(observable(res)).toEqual(observable(await get(SEED_PATH)));
  });

  it('serves readers whose other cookies cannot change the page', async () => {
    await get(SEED_PATH);
    watch();
    const cookies = { _csrf: 'anything', theme: 'dark' };
    const fast = await get(SEED_PATH, { cookies, headers: GZIP });
    expect(loads).not.toHaveBeenCalled();
    expect(observable(fast)).toEqual(observable(await get(`${SEED_PATH}?x=1`, { cookies, headers: GZIP })));
  });

  it('leaves HEAD to the route', async () => {
    await get(SEED_PATH);
    watch();
    const res = await t.app.inject({ method: 'HEAD', url: SEED_PATH });
    expect(loads).toHaveBeenCalledTimes(1);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it.each([
    ['/social-security/questions/1', 301, SEED_PATH],
    ['/social-security/questions/1-wrong-slug', 301, SEED_PATH],
    ['/social-security/questions/1-wrong-slug?utm=x', 301, `${SEED_PATH}?utm=x`],
    ['/social-security/questions/999999', 404, undefined],
  ])('%s still gets %i from the route while the page is cached', async (url, status, location) => {
    await get(SEED_PATH);
    watch();
    const res = await get(url);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(res.statusCode).toBe(status);
    expect(res.headers.location).toBe(location);
  });

  it('stops serving a question once it is merged into another: it redirects (301)', async () => {
    const duplicate = await createQuestion(
      'Is a lost card replaced at the same bureau that issued it?',
      'Yes, at the bureau.',
    );
    await get(duplicate.path);
    watch();
    expect((await get(duplicate.path)).statusCode).toBe(200);
    expect(loads).not.toHaveBeenCalled();

    await inquiry.duplicates.markDuplicate(editor.user, duplicate.questionId, SEED_PATH);
    for (let i = 0; i < 2; i++) {
      const res = await get(duplicate.path);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(SEED_PATH);
    }
    expect(loads).toHaveBeenCalledTimes(2);
  });

  it('sends the edited answer on the next request after an editor revises it, then serves that', async () => {
    const q = await createQuestion(
      'Can a relative collect my new card for me?',
      'Only with **a signed authorisation**.',
    );
    await get(q.path);
    watch();
    expect((await get(q.path)).body).toContain('<strong>a signed authorisation</strong>');
    expect(loads).not.toHaveBeenCalled();

    await inquiry.revisions.editPublishedAnswer(editor.user, q.answerId, {
      ...answer('Yes, with **their own ID card** too.'),
      note: 'ID needed',
    });
    const next = await get(q.path);
    expect(next.body).toContain('<strong>their own ID card</strong>');
    expect(next.body).not.toContain('a signed authorisation');
    expect(loads).toHaveBeenCalledTimes(1);
    // Rendered again by the route, the new page is what the fast path sends from now on.
    const again = await get(q.path);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(observable(again)).toEqual(observable(next));
  });

  it('sends a newly published answer on the next request', async () => {
    const q = await createQuestion('Does the replacement card keep my old account number?', 'Yes, the number stays.');
    await get(q.path);
    await get(q.path);
    const expert = await signInAs(t, 'expert', { displayName: 'Expert Sun' });
    const { answerId } = await inquiry.workflow.submitAnswer(
      expert.user,
      q.questionId,
      answer('The **balance moves** with it as well.'),
    );
    // Waiting for review is not published: the cached page is still right, and still served.
    watch();
    expect((await get(q.path)).body).not.toContain('balance moves');
    expect(loads).not.toHaveBeenCalled();

    await inquiry.workflow.approve(editor.user, answerId);
    expect((await get(q.path)).body).toContain('<strong>balance moves</strong>');
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('serves the Chinese page at /zh, not the English one, and each language its own bytes', async () => {
    await get(SEED_ZH_PATH);
    await get(SEED_PATH);
    watch();
    const zh = await get(SEED_ZH_PATH);
    const en = await get(SEED_PATH);
    expect(loads).not.toHaveBeenCalled();
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('<h3>法律分析</h3>');
    expect(en.body).toContain('<html lang="en">');
    // The same bytes as the route sends for /zh.
    expect(observable(zh)).toEqual(observable(await get(`${SEED_ZH_PATH}?via=route`)));
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('keeps the two renderings of one question apart: an English question read under /zh', async () => {
    const q = await createQuestion('Can I reissue my card by post?', 'Only **in person**.');
    const zhPath = `/zh${q.path}`;
    await get(zhPath);
    watch();
    // The Chinese rendering is cached; the English page is not rendered yet and comes from the route.
    const en = await get(q.path);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).not.toContain('本问题暂无中文版');
    loads.mockClear();
    const [zhAgain, enAgain] = [await get(zhPath), await get(q.path)];
    expect(loads).not.toHaveBeenCalled();
    expect(zhAgain.body).toContain('<html lang="zh-CN">');
    expect(zhAgain.body).toContain('本问题暂无中文版，以下为英文原文。');
    expect(observable(enAgain)).toEqual(observable(en));
  });

  it.each([
    [SEED_PATH.replace('/social-security', '/zh/social-security'), SEED_ZH_PATH],
    ['/social-security/questions/2', SEED_PATH],
  ])('still sends %s to its translation (301) while both pages are cached', async (url, location) => {
    await get(SEED_PATH);
    await get(SEED_ZH_PATH);
    watch();
    const res = await get(url);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
  });

  it('stops serving a page the service no longer caches (dropped by a write)', async () => {
    await get(SEED_PATH);
    inquiry.questions.forgetQuestion(1);
    watch();
    expect((await get(SEED_PATH)).statusCode).toBe(200);
    expect(loads).toHaveBeenCalledTimes(1);
    expect((await get(SEED_PATH)).statusCode).toBe(200);
    expect(loads).toHaveBeenCalledTimes(1);
  });
});
