import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, parseRecord } from './record';

const fields = { question: 'question', answer: 'answer' };
const line = (record: unknown) => JSON.stringify(record);

describe('parseRecord', () => {
  it('reads the question and answer, as text', () => {
    expect(
      parseRecord(line({ question: '<b>社保卡</b>丢了怎么办？', answer: '<p>法律分析：挂失</p>', id: 3 }), fields),
    ).toEqual({
      ok: true,
      question: '社保卡丢了怎么办？',
      answer: '法律分析：挂失',
    });
  });

  it('reads other field names', () => {
    const result = parseRecord(line({ title: 'How do I retire early?', content: 'Answer: you cannot.' }), {
      question: 'title',
      answer: 'content',
    });
    expect(result).toMatchObject({ ok: true, question: 'How do I retire early?' });
  });

  it.each([
    ['{"question": "x", "answer": ', 'bad-json'],
    ['["question", "answer"]', 'bad-json'],
    ['null', 'bad-json'],
    [line({ question: '社保断缴有什么影响？' }), 'missing-field'],
    [line({ question: 42, answer: '法律分析：x' }), 'missing-field'],
    [line({ question: '社保断缴有什么影响？', answer: '   ' }), 'missing-field'],
    [line({ question: '社保断缴有什么影响？', answer: '<p></p>' }), 'missing-field'],
    [line({ question: 'A NUL\u0000 inside', answer: 'Answer: x' }), 'binary'],
    [line({ question: '社保？', answer: '法律分析：太短' }), 'too-short'],
  ])('skips %s as %s', (text, reason) => {
    expect(parseRecord(text, fields)).toMatchObject({ ok: false, reason });
  });

  it('limits the question to 300 and the answer to 20,000 characters, counting Chinese characters as one', () => {
    const q = (n: number) => '问'.repeat(n);
    const a = (n: number) => '答'.repeat(n);
    expect(parseRecord(line({ question: q(MAX_QUESTION_CHARS), answer: a(MAX_ANSWER_CHARS) }), fields).ok).toBe(true);
    expect(parseRecord(line({ question: q(MAX_QUESTION_CHARS + 1), answer: 'x' }), fields)).toMatchObject({
      reason: 'too-long',
    });
    expect(parseRecord(line({ question: q(10), answer: a(MAX_ANSWER_CHARS + 1) }), fields)).toMatchObject({
      reason: 'too-long',
    });
    // A character outside the BMP is two UTF-16 units but one character.
    expect(parseRecord(line({ question: '𠀀'.repeat(MAX_QUESTION_CHARS), answer: 'x' }), fields).ok).toBe(true);
  });
});
