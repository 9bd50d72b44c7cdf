import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../platform/search/tokeniser';
import { PlaceDetector, readPlaces, readTopicRules, TopicDetector } from './detect';

const topicSlugs = (JSON.parse(readFileSync('data/inquiry/topics.json', 'utf8')) as { slug: string }[]).map(
  (t) => t.slug,
);
const regions = JSON.parse(readFileSync('data/regions.json', 'utf8')) as { code: string; parent: string | null }[];
const parents = new Map(regions.map((r) => [r.code, r.parent]));
const topics = new TopicDetector(readTopicRules(), topicSlugs);
const places = new PlaceDetector(readPlaces(), parents);
const topicOf = (question: string, analysis = '') =>
  topics.detect(normalise(question), analysis, /\p{Script=Han}/u.test(question) ? 'zh' : 'en').slug;

describe('data/topics/rules.json', () => {
  it('has keywords in both languages for every topic, and a fallback that is a topic', () => {
    const rules = readTopicRules();
    expect(Object.keys(rules.topics).sort()).toEqual([...topicSlugs].sort());
    for (const slug of topicSlugs) {
      expect(Object.keys(rules.topics[slug]!.zh).length, slug).toBeGreaterThan(2);
      expect(Object.keys(rules.topics[slug]!.en).length, slug).toBeGreaterThan(2);
    }
    expect(topicSlugs).toContain(rules.fallback);
  });
});

describe('TopicDetector', () => {
  it.each([
    ['深圳社保卡丢了去哪里补办？', 'social-security-card'],
    ['养老金每月什么时候发', 'pension'],
    ['異地就醫怎麼報銷', 'medical-insurance'],
    ['失业金怎么申请', 'unemployment-insurance'],
    ['上班途中出车祸算工伤吗', 'work-injury-insurance'],
    ['生育津贴怎么领取', 'maternity-insurance'],
    ['在杭州怎么提取住房公积金', 'housing-provident-fund'],
    ['灵活就业人员缴费基数怎么选', 'contributions'],
    ['社保从北京转到上海怎么办理转移手续', 'transfer-continuation'],
    ['女职工退休年龄是多少', 'retirement'],
    ['公司拖欠工资怎么申请劳动仲裁', 'labour-contracts-disputes'],
    ['Where can I reissue my social security card if I lose it?', 'social-security-card'],
    ['How do I claim unemployment benefits?', 'unemployment-insurance'],
    ['Am I entitled to severance pay after being dismissed?', 'labour-contracts-disputes'],
    ['When can I retire?', 'retirement'],
  ])('files %j under %s', (question, slug) => expect(topicOf(question)).toBe(slug));

  it('reads the analysis when the question says little', () => {
    expect(topicOf('这种情况怎么办？', '可以向劳动争议仲裁委员会申请仲裁，要求支付经济补偿。')).toBe(
      'labour-contracts-disputes',
    );
  });

  it('matches English keywords at the start of a word only', () => {
    // "retire" would be inside "tired"; "card" inside "discarded".
    expect(topics.detect(normalise('I am tired of discarded paperwork'), '', 'en')).toEqual({
      slug: 'contributions',
      fallback: true,
    });
  });

  it('gives a tie to the earlier topic', () => {
    // pension and contributions score the same here; pension comes first in topics.json.
    expect(topicOf('How is the pension calculated after 15 years of contributions?')).toBe('pension');
  });

  it('uses the fallback when nothing matches, and says so', () => {
    expect(topics.detect(normalise('What documents should I keep?'), '', 'en')).toEqual({
      slug: readTopicRules().fallback,
      fallback: true,
    });
  });
});

describe('PlaceDetector', () => {
  it('knows every region of data/places.json', () => {
    for (const place of readPlaces().places) expect(parents.has(place.region), place.region).toBe(true);
  });

  it.each([
    ['深圳社保卡丢了去哪里补办', 'CN-GD-SZ'],
    ['深圳市的社保', 'CN-GD-SZ'],
    ['广东省灵活就业缴费', 'CN-GD'],
    ['广东深圳的社保卡', 'CN-GD-SZ'],
    ['東莞的社保怎麼交', 'CN-GD'],
    ['廣州補辦社保卡', 'CN-GD-GZ'],
    ['内蒙古的养老金', 'CN-NM'],
    ['浙江西湖区的社保', 'CN-ZJ'],
    ['Pension rules in Shenzhen', 'CN-GD-SZ'],
    ["Unemployment benefits in Xi'an", 'CN-SN-XA'],
    ['Moving to Inner Mongolia', 'CN-NM'],
  ])('finds %j in %s', (question, code) => expect(places.detect(normalise(question))).toBe(code));

  it.each([
    ['社保从北京转到上海怎么办理', 'two places, neither inside the other'],
    ['社保卡丢了怎么办', 'no place'],
    ['Is the Hubei-born worker in Hunan covered?', 'two provinces'],
    ['My Shanghainese colleague asked', 'a name inside a word'],
  ])('finds no single region in %j (%s)', (question) => expect(places.detect(normalise(question))).toBeNull());
});
