import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import type { CompanyService } from '../service';
import { CompanyName } from './parts';

export type InvitePageProps = Awaited<ReturnType<CompanyService['invitation']>> & {
  csrfToken: string;
  /** The invitation's path without language prefix (the form posts back to it). */
  action: string;
};

/** An invitation to act for a company: accept it, or why this account cannot. */
export function InvitePage({ company, expiresAt, alreadyMember, refusal, csrfToken, action }: InvitePageProps) {
  const { t, path, date, locale } = useI18n();
  const name = { en: company.nameEn, zh: company.nameZh };
  return (
    <Layout title={t('company.invite.pageTitle', { company: name[locale] })} noindex>
      <h1>{t('company.invite.pageTitle', { company: name[locale] })}</h1>
      <p>
        <a href={path(company.path)}>
          <CompanyName name={name} />
        </a>
      </p>
      <p class="meta">{t('company.invite.validUntil', { date: date(expiresAt) })}</p>
      {refusal !== null ? (
        <p class="notice" role="status">
          {t(refusal)}
        </p>
      ) : (
        <form method="post" action={path(action)} class="stacked-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          {alreadyMember && <p>{t('company.invite.alreadyMember')}</p>}
          <button type="submit">{t('company.invite.accept')}</button>
        </form>
      )}
    </Layout>
  );
}
