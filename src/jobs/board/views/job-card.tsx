import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import type { JobCard } from '../cards';
import { OTHER_LANGUAGE } from './labels';

/**
 * One job in a list: title (in its own language, marked, when the reader's is missing), company, place, salary in
 * both notations (the reader's first), tags.
 */
export function JobCardItem({ job }: { job: JobCard }) {
  const { t, path, locale, date } = useI18n();
  const other = job.titleLocale !== locale;
  const [mine, theirs] = locale === 'zh' ? [job.salary.zh, job.salary.en] : [job.salary.en, job.salary.zh];
  return (
    <li class="job-card">
      <h3>
        <a href={path(job.path)} lang={other ? HTML_LANG[job.titleLocale] : undefined}>
          {job.title}
        </a>
        {other && <span class="meta"> · {t(OTHER_LANGUAGE[job.titleLocale])}</span>}
        {job.demo && <span class="badge">{t('jobs.demo')}</span>}
      </h3>
      <p class="salary">
        <strong>{mine}</strong> <span class="meta">{theirs}</span>
      </p>
      <p class="meta">
        {job.company && (
          <>
            <a href={path(job.company.path)}>{job.company.name}</a>
            {job.company.verified && <span class="badge">{t('jobs.verified')}</span>}
            {' · '}
          </>
        )}
        {job.place.join(' · ')}
        {job.postedAt && <> · {t('jobs.posted', { date: date(job.postedAt) })}</>}
      </p>
      {job.tags.length > 0 && (
        <ul class="tags">
          {job.tags.map((tag) => (
            <li>{tag}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
