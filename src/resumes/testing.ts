/** What the résumés tests share: a filled-in profile (PDFs and uploads are in src/test-support/files.ts). */
import type { ResumeProfile } from './model';

/** A filled-in profile, with overrides. */
export const sampleProfile = (overrides: Partial<ResumeProfile> = {}): ResumeProfile => ({
  fullName: '张伟',
  email: 'zhang.wei@example.test',
  phone: '13800138000',
  cityCode: 'CN-GD-SZ',
  expectedCityCode: 'CN-SH',
  expectedSalaryMin: 15000,
  expectedSalaryMax: 20000,
  education: [{ school: '深圳大学', degree: '本科', major: 'Logistics', from: '2012-09', to: '2016-06' }],
  work: [{ company: 'Bright Logistics', title: 'Dispatcher', from: '2016-07', to: null, description: 'Routes' }],
  skills: ['Excel', 'SAP'],
  languages: ['English'],
  summary: 'Eight years in logistics.',
  ...overrides,
});
