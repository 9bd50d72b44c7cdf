import { HTML_LANG, useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { CompanyService } from '../service';
import { CompanyFacts, CompanyName, DemoLabel, VerifiedBadge } from './parts';

export type CompanyProfilePageProps = Awaited<ReturnType<CompanyService['profile']>>;

/** Only web addresses become links (stored ones are checked; this keeps a hand-edited row harmless too). */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

export function CompanyProfilePage(props: CompanyProfilePageProps) {
  const { company, description, openJobs, viewerRole, mayModerate, refusal, responsiveness } = props;
  const { t, path, locale } = useI18n();
  const other = locale === 'en' ? 'zh' : 'en';
  // The description in the reader's language, else the other one (marked with its language).
  const shown = description[locale].markdown ? locale : description[other].markdown ? other : null;
  return (
    <Layout
      title={company.name[locale]}
      description={`${company.name[locale]} · ${company.city[locale]}`}
      canonical={company.path}
      noindex={company.status !== 'verified'}
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('company.list.title'), href: '/companies' },
        { label: company.name[locale] },
      ]}
    >
      <h1>
        <CompanyName name={company.name} />
      </h1>
      <p>
        <VerifiedBadge company={company} /> <DemoLabel company={company} />
      </p>
      {company.status === 'pending' && <p class="meta">{t('company.profile.pending')}</p>}
      {refusal !== null && (
        <div class="notice" role="status">
          <p>{t('company.profile.refused')}</p>
          <p>{refusal}</p>
        </div>
      )}
      <p class="meta">
        <CompanyFacts company={company} />
      </p>
      {responsiveness && <p class="responsiveness">{t(responsiveness.key, responsiveness.params)}</p>}
      {company.website && isWebAddress(company.website) && (
        <p>
          {t('company.field.website')}:{' '}
          <a href={company.website} rel="nofollow noopener">
            {company.website}
          </a>
        </p>
      )}
      {(viewerRole !== null || mayModerate) && (
        <p class="button-row">
          {viewerRole !== null && (
            <a class="button" href={path(`/employer/companies/${company.slug}/edit`)}>
              {t('company.profile.edit')}
            </a>
          )}
          {mayModerate && company.status === 'pending' && (
            <a class="button" href={path('/moderation/companies')}>
              {t('company.profile.moderate')}
            </a>
          )}
        </p>
      )}
      <h2>{t('company.profile.about')}</h2>
      {shown === null ? (
        <p>{t('company.profile.noDescription')}</p>
      ) : (
        <div
          class="answer"
          lang={shown === locale ? undefined : HTML_LANG[shown]}
          // Rendered by the sanitising markdown renderer (platform/web/markdown.ts).
          dangerouslySetInnerHTML={{ __html: description[shown].html }}
        />
      )}
      <h2>{t('company.profile.openJobs')}</h2>
      {openJobs.length === 0 ? (
        <p>{t('company.profile.noOpenJobs')}</p>
      ) : (
        <ul class="question-list">
          {openJobs.map((job) => (
            <li>
              <a href={path(job.path)}>{job.title}</a>
              <p class="meta">
                {job.salary} · {job.city}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
