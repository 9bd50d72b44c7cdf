import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { CompanyService } from '../service';
import { CompanyFacts, CompanyName, describedBy, FieldError } from './parts';

type Queue = Awaited<ReturnType<CompanyService['moderationQueue']>>;

export interface ModerationPageProps extends Queue {
  csrfToken: string;
  /** A refused refusal (no reason): the company it was for, and the messages by field. */
  refused?: { companyId: number; errors: Record<string, string> };
  notice: 'verified' | 'refused' | null;
}

/** Editors and admins: companies waiting for verification, and every recent decision with who made it. */
export function CompanyModerationPage({ pending, decisions, csrfToken, refused, notice }: ModerationPageProps) {
  const { t, path, date } = useI18n();
  return (
    <Layout
      title={t('company.moderation.title')}
      noindex
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('company.moderation.title') }]}
    >
      <h1>{t('company.moderation.title')}</h1>
      <p class="lead">{t('company.moderation.lead')}</p>
      {notice && (
        <p class="notice" role="status">
          {t(notice === 'verified' ? 'company.moderation.didVerify' : 'company.moderation.didRefuse')}
        </p>
      )}
      <h2>{t('company.moderation.pending', { count: pending.length })}</h2>
      {pending.length === 0 && <p>{t('company.moderation.none')}</p>}
      {pending.map((company) => {
        const errors = refused?.companyId === company.id ? refused.errors : {};
        const reasonId = `reason-${company.id}`;
        return (
          <article class="answer" id={`company-${company.id}`}>
            <h3>
              <a href={path(company.path)}>
                <CompanyName name={company.name} />
              </a>
            </h3>
            <p class="meta">
              <CompanyFacts company={company} />
            </p>
            <p>
              {t('company.field.creditCode')}: <code>{company.creditCode}</code>
            </p>
            <p class="meta">
              {t('company.moderation.created', {
                date: date(company.createdAt),
                name: company.createdBy ?? t('company.moderation.nobody'),
              })}
            </p>
            <form method="post" action={path(`/moderation/companies/${company.id}/verify`)} class="stacked-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">{t('company.moderation.verify')}</button>
            </form>
            <form method="post" action={path(`/moderation/companies/${company.id}/refuse`)} class="stacked-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <label for={reasonId}>{t('company.moderation.reason')}</label>
              <textarea
                id={reasonId}
                name="reason"
                rows={2}
                maxLength={2000}
                required
                aria-describedby={describedBy(errors, 'reason')}
              />
              <FieldError errors={errors} field="reason" />
              <button type="submit">{t('company.moderation.refuse')}</button>
            </form>
          </article>
        );
      })}
      <h2>{t('company.moderation.decisions')}</h2>
      {decisions.length === 0 ? (
        <p>{t('company.moderation.noDecisions')}</p>
      ) : (
        <ul>
          {decisions.map((d) => (
            <li>
              <a href={path(`/companies/${d.company.slug}`)}>
                <CompanyName name={d.company.name} />
              </a>{' '}
              · {t(d.decision === 'verified' ? 'company.status.verified' : 'company.status.refused')} ·{' '}
              {t('company.moderation.decidedBy', {
                date: date(d.decidedAt),
                name: d.decidedBy ?? t('company.moderation.nobody'),
              })}
              {d.reason && <p class="meta">{d.reason}</p>}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
