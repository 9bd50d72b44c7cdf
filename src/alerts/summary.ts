/**
 * A saved search in words, in the reader's language: "前端 · 深圳市 · 月薪15,000元以上 · 五险一金" (its words first, as typed). The default name
 * of a search and the line the list shows under each name.
 */
import { INDUSTRY_LABELS, SIZE_LABELS } from '../companies';
import { EDUCATION_LABELS, EMPLOYMENT_TYPE_LABELS, EXPERIENCE_LABELS } from '../jobs';
import type { I18n } from '../platform/web/i18n';
import type { SavedQuery } from './query';

/** What a summary needs besides the search: names of places and of benefit tags, in the reader's language. */
export interface SummaryNames {
  places: Map<string, { nameEn: string; nameZh: string }>;
  benefits: { key: string; label: string }[];
}

export const SUMMARY_SEPARATOR = ' · ';

export function summaryParts(query: SavedQuery, names: SummaryNames, i18n: I18n): string[] {
  const { t } = i18n;
  const place = (code: string | undefined) => {
    if (!code) return [];
    const region = names.places.get(code);
    return [region ? (i18n.locale === 'zh' ? region.nameZh : region.nameEn) : code];
  };
  const parts: string[] = [];
  if (query.q) parts.push(query.q);
  parts.push(...place(query.city), ...place(query.district));
  const { salaryMin: min, salaryMax: max } = query;
  if (min !== undefined && max !== undefined) parts.push(t('alerts.summary.salaryRange', { min, max }));
  else if (min !== undefined) parts.push(t('alerts.summary.salaryFrom', { min }));
  else if (max !== undefined) parts.push(t('alerts.summary.salaryUpTo', { max }));
  if (query.experience) parts.push(t(EXPERIENCE_LABELS[query.experience]));
  if (query.education) parts.push(t(EDUCATION_LABELS[query.education]));
  if (query.type) parts.push(t(EMPLOYMENT_TYPE_LABELS[query.type]));
  for (const key of query.benefits) parts.push(names.benefits.find((b) => b.key === key)?.label ?? key);
  if (query.size) parts.push(t(SIZE_LABELS[query.size]));
  if (query.industry) parts.push(t(INDUSTRY_LABELS[query.industry]));
  if (query.postedWithin) parts.push(t('alerts.summary.postedWithin', { days: query.postedWithin }));
  return parts.length > 0 ? parts : [t('alerts.summary.everything')];
}

export const summaryText = (query: SavedQuery, names: SummaryNames, i18n: I18n) =>
  summaryParts(query, names, i18n).join(SUMMARY_SEPARATOR);

/** Place codes a set of searches names (to ask the regions module once). */
export const placeCodes = (queries: SavedQuery[]) =>
  queries.flatMap((q) => [q.city, q.district]).filter((code): code is string => code !== undefined);
