import { useI18n } from '../../platform/web/i18n';
import type { ResumeProfile } from '../../resumes';

/** The résumé as it was sent with the application (a copy: the seeker's later edits do not change it). */
export function ResumeView({
  profile,
  places,
}: {
  profile: ResumeProfile;
  places: { city: string; expectedCity: string };
}) {
  const { t, money } = useI18n();
  const salary =
    profile.expectedSalaryMin !== null && profile.expectedSalaryMax !== null
      ? `${money(profile.expectedSalaryMin)} – ${money(profile.expectedSalaryMax)}`
      : profile.expectedSalaryMin !== null
        ? money(profile.expectedSalaryMin)
        : '';
  return (
    <section class="resume">
      <h2>{t('applications.resume.title')}</h2>
      <dl class="job-facts">
        <dt>{t('applications.resume.name')}</dt>
        <dd>{profile.fullName}</dd>
        <dt>{t('applications.resume.contact')}</dt>
        <dd>
          {profile.email} · {profile.phone}
        </dd>
        {places.city && (
          <>
            <dt>{t('applications.resume.city')}</dt>
            <dd>{places.city}</dd>
          </>
        )}
        {(places.expectedCity || salary) && (
          <>
            <dt>{t('applications.resume.expected')}</dt>
            <dd>{[places.expectedCity, salary].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {profile.skills.length > 0 && (
          <>
            <dt>{t('applications.resume.skills')}</dt>
            <dd>{profile.skills.join(', ')}</dd>
          </>
        )}
        {profile.languages.length > 0 && (
          <>
            <dt>{t('applications.resume.languages')}</dt>
            <dd>{profile.languages.join(', ')}</dd>
          </>
        )}
      </dl>
      {profile.summary && <p class="pre-line">{profile.summary}</p>}
      {profile.work.length > 0 && (
        <>
          <h3>{t('applications.resume.work')}</h3>
          <ul>
            {profile.work.map((w) => (
              <li>
                <strong>{w.title}</strong> · {w.company} · {w.from} – {w.to ?? t('applications.resume.now')}
                {w.description && <p class="pre-line">{w.description}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.education.length > 0 && (
        <>
          <h3>{t('applications.resume.education')}</h3>
          <ul>
            {profile.education.map((e) => (
              <li>
                {e.school} · {e.degree} · {e.major} · {e.from} – {e.to ?? t('applications.resume.now')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
