import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../../test-support/databases';
import type { QuestionService } from './service';

const validAnswer = {
  analysis: 'Yes. **Apply** at the agency.',
  steps: [{ action: 'Apply', channel: 'service-outlet' as const }],
  region: 'CN',
  verifiedOn: '2026-11-20',
  citations: ['Social Insurance Law, Art. 58'],
  authorLabel: 'test',
};
const question = (title: string) => ({
  topic: 'social-security-card',
  locale: 'en' as const,
  title,
  region: 'CN',
  origin: 'user' as const,
});

describe.each(testEngines)('inquiry service on $name', (engine) => {
  let t: TestApp;
  let inquiry: QuestionService;
  let flushViews: () => Promise<void>;
  beforeAll(async () => {
    t = await openTestApp(engine);
    inquiry = t.modules.inquiry.questions;
    flushViews = () => t.modules.inquiry.views.flush();
  });
  afterAll(async () => t?.close());

  const countQuestions = async () =>
    Number(
      (
        await t.db
          .selectFrom('questions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses an answer whose citation does not resolve, naming it, and stores nothing', async () => {
    const before = await countQuestions();
    await expect(
      inquiry.createAnsweredQuestion(question('What happens with article 999?'), {
        ...validAnswer,
        citations: ['Social Insurance Law, Art. 58', 'Article 999 of the Social Insurance Law'],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [
        { field: 'citations.1', key: 'citation.noSuchArticle', params: expect.objectContaining({ article: 999 }) },
      ],
    });
    await expect(
      inquiry.createAnsweredQuestion(question('Which law is imaginary here?'), {
        ...validAnswer,
        citations: ['《中华人民共和国不存在法》第一条'],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      inquiry.createAnsweredQuestion(question('What if the citation is not one?'), {
        ...validAnswer,
        citations: ['see the law'],
      }),
    ).rejects.toMatchObject({ details: [{ key: 'error.citation.noneFound', params: { text: 'see the law' } }] });
    expect(await countQuestions()).toBe(before);
  });

  it('refuses a paragraph the article does not have', async () => {
    await expect(
      inquiry.createAnsweredQuestion(question('Paragraph nine of article 72?'), {
        ...validAnswer,
        citations: ['《社会保险法》第七十二条第九款'],
      }),
    ).rejects.toMatchObject({
      details: [{ key: 'citation.noSuchParagraph', params: expect.objectContaining({ count: 2, paragraph: 9 }) }],
    });
  });

  it('stores a question with steps and citations and shows it escaped', async () => {
    const { questionId } = await inquiry.createAnsweredQuestion(question('<script>alert(1)</script> card lost?'), {
      ...validAnswer,
      analysis: 'Go <img src=x onerror=alert(1)> now',
      citations: ['《社会保险法》第五十八条第三款', 'Article 7 of the Social Insurance Handling Regulations'],
    });
    const loaded = await inquiry.loadQuestion(questionId, { countView: false });
    expect(loaded.answers[0]!.citations.map((c) => c.label)).toEqual([
      'Social Insurance Law, Article 58, paragraph 3',
      'Social Insurance Handling Regulations, Article 7',
    ]);
    const page = await t.app.inject(loaded.question.path);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> card lost?');
    expect(page.body).toContain('Go &lt;img src=x onerror=alert(1)&gt; now');
    // The cited paragraph is marked inside the expandable article text.
    expect(page.body).toContain('<mark>国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。</mark>');
  });

  it('shows several paragraphs of one article as one legal-basis line', async () => {
    const { questionId } = await inquiry.createAnsweredQuestion(question('How long is the arbitration limit?'), {
      ...validAnswer,
      citations: ['《劳动争议调解仲裁法》第二十七条第一款、第二款'],
    });
    const [answer] = (await inquiry.loadQuestion(questionId, { countView: false })).answers;
    expect(answer!.citations.map((c) => [c.label, c.paragraphs])).toEqual([
      ['Labour Dispute Mediation and Arbitration Law, Article 27, paragraphs 1 and 2', [1, 2]],
    ]);
  });

  it('counts page views in batches and ranks most viewed', async () => {
    const { questionId } = await inquiry.createAnsweredQuestion(
      question('Which question is read the most?'),
      validAnswer,
    );
    for (let i = 0; i < 3; i++) await inquiry.loadQuestion(questionId, { countView: true });
    expect((await inquiry.loadQuestion(questionId, { countView: false })).question.views).toBe(0);
    await flushViews();
    // Page data is cached; the count shows once the entry is dropped (or expires).
    expect((await inquiry.loadQuestion(questionId, { countView: false })).question.views).toBe(0);
    inquiry.forgetQuestion(questionId);
    expect((await inquiry.loadQuestion(questionId, { countView: false })).question.views).toBe(3);
    const center = await inquiry.loadCenter('en');
    expect(center.mostViewed[0]!.id).toBe(questionId);
  });
});
