import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import { checkOutletCsv } from './import';

const HEADER = 'city,name,address,district,phone,hours,services,source_url,verified_on';
const CITIES = new Set(['beijing', 'shanghai']);

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, keeping the line each record starts on', () => {
    const read = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n"two\nlines",z\n');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 4, fields: ['two\nlines', 'z'] },
      ],
    });
  });

  it('refuses an unclosed quote, naming the line it opens on', () => {
    expect(readCsv('a,b\n"open,c\nd')).toEqual({ ok: false, line: 2 });
  });
});

describe('checkOutletCsv', () => {
  const good =
    'beijing,北京市社会保险基金管理中心,北京市西城区 某路 1 号,西城区,010-12345678,周一至周五 9:00-17:00,' +
    'pension;card-reissue,https://rsj.beijing.gov.cn/bsfw/,2026-12-01';

  it('takes good lines', () => {
    const { outlets, problems } = checkOutletCsv(`${HEADER}\n${good}\n`, CITIES, '2026-12-07');
    expect(problems).toEqual([]);
    expect(outlets).toEqual([
      {
        citySlug: 'beijing',
        name: '北京市社会保险基金管理中心',
        address: '北京市西城区 某路 1 号',
        district: '西城区',
        phone: '010-12345678',
        hours: '周一至周五 9:00-17:00',
        services: ['pension', 'card-reissue'],
        sourceUrl: 'https://rsj.beijing.gov.cn/bsfw/',
        verifiedOn: '2026-12-01',
      },
    ]);
  });

  it('lists every problem by line and takes nothing when any line is wrong', () => {
    const lines = [
      HEADER,
      good,
      'atlantis,Outlet,Somewhere,,,,pension,https://example.gov.cn/a,2026-12-01',
      'shanghai,,Road 2,,,,,https://example.gov.cn/b,2026-12-01',
      'shanghai,Outlet B,Road 3,,,,haircut,no-source,2027-01-01',
      'shanghai,Outlet C,Road 4',
      good,
    ];
    const { outlets, problems } = checkOutletCsv(lines.join('\n'), CITIES, '2026-12-07');
    expect(outlets).toEqual([]);
    expect(problems.map((p) => [p.line, p.key, p.params])).toEqual([
      [3, 'cities.outlets.error.city', { city: 'atlantis' }],
      [4, 'cities.outlets.error.name', undefined],
      [5, 'cities.outlets.error.sourceUrl', undefined],
      [5, 'cities.outlets.error.verifiedOn', undefined],
      [6, 'cities.outlets.error.fieldCount', { expected: 9, found: 3 }],
      [7, 'cities.outlets.error.duplicate', { line: 2 }],
    ]);
  });

  it('refuses a file without the header, or without outlets', () => {
    expect(checkOutletCsv(good, CITIES, '2026-12-07').problems[0]?.key).toBe('cities.outlets.error.columns');
    expect(checkOutletCsv(`${HEADER}\n\n`, CITIES, '2026-12-07').problems[0]?.key).toBe('cities.outlets.error.empty');
  });
});
