import { describe, expect, it } from 'vitest';
import { plainTextToMarkdown, splitAnswer, splitSections } from './split';
import { channelOf, findSteps } from './steps';

const actions = (text: string) => findSteps(text)?.steps.map((s) => s.action);

describe('splitSections', () => {
  it('splits the common Chinese form, the article text staying in the legal basis', () => {
    expect(
      splitSections(
        '法律分析：先挂失再补办。\n法律依据：《中华人民共和国社会保险法》第七十二条 统筹地区设立社会保险经办机构。',
      ),
    ).toEqual({
      analysis: '先挂失再补办。',
      legalBasis: '《中华人民共和国社会保险法》第七十二条 统筹地区设立社会保险经办机构。',
    });
  });

  it('knows 回答：, 【法律依据】 and labels after the end of a sentence on the same line', () => {
    expect(splitSections('回答：可以领取。【法律依据】《失业保险条例》第十四条')).toEqual({
      analysis: '可以领取。',
      legalBasis: '《失业保险条例》第十四条',
    });
    expect(splitSections('解答：可以。法律依据：《社会保险法》第十条')).toEqual({
      analysis: '可以。',
      legalBasis: '《社会保险法》第十条',
    });
  });

  it('splits the English form', () => {
    expect(
      splitSections(
        'Legal analysis: Go to the bureau.\n\nLegal basis: Article 72 of the Social Insurance Law establishes agencies.',
      ),
    ).toEqual({
      analysis: 'Go to the bureau.',
      legalBasis: 'Article 72 of the Social Insurance Law establishes agencies.',
    });
  });

  it('reads a label inside a sentence as text, and text without labels as analysis', () => {
    expect(splitSections('具体分析：要看情况。The short answer: yes.')).toEqual({
      analysis: '具体分析：要看情况。The short answer: yes.',
      legalBasis: '',
    });
  });
});

describe('findSteps', () => {
  it.each([
    ['流程：1.带身份证挂失；2.填写申请表；3.领取新卡。', ['带身份证挂失', '填写申请表', '领取新卡。']],
    ['流程：1、带身份证挂失；2、填写申请表', ['带身份证挂失', '填写申请表']],
    ['流程：1）挂失 2）补办', ['挂失', '补办']],
    ['流程：(1)挂失；(2)补办', ['挂失', '补办']],
    ['流程：（一）挂失；（二）补办；（三）领卡', ['挂失', '补办', '领卡']],
    ['流程：一、挂失\n二、补办', ['挂失', '补办']],
    ['流程：第一步，挂失；第二步：补办。', ['挂失', '补办。']],
    ['流程：①挂失②补办', ['挂失', '补办']],
    ['Process: Step 1: report the loss. Step 2: apply.', ['report the loss.', 'apply.']],
    ['Process: 1. Report the loss. 2. Apply for a new card.', ['Report the loss.', 'Apply for a new card.']],
  ])('finds the steps of %j', (text, expected) => expect(actions(text)).toEqual(expected));

  it.each([
    '加班费按1.5倍计算，见第1、2条。',
    'Only one item: 1. do this.',
    'Numbers that do not count up: 2. this 3. that',
    'Article 23(1) and 23(2) apply.',
  ])('finds no steps in %j', (text) => expect(findSteps(text)).toBeNull());

  it('keeps a nested list inside its step (the earliest list wins)', () => {
    expect(actions('办理：1、挂失：(1)带身份证；(2)填表。2、领卡')).toEqual(['挂失：(1)带身份证；(2)填表。', '领卡']);
  });

  it('ends the last step at a line break, and cuts closing remarks out of an over-long last step', () => {
    expect(findSteps('Do: 1. one 2. two\nAfterwards wait.')).toMatchObject({ intro: 'Do:', tail: 'Afterwards wait.' });
    const long = `Do: 1. Report it. 2. Apply. 3. Collect the card. ${'The card has many uses. '.repeat(20)}`;
    const found = findSteps(long)!;
    expect(found.steps[2]!.action).toBe('Collect the card.');
    expect(found.tail).toMatch(/^The card has many uses\./);
  });

  it('refuses lists past the editor limits', () => {
    expect(findSteps(`Do: ${Array.from({ length: 21 }, (_, i) => `${i + 1}. step`).join(' ')}`)).toBeNull();
  });

  it.each([
    ['拨打12333热线咨询', 'hotline'],
    ['在网上办事大厅申请', 'online'],
    ['apply in the app', 'online'],
    ['到银行网点激活', 'bank'],
    ['向劳动争议仲裁委员会申请', 'arbitration'],
    ['由用人单位申报', 'employer'],
    ['到社保经办机构窗口办理', 'service-outlet'],
    ['等待审核', 'other'],
    ['apply for it', 'other'],
  ])('gives %j the channel %s', (action, channel) => expect(channelOf(action)).toBe(channel));
});

describe('splitAnswer', () => {
  it('gives analysis, steps and legal basis', () => {
    const split = splitAnswer(
      '法律分析：社保卡丢失后应当先挂失再补办。补办流程：1、携带身份证挂失；2、填写补卡申请表。\n法律依据：《社会保险法》第七十二条 统筹地区设立…',
    )!;
    expect(split.analysis).toBe('社保卡丢失后应当先挂失再补办。补办流程：');
    expect(split.steps).toEqual([
      { action: '携带身份证挂失', channel: 'other' },
      { action: '填写补卡申请表。', channel: 'other' },
    ]);
    expect(split.background).toBeNull();
    expect(split.legalBasis).toBe('《社会保险法》第七十二条 统筹地区设立…');
  });

  it('keeps a bare list as the analysis: steps need a lead-in', () => {
    expect(splitAnswer('1、挂失；2、补办')).toMatchObject({ analysis: '1、挂失；2、补办', steps: [] });
  });

  it('has nothing to import when the answer only quotes the law', () => {
    expect(splitAnswer('法律依据：《社会保险法》第七十二条')).toBeNull();
  });

  it('stores text as markdown that renders as the same text', () => {
    expect(plainTextToMarkdown('# not a heading\n*not emphasis* [no](link) <b>\n1. not a list')).toBe(
      '\\# not a heading\n\n\\*not emphasis\\* \\[no\\](link) \\<b\\>\n\n1\\. not a list',
    );
  });
});
