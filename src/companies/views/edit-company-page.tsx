import { useI18n } from '../../platform/web/i18n';
import { Layout } from '../../platform/web/layout';
import { STATUS_LABELS } from '../labels';
import type { CompanyService } from '../service';
import { type CityChoice, CompanyFields, FormAlert, type ProfileValues } from './company-fields';
import { CompanyName, describedBy, FieldError, VerifiedBadge } from './parts';

type Editable = Awaited<ReturnType<CompanyService['editable']>>;

export type EditNotice = 'invited' | 'joined' | null;

export interface EditCompanyPageProps extends Omit<Editable, 'values'> {
  csrfToken: string;
  values: ProfileValues;
  errors: Record<string, string>;
  cities: CityChoice[];
  invite: { email: string; locale: string; errors: Record<string, string> };
  notice: EditNotice;
}

/** The company's own page for those who act for it: its profile, who acts for it, inviting a colleague (owner). */
export function EditCompanyPage(props: EditCompanyPageProps) {
  const { company, creditCode, role, members, openInvites, refusal, csrfToken, values, errors, cities, invite } = props;
  const { t, path, locale } = useI18n();
  const base = `/employer/companies/${company.slug}`;
  return (
    <Layout
      title={t('company.edit.title', { name: company.name[locale] })}
      noindex
      breadcrumbs={[
        { label: t('nav.home'), href: '/' },
        { label: company.name[locale], href: company.path },
        { label: t('company.edit.crumb') },
      ]}
    >
      <h1>
        <CompanyName name={company.name} /> <VerifiedBadge company={company} />
      </h1>
      {props.notice === 'invited' && (
        <p class="notice" role="status">
          {t('company.edit.invited')}
        </p>
      )}
      {props.notice === 'joined' && (
        <p class="notice" role="status">
          {t('company.edit.joined')}
        </p>
      )}
      <p class="meta">
        {t('company.field.creditCode')}: {creditCode} · {t(STATUS_LABELS[company.status])}
      </p>
      {refusal !== null && (
        <div class="notice" role="status">
          <p>{t('company.edit.refused')}</p>
          <p>{refusal}</p>
        </div>
      )}
      <h2>{t('company.edit.profile')}</h2>
      {company.verified && <p class="meta">{t('company.edit.renameNote')}</p>}
      <FormAlert errors={errors} />
      <form method="post" action={path(`${base}/edit`)} class="stacked-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <CompanyFields values={values} errors={errors} cities={cities} />
        <button type="submit">{t('company.edit.save')}</button>
      </form>
      <h2>{t('company.edit.members')}</h2>
      <ul>
        {members.map((member) => (
          <li>
            {member.name} · {t(member.role === 'owner' ? 'company.role.owner' : 'company.role.member')}
            {member.you && ` · ${t('company.edit.you')}`}
          </li>
        ))}
      </ul>
      {role === 'owner' && (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('company.invite.title')}</h2>
          <p>{t('company.invite.lead')}</p>
          {openInvites > 0 && <p class="meta">{t('company.invite.open', { count: openInvites })}</p>}
          <form method="post" action={path(`${base}/invites`)} class="stacked-form">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <label for="invite-email">{t('company.invite.email')}</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              maxLength={254}
              value={invite.email}
              aria-describedby={describedBy(invite.errors, 'email')}
            />
            <FieldError errors={invite.errors} field="email" />
            <label for="invite-locale">{t('company.invite.language')}</label>
            <select id="invite-locale" name="locale">
              <option value="zh" selected={invite.locale === 'zh'}>
                中文
              </option>
              <option value="en" selected={invite.locale === 'en'}>
                English
              </option>
            </select>
            <button type="submit">{t('company.invite.send')}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}
