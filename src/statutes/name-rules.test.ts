import { describe, expect, it } from 'vitest';
import { chineseNameForms, readAliasTable } from './name-rules';

const rules = readAliasTable().prefixes;

describe('statute names as people write them', () => {
  it('adds and leaves out the country', () => {
    expect(chineseNameForms('工伤保险条例', rules)).toEqual(['工伤保险条例', '中华人民共和国工伤保险条例']);
    expect(chineseNameForms('中华人民共和国劳动合同法实施条例', rules)).toEqual([
      '中华人民共和国劳动合同法实施条例',
      '劳动合同法实施条例',
    ]);
  });

  it('leaves out the issuing body of a 关于 title, and accepts any listed body before one', () => {
    const forms = chineseNameForms('最高人民法院关于审理工伤保险行政案件若干问题的规定', rules);
    expect(forms).toContain('关于审理工伤保险行政案件若干问题的规定');
    expect(chineseNameForms('关于工资总额组成的规定', rules)).toContain('国家统计局关于工资总额组成的规定');
    // No country before a 关于 title: nobody writes it so.
    expect(forms).not.toContain('中华人民共和国关于审理工伤保险行政案件若干问题的规定');
  });

  it('names only slugs of the catalogue or of statutes on their way (the table is data)', () => {
    const table = readAliasTable();
    expect(table.statutes['social-insurance-law']?.zh).toContain('社保法');
    expect(table.statutes['civil-code']?.zh).toContain('民法典');
  });
});
