/**
 * A job's salary written the way each language's job sites write it: `15-25K·13薪` (Chinese boards: thousands as
 * K when both ends are whole thousands, else `8500-9500元/月`; the months only when they are not 12) and
 * `¥15k–25k a month · 13 months`. These are notations, like a date format, not sentences: they live here, once,
 * so the job page, search results, the API and a company's profile write a salary identically.
 */
import type { Locale } from '../platform/web/i18n';

export interface Salary {
  /** Whole yuan a month. */
  min: number;
  max: number;
  /** Months of salary a year (13薪: 13). */
  months: number;
}

const wholeThousands = (s: Salary) => s.min % 1000 === 0 && s.max % 1000 === 0;

/** `15-25K·13薪`, `8500-9500元/月`, `15K` when both ends are equal. */
export function salaryZh(s: Salary): string {
  const thousands = wholeThousands(s);
  const end = (yuan: number) => String(thousands ? yuan / 1000 : yuan);
  const range = s.min === s.max ? end(s.min) : `${end(s.min)}-${end(s.max)}`;
  const monthly = thousands ? `${range}K` : `${range}元/月`;
  return s.months === 12 ? monthly : `${monthly}·${s.months}薪`;
}

const grouped = new Intl.NumberFormat('en', { useGrouping: true, maximumFractionDigits: 0 });

/** `¥15k–25k a month · 13 months`, `¥8,500–9,500 a month`. */
export function salaryEn(s: Salary): string {
  const thousands = wholeThousands(s);
  const end = (yuan: number) => (thousands ? `${yuan / 1000}k` : grouped.format(yuan));
  const range = s.min === s.max ? `¥${end(s.min)}` : `¥${end(s.min)}–${end(s.max)}`;
  const monthly = `${range} a month`;
  return s.months === 12 ? monthly : `${monthly} · ${s.months} months`;
}

/** The salary in the reader's language. */
export function formatSalary(locale: Locale, s: Salary): string {
  return locale === 'zh' ? salaryZh(s) : salaryEn(s);
}
