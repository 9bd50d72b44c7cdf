/**
 * The whole inquiry workflow in Chromium with JavaScript on: a member registers and asks, an expert
 * answers with a citation checked live by the answer-editor island, an editor publishes, and the
 * member follows the notification to the answer and its article. axe audits the ask page, the
 * answer editor and the review pages along the way, in contexts of their own (see e2e/axe.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wholeDatabase } from '../src/database';
import { signInAs } from '../src/test-support/forms';
import { auditContext, axeViolations } from './axe';
import { browserAvailable, E2E_TIMEOUT, siteAndBrowserForSuite } from './browser';

const CITATIONS_LABEL = /^Legal basis: one citation per line/;
const LIVE_CHECK = 'Legal basis as checked while you type';
const ARTICLE_58 = '用人单位应当自用工之日起三十日内';

describe.skipIf(!browserAvailable)('the inquiry workflow in a browser', { timeout: E2E_TIMEOUT }, () => {
  const suite = siteAndBrowserForSuite();

  const url = (path: string) => `${suite.site.baseUrl}${path}`;
  /** A context whose waits fail with the locator in the message before vitest's test timeout hits. */
  async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await suite.browser.newContext(options);
    context.setDefaultTimeout(10_000);
    return context;
  }

  /** Signs in through the sign-in form, landing on `next`. */
  async function signIn(context: BrowserContext, email: string, password: string, next = '/account'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url(`/account/sign-in?next=${encodeURIComponent(next)}`));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((u) => u.pathname === next);
    return page;
  }

  /** Serious or critical axe violations on a page, opened as `signedIn` sees it; `prepare` can fill it in first. */
  async function audit(signedIn: BrowserContext, path: string, prepare?: (page: Page) => Promise<void>) {
    const context = await auditContext(suite.browser, signedIn);
    try {
      const page = await context.newPage();
      await page.goto(url(path));
      await prepare?.(page);
      return await axeViolations(page);
    } finally {
      await context.close();
    }
  }

  /** The citations resolve API calls a page makes, as the text each one sent. */
  function resolveRequests(page: Page): string[] {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/citations/resolve') {
        sent.push((JSON.parse(request.postData() ?? '{}') as { text: string }).text);
      }
    });
    return sent;
  }

  it('a member asks, an expert answers with a live-checked citation, an editor publishes, the member reads it', {
    timeout: 2 * E2E_TIMEOUT,
  }, async () => {
    const title = 'My employer has not registered me for social insurance two months after I started. What can I do?';
    const analysis =
      'Your employer must apply for social insurance registration for you within 30 days of your first day of work.';
    const member = { email: 'li.wei@example.test', displayName: 'Li Wei', password: 'plum blossom river 42' };
    const accessibility: Record<string, string[]> = {};

    // ---- the member registers and asks ------------------------------------------------------------
    const memberContext = await newContext();
    const ask = await memberContext.newPage();
    await ask.goto(url('/account/register'));
    await ask.getByLabel('Email').fill(member.email);
    await ask.getByLabel('Display name').fill(member.displayName);
    await ask.getByLabel('Password', { exact: true }).fill(member.password);
    await ask.getByRole('button', { name: 'Create account' }).click();
    await ask.waitForURL(/\/account\/register\?sent=1$/);
    // The account is made from the link mailed to the address (decision 0120).
    const mail = await wholeDatabase(suite.site.database.db)
      .selectFrom('outbox')
      .select('body')
      .where('to_address', '=', member.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await ask.goto(url(mail.body.match(/\/account\/register\/[A-Za-z0-9_-]{43}/)![0]));
    await ask.getByRole('button', { name: 'Create my account' }).click();
    await ask.waitForURL(/\/account\?welcome=1$/);

    await ask.getByRole('link', { name: 'Ask a question' }).click();
    await ask.waitForURL(/\/social-security\/ask$/);
    accessibility['/social-security/ask'] = await audit(memberContext, '/social-security/ask');
    const titleBox = ask.getByLabel('Your question');
    await titleBox.fill(title);
    await titleBox.press('Escape'); // closes the similar-questions suggestions, if they opened
    await ask
      .getByLabel('Details (optional)')
      .fill('I signed a labour contract in Shanghai; my payslips show no social insurance deductions.');
    await ask.getByLabel('Topic', { exact: true }).selectOption({ label: 'Contributions and payment base' });
    await ask.getByRole('button', { name: 'Continue' }).click();
    // Questions like it may be offered first; the member posts theirs anyway.
    const confirm = ask.getByRole('button', { name: 'Post my question' });
    const awaiting = ask.getByText('This question is awaiting an answer.');
    await confirm.or(awaiting).waitFor();
    if (await confirm.isVisible()) await confirm.click();
    await ask.waitForURL(/\/social-security\/questions\/\d+-/);
    await awaiting.waitFor();
    await expect(ask.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    const questionPath = new URL(ask.url()).pathname;
    await memberContext.close();

    // ---- an expert answers, the island checking the citation ----------------------------------------
    const expert = await signInAs(suite.site, 'expert', { displayName: 'Expert Zhang' });
    const expertContext = await newContext();
    const queue = await signIn(expertContext, expert.user.email, expert.password, '/expert/queue');
    const queued = queue.getByRole('listitem').filter({ has: queue.getByRole('link', { name: title, exact: true }) });
    await queued.getByRole('link', { name: 'Answer this question' }).click();
    await queue.waitForURL(/\/expert\/questions\/\d+\/answer$/);
    const editorPath = new URL(queue.url()).pathname;
    const form = queue;
    const sent = resolveRequests(form);

    await form.getByLabel('Legal analysis (markdown)').fill(analysis);
    const step1 = form.getByRole('group', { name: 'Step 1', exact: true });
    await step1
      .getByLabel('What to do')
      .fill(
        'Ask your employer in writing to register you; if it does not, complain to the local social insurance agency.',
      );
    await step1.getByLabel('Materials to bring').fill('ID card, labour contract, payslips');
    await form.getByLabel(CITATIONS_LABEL).pressSequentially('《社会保险法》第五十八条', { delay: 25 });
    const checked = form.getByRole('list', { name: LIVE_CHECK });
    const article58 = checked.getByRole('group').filter({ hasText: 'Social Insurance Law, Article 58' });
    await article58.waitFor();
    await article58.getByText('Social Insurance Law, Article 58').click(); // expands the article text
    await expect(article58.locator('blockquote').textContent()).resolves.toContain(ARTICLE_58);
    // Debounced: one request for the whole text once typing pauses (a stalled machine may add one), not one per keystroke.
    expect(sent.at(-1)).toBe('《社会保险法》第五十八条');
    expect(sent.length).toBeLessThanOrEqual(3);

    accessibility[editorPath] = await audit(expertContext, editorPath, async (page) => {
      await page.getByLabel(CITATIONS_LABEL).fill('《社会保险法》第五十八条\n第九百九十九条\nno citation here');
      await page.getByRole('list', { name: LIVE_CHECK }).getByText('Line 3: no citation found').waitFor();
    });

    await form.getByRole('button', { name: 'Submit for review' }).click();
    await form.waitForURL(/\/expert\/queue$/);
    await form.getByRole('region', { name: 'My answers in review or sent back' }).getByText(title).waitFor();
    await expertContext.close();

    // ---- an editor publishes it ---------------------------------------------------------------------
    const editor = await signInAs(suite.site, 'editor', { displayName: 'Editor Chen' });
    const editorContext = await newContext();
    const review = await signIn(editorContext, editor.user.email, editor.password, '/editor/review');
    accessibility['/editor/review'] = await audit(editorContext, '/editor/review');
    await review.getByRole('link', { name: title, exact: true }).click();
    await review.waitForURL(/\/editor\/review\/\d+$/);
    const reviewPath = new URL(review.url()).pathname;
    accessibility[reviewPath] = await audit(editorContext, reviewPath);
    await review.getByRole('button', { name: 'Approve and publish' }).click();
    await review.waitForURL(/\/editor\/review$/);
    await review.getByText('No answer is waiting for review.').waitFor();
    await editorContext.close();

    // ---- the member hears about it and reads the answer and its law --------------------------------
    const memberAgain = await newContext();
    const reader = await signIn(memberAgain, member.email, member.password);
    const bell = reader.getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ });
    await bell.click();
    await reader.waitForURL(/\/account\/notifications$/);
    await reader.getByRole('link', { name: `Your question “${title}” was answered` }).click();
    await reader.waitForURL((u) => u.pathname === questionPath);
    const answer = reader.getByRole('region', { name: 'Answer', exact: true });
    await answer.getByText(analysis).waitFor();
    // The legal basis opens each article in place (details), with a link to it in the statute library.
    const citation = answer.locator('.legal-basis li', { hasText: 'Social Insurance Law, Article 58' });
    await citation.locator('summary').click();
    await citation.getByRole('link', { name: 'Open in the statute library' }).click();
    await reader.waitForURL(/\/laws\/social-insurance-law\/articles\/58$/);
    await expect(reader.locator('blockquote').textContent()).resolves.toContain(ARTICLE_58);
    await memberAgain.close();

    expect(accessibility).toEqual({
      '/social-security/ask': [],
      [editorPath]: [],
      '/editor/review': [],
      [reviewPath]: [],
    });
  });

  it('checks every line of the legal basis as the server will, adds suggested citations, and leaves the form alone without JavaScript', async () => {
    const expert = await signInAs(suite.site, 'expert');
    const context = await newContext();
    const page = await signIn(context, expert.user.email, expert.password, '/expert/questions/1/answer');
    const sent = resolveRequests(page);
    const citations = page.getByLabel(CITATIONS_LABEL);
    const checked = page.getByRole('list', { name: LIVE_CHECK });

    // Line 2 names no statute: checked on its own it fails, as it will on submit, though the whole text
    // would lend it line 1's statute. Server text is shown as text, never as HTML.
    await citations.fill(
      '《社会保险法》第五十八条\n第五十九条\nArticle 999 of the Social Insurance Law\n\n<img src=x onerror="document.title=1">',
    );
    await checked.getByText('Line 5: no citation found in “<img src=x onerror="document.title=1">”').waitFor();
    await expect(checked.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      'Social Insurance Law, Article 58',
      'Line 2: does not resolve: No statute named, and no earlier citation in the text names one',
      'Line 3: does not resolve: "Article 999 of the Social Insurance Law": the version in force has no Article 999',
      'Line 5: no citation found in “<img src=x onerror="document.title=1">”',
    ]);
    await expect(checked.locator('img').count()).resolves.toBe(0);
    expect(sent).toHaveLength(2); // the whole text, then line 2 alone

    // A suggested article adds its citation as a new line, checked at once.
    const suggestions = page.getByRole('region', { name: 'Suggested legal basis' });
    const add = suggestions.getByRole('button', { name: /^Add to the legal basis / }).first();
    const suggested = await add.getAttribute('data-add-citation');
    const suggestedLabel = await suggestions.getByRole('listitem').first().getByRole('link').textContent();
    await add.click();
    await checked
      .getByRole('group')
      .filter({ hasText: suggestedLabel ?? '' })
      .first()
      .waitFor();
    expect((await citations.inputValue()).endsWith(`\n${suggested}`)).toBe(true);

    // Any element marked data-add-citation works the same, even a submit button of the form.
    await page.locator('form.stacked-form').evaluate((form) => {
      const button = document.createElement('button');
      button.type = 'submit';
      button.dataset.addCitation = 'Social Insurance Law, Art. 60';
      button.textContent = 'Cite Article 60';
      form.prepend(button);
    });
    await page.getByRole('button', { name: 'Cite Article 60' }).click();
    await checked.getByRole('group').filter({ hasText: 'Social Insurance Law, Article 60' }).waitFor();
    await expect(citations.inputValue()).resolves.toMatch(/\nSocial Insurance Law, Art\. 60$/);
    expect(new URL(page.url()).pathname).toBe('/expert/questions/1/answer');
    await context.close();

    // Without JavaScript: no live list, and Preview resolves the citations on the server as before.
    const noScript = await newContext({ javaScriptEnabled: false });
    const plain = await signIn(noScript, expert.user.email, expert.password, '/expert/questions/1/answer');
    await plain.getByLabel('Legal analysis (markdown)').fill('Registration is due within 30 days.');
    await plain.getByLabel(CITATIONS_LABEL).fill('《社会保险法》第五十八条\nno citation here');
    await plain.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = plain.getByRole('region', { name: 'Preview' });
    await preview.getByText('Social Insurance Law, Article 58').waitFor();
    await preview.getByText('Does not resolve: No citation found in "no citation here"').waitFor();
    await expect(plain.getByRole('list', { name: LIVE_CHECK }).count()).resolves.toBe(0);
    await noScript.close();
  });
});
