import { useI18n } from '../../platform/web/i18n';
import type { ResumeFormValues } from '../profile-input';
import { describedBy, FieldError, FormAlert, inputId } from './parts';

export type CityChoice = { code: string; name: { en: string; zh: string } };

export interface ProfileFormProps {
  csrfToken: string;
  values: ResumeFormValues;
  errors: Record<string, string>;
  cities: CityChoice[];
  /** Rows to show for each kind of entry (what was typed, plus blank ones to fill in). */
  rows: { education: number; work: number };
  /** Whether another row may be added (below the maximum). */
  canAdd: { education: boolean; work: boolean };
}

/**
 * The structured résumé. Works without JavaScript: each kind of entry shows its rows and a blank one; "add another"
 * is a submit button that shows the form again with one more blank row (nothing is saved until "Save").
 */
export function ProfileForm(props: ProfileFormProps) {
  const { csrfToken, values, errors, cities, rows, canAdd } = props;
  const { t, path, locale } = useI18n();

  const input = (name: string, value: string, label: string, extra: Record<string, unknown> = {}) => (
    <>
      <label for={inputId(name)}>{label}</label>
      <input
        id={inputId(name)}
        name={name}
        value={value}
        aria-describedby={describedBy(errors, name)}
        aria-invalid={errors[name] ? 'true' : undefined}
        {...extra}
      />
      <FieldError errors={errors} field={name} />
    </>
  );
  const citySelect = (name: 'city' | 'expectedCity', label: string) => (
    <>
      <label for={inputId(name)}>{label}</label>
      <select id={inputId(name)} name={name} aria-describedby={describedBy(errors, name)}>
        <option value="">{t('resume.form.noCity')}</option>
        {cities.map((city) => (
          <option value={city.code} selected={city.code === values[name]}>
            {city.name[locale]}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field={name} />
    </>
  );
  const monthExtra = { placeholder: 'YYYY-MM', pattern: '\\d{4}-\\d{2}', maxLength: 7, inputmode: 'numeric' };
  const blankEducation = { school: '', degree: '', major: '', from: '', to: '' };
  const blankWork = { company: '', title: '', from: '', to: '', description: '' };

  return (
    <form method="post" action={path('/account/resume')} class="stacked-form" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <FormAlert errors={errors} />
      {/* First in the form, so Enter in a field saves rather than adding a row. */}
      <button type="submit" name="action" value="save">
        {t('resume.form.save')}
      </button>
      {input('fullName', values.fullName, t('resume.field.fullName'), { required: true, maxLength: 60 })}
      {input('email', values.email, t('resume.field.email'), { type: 'email', required: true, maxLength: 254 })}
      {input('phone', values.phone, t('resume.field.phone'), { type: 'tel', required: true, maxLength: 20 })}
      {citySelect('city', t('resume.field.city'))}
      {citySelect('expectedCity', t('resume.field.expectedCity'))}
      {input('salaryMin', values.salaryMin, t('resume.field.salaryMin'), { inputmode: 'numeric', maxLength: 7 })}
      {input('salaryMax', values.salaryMax, t('resume.field.salaryMax'), { inputmode: 'numeric', maxLength: 7 })}

      <h2>{t('resume.form.education')}</h2>
      <p class="meta">{t('resume.form.rowsHint')}</p>
      <input type="hidden" name="educationRows" value={String(rows.education)} />
      {Array.from({ length: rows.education }, (_, i) => {
        const row = values.education[i] ?? blankEducation;
        const name = (f: string) => `education.${i}.${f}`;
        return (
          <fieldset class="step">
            <legend>{t('resume.form.educationEntry', { n: i + 1 })}</legend>
            {input(name('school'), row.school, t('resume.field.school'), { maxLength: 100 })}
            {input(name('degree'), row.degree, t('resume.field.degree'), { maxLength: 60 })}
            {input(name('major'), row.major, t('resume.field.major'), { maxLength: 100 })}
            {input(name('from'), row.from, t('resume.field.from'), monthExtra)}
            {input(name('to'), row.to, t('resume.field.toOrPresent'), monthExtra)}
          </fieldset>
        );
      })}
      {canAdd.education && (
        <button type="submit" name="action" value="addEducation" class="link-button">
          {t('resume.form.addEducation')}
        </button>
      )}

      <h2>{t('resume.form.work')}</h2>
      <input type="hidden" name="workRows" value={String(rows.work)} />
      {Array.from({ length: rows.work }, (_, i) => {
        const row = values.work[i] ?? blankWork;
        const name = (f: string) => `work.${i}.${f}`;
        return (
          <fieldset class="step">
            <legend>{t('resume.form.workEntry', { n: i + 1 })}</legend>
            {input(name('company'), row.company, t('resume.field.company'), { maxLength: 100 })}
            {input(name('title'), row.title, t('resume.field.title'), { maxLength: 100 })}
            {input(name('from'), row.from, t('resume.field.from'), monthExtra)}
            {input(name('to'), row.to, t('resume.field.toOrPresent'), monthExtra)}
            <label for={inputId(name('description'))}>{t('resume.field.description')}</label>
            <textarea
              id={inputId(name('description'))}
              name={name('description')}
              rows={3}
              maxLength={2000}
              aria-describedby={describedBy(errors, name('description'))}
            >
              {row.description}
            </textarea>
            <FieldError errors={errors} field={name('description')} />
          </fieldset>
        );
      })}
      {canAdd.work && (
        <button type="submit" name="action" value="addWork" class="link-button">
          {t('resume.form.addWork')}
        </button>
      )}

      <h2>{t('resume.form.more')}</h2>
      <label for={inputId('skills')}>{t('resume.field.skills')}</label>
      <p class="meta" id="skills-hint">
        {t('resume.form.listHint')}
      </p>
      <textarea
        id={inputId('skills')}
        name="skills"
        rows={3}
        maxLength={3000}
        aria-describedby={describedBy(errors, 'skills', 'skills-hint')}
      >
        {values.skills}
      </textarea>
      <FieldError errors={errors} field="skills" />
      <label for={inputId('languages')}>{t('resume.field.languages')}</label>
      <textarea
        id={inputId('languages')}
        name="languages"
        rows={2}
        maxLength={3000}
        aria-describedby={describedBy(errors, 'languages', 'skills-hint')}
      >
        {values.languages}
      </textarea>
      <FieldError errors={errors} field="languages" />
      <label for={inputId('summary')}>{t('resume.field.summary')}</label>
      <textarea
        id={inputId('summary')}
        name="summary"
        rows={5}
        maxLength={2000}
        aria-describedby={describedBy(errors, 'summary')}
      >
        {values.summary}
      </textarea>
      <FieldError errors={errors} field="summary" />
      <button type="submit" name="action" value="save">
        {t('resume.form.save')}
      </button>
    </form>
  );
}
