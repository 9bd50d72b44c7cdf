import { HTML_LANG, useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { ReportForm } from '../../posting/views/report-form';
import { formatSalary } from '../../salary';
import type { ApplyPanel } from '../applying';
import type { JobPageData } from '../job-page-data';
import { CompanyBox, InsuranceBox, TakeHome } from './job-boxes';
import { JobCardItem } from './job-card';
import { jobPostingJsonLd } from './job-json-ld';
import { EDUCATION_LABELS, EMPLOYMENT_TYPE_LABELS, EXPERIENCE_LABELS, OTHER_LANGUAGE, STATE_NOTICES } from './labels';

export interface JobPageProps {
  data: JobPageData;
  /** The applications module's panel (apply, or applied on …; the employer's responsiveness), if provided. */
  applyPanel?: ApplyPanel | null;
  /** The signed-in reader's CSRF token; null on the anonymous page, the same bytes for everyone (decision 0121). */
  csrfToken: string | null;
}

/** The apply panel: its texts are the provider's messages. */
function ApplyBox({ panel, csrfToken }: { panel: ApplyPanel; csrfToken: string | null }) {
  const { t, path } = useI18n();
  return (
    <section id="apply" class="apply-panel">
      <h2>{t(panel.heading.key, panel.heading.params)}</h2>
      {panel.lines.map((line) => (
        <p>
          {line.link ? (
            <a href={path(line.link)}>{t(line.text.key, line.text.params)}</a>
          ) : (
            t(line.text.key, line.text.params)
          )}
        </p>
      ))}
      {panel.form && (
        <form method="post" action={path(panel.form.action)} class="button-row">
          <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
          <input type="hidden" name="resume" value="profile" />
          <button type="submit">{t(panel.form.button.key, panel.form.button.params)}</button>{' '}
          <a href={path(panel.form.choose.link)}>{t(panel.form.choose.text.key, panel.form.choose.text.params)}</a>
        </form>
      )}
    </section>
  );
}

/** GET /jobs/:id-:slug: the post, what it declares it pays into, the company, similar jobs, the report form. */
export function JobPage({ data, applyPanel, csrfToken }: JobPageProps) {
  const { t, locale, date, path } = useI18n();
  const { job, state, title, description } = data;
  const salary = { min: job.salary_min, max: job.salary_max, months: job.salary_months };
  const other = locale === 'zh' ? 'en' : 'zh';
  const cityName = (locale === 'zh' ? data.city?.nameZh : data.city?.nameEn) ?? job.region_code;
  const districtName = data.district ? (locale === 'zh' ? data.district.nameZh : data.district.nameEn) : null;
  const jsonLd = jobPostingJsonLd(data, {
    siteName: t('site.name'),
    city: districtName ? `${cityName} ${districtName}` : cityName,
    region: cityName,
    experience: t(EXPERIENCE_LABELS[job.experience]),
  });
  const titleLang = title.locale !== locale ? HTML_LANG[title.locale] : undefined;
  return (
    <Layout
      title={title.text}
      description={`${formatSalary(locale, salary)} · ${cityName} · ${data.company.name}`}
      canonical={data.path}
      // A post in one language has a page of its own only in it: the other language's frame points there.
      canonicalLocale={title.locale !== locale ? title.locale : undefined}
      alternates={{ ...(job.title_en && { en: data.path }), ...(job.title_zh && { zh: data.path }) }}
      noindex={state !== 'open'}
      ogType="article"
      jsonLd={jsonLd}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('jobs.search.title'), href: '/jobs' },
        { label: title.text },
      ]}
    >
      <article class="job">
        <h1 lang={titleLang}>
          {title.text}
          {job.origin === 'demo' && <span class="badge">{t('jobs.demo')}</span>}
        </h1>
        {state !== 'open' && (
          <p class="notice" role="status">
            {t(STATE_NOTICES[state], { date: job.valid_through ? date(job.valid_through) : '' })}
          </p>
        )}
        {title.locale !== locale && <p class="notice">{t(OTHER_LANGUAGE[title.locale])}</p>}
        <p class="salary">
          <strong>{formatSalary(locale, salary)}</strong> <span class="meta">{formatSalary(other, salary)}</span>
        </p>
        <dl class="job-facts">
          <dt>{t('jobs.job.place')}</dt>
          <dd>{districtName ? `${cityName} · ${districtName}` : cityName}</dd>
          <dt>{t('jobs.filter.experience')}</dt>
          <dd>{t(EXPERIENCE_LABELS[job.experience])}</dd>
          <dt>{t('jobs.filter.education')}</dt>
          <dd>{t(EDUCATION_LABELS[job.education])}</dd>
          <dt>{t('jobs.filter.type')}</dt>
          <dd>{t(EMPLOYMENT_TYPE_LABELS[job.employment_type])}</dd>
          <dt>{t('jobs.job.headcount')}</dt>
          <dd>{t('jobs.job.people', { count: job.headcount })}</dd>
          <dt>{t('jobs.job.dates')}</dt>
          <dd>
            {job.posted_at && t('jobs.posted', { date: date(job.posted_at) })}
            {job.valid_through && <> · {t('jobs.job.validThrough', { date: date(job.valid_through) })}</>}
          </dd>
        </dl>
        {data.benefits.length > 0 && (
          <section>
            <h2>{t('jobs.filter.benefits')}</h2>
            <ul class="tags">
              {data.benefits.map((b) => (
                <li>{b.explainer ? <a href={path(b.explainer)}>{b.label}</a> : b.label}</li>
              ))}
            </ul>
          </section>
        )}
        {applyPanel && <ApplyBox panel={applyPanel} csrfToken={csrfToken} />}
        <InsuranceBox insurance={data.insurance} />
        {data.takeHome && <TakeHome estimate={data.takeHome} />}
        <section>
          <h2>{t('jobs.job.description')}</h2>
          {/* Rendered by renderMarkdown: sanitised. */}
          <div
            class="prose"
            lang={description.locale !== locale ? HTML_LANG[description.locale] : undefined}
            dangerouslySetInnerHTML={{ __html: data.description.html }}
          />
        </section>
        <CompanyBox company={data.company} />
      </article>
      {data.similar.length > 0 && (
        <section>
          <h2>{t('jobs.job.similar')}</h2>
          <ul class="job-list">
            {data.similar.map((card) => (
              <JobCardItem job={card} />
            ))}
          </ul>
        </section>
      )}
      {state === 'open' && (
        <section id="report">
          <h2>{t('jobs.job.report')}</h2>
          {csrfToken ? (
            <ReportForm jobId={job.id} csrfToken={csrfToken} />
          ) : (
            // Anonymous readers share one page, which can carry no token of theirs: the form is on its own page.
            <p>
              <a href={path(`/jobs/${job.id}/report`)}>{t('jobs.job.reportLink')}</a>
            </p>
          )}
        </section>
      )}
    </Layout>
  );
}
