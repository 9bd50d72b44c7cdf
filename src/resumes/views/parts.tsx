import { useI18n } from '../../platform/web/i18n';

/** A field's message below it, tied to the input by aria-describedby (ids made from the field's name). */
export function FieldError({ errors, field }: { errors: Record<string, string>; field: string }) {
  return errors[field] ? (
    <p class="field-error" id={errorId(field)}>
      {errors[field]}
    </p>
  ) : null;
}

export const errorId = (field: string) => `${field.replace(/\./g, '-')}-error`;
export const inputId = (field: string) => `resume-${field.replace(/\./g, '-')}`;

export const describedBy = (errors: Record<string, string>, field: string, hint?: string) =>
  [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;

/** The summary above a refused form. */
export function FormAlert({ errors }: { errors: Record<string, string> }) {
  const { t } = useI18n();
  return Object.keys(errors).length > 0 ? (
    <p class="notice" role="alert">
      {errors.form ?? t('resume.error.fixErrors')}
    </p>
  ) : null;
}

/** A file size as people read it: 1.2 MB, 340 KB. */
export function FileSize({ bytes }: { bytes: number }) {
  const { t } = useI18n();
  return bytes >= 1024 * 1024
    ? t('resume.files.sizeMb', { size: Math.round((bytes / 1024 / 1024) * 10) / 10 })
    : t('resume.files.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
}
