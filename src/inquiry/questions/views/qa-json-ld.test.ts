import { describe, expect, it } from 'vitest';
import type { QuestionData } from '../page-data';
import { qaPageJsonLd } from './qa-json-ld';

const labels = {
  url: 'https://jobsite.example/zh/social-security/questions/7',
  inLanguage: 'zh-CN',
  siteName: 'jobsite',
  anonymous: '匿名用户',
};

type Question = QuestionData['question'];
type Answer = QuestionData['answers'][number];

const question = (over: Partial<Question> = {}) =>
  ({
    id: 7,
    title: '失业金能领几个月？',
    details: '',
    origin: 'user',
    createdAt: '2026-11-20T08:00:00.000Z',
    askedBy: { anonymous: false, name: '王芳' },
    ...over,
  }) as Question;

const answer = (id: number, over: Partial<Answer> = {}) =>
  ({
    id,
    analysisMarkdown: '**最长 24 个月**，按缴费年限计算。',
    author: '李律师',
    publishedAt: '2026-11-21T08:00:00.000Z',
    updatedAt: '2026-11-22T08:00:00.000Z',
    accepted: false,
    helpfulCount: 3,
    ...over,
  }) as Answer;

describe('QAPage JSON-LD', () => {
  it('gives the accepted answer as acceptedAnswer and the others as suggestedAnswer, each complete', () => {
    const data = qaPageJsonLd({ question: question(), answers: [answer(1, { accepted: true }), answer(2)] }, labels)!;
    expect(data.mainEntity).toMatchObject({
      '@type': 'Question',
      name: '失业金能领几个月？',
      text: '失业金能领几个月？',
      answerCount: 2,
      dateCreated: '2026-11-20T08:00:00.000Z',
      datePublished: '2026-11-20T08:00:00.000Z',
      author: { '@type': 'Person', name: '王芳' },
      inLanguage: 'zh-CN',
      acceptedAnswer: {
        '@type': 'Answer',
        text: '最长 24 个月，按缴费年限计算。',
        url: `${labels.url}#a1`,
        dateCreated: '2026-11-21T08:00:00.000Z',
        datePublished: '2026-11-21T08:00:00.000Z',
        upvoteCount: 3,
        author: { '@type': 'Person', name: '李律师' },
      },
      suggestedAnswer: [{ url: `${labels.url}#a2` }],
    });
  });

  it('names an anonymous asker, and shipped content after its authors, an organization', () => {
    const anonymous = qaPageJsonLd(
      { question: question({ askedBy: { anonymous: true } }), answers: [answer(1)] },
      labels,
    );
    expect(anonymous!.mainEntity.author).toEqual({ '@type': 'Person', name: '匿名用户' });
    const shipped = qaPageJsonLd(
      { question: question({ origin: 'seed', askedBy: null }), answers: [answer(1, { author: 'jobsite 编辑部' })] },
      labels,
    )!;
    expect(shipped.mainEntity.author).toEqual({ '@type': 'Organization', name: 'jobsite 编辑部' });
    expect(shipped.mainEntity.suggestedAnswer?.[0]?.author).toEqual({
      '@type': 'Organization',
      name: 'jobsite 编辑部',
    });
    expect(shipped.mainEntity.acceptedAnswer).toBeUndefined();
  });

  it('gives no markup to a question awaiting its answer (Google wants one)', () => {
    expect(qaPageJsonLd({ question: question(), answers: [] }, labels)).toBeUndefined();
  });
});
