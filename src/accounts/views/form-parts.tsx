import type { FormErrors } from '../../platform/web/forms';
import { useI18n } from '../../platform/web/i18n';
import type { MessageKey } from '../../platform/web/messages';
import type { Role } from '../tables';

export type { FormErrors } from '../../platform/web/forms';

/** Each role's name in the catalogue. */
export const ROLE_NAMES = {
  member: 'account.role.member',
  employer: 'account.role.employer',
  expert: 'account.role.expert',
  editor: 'account.role.editor',
  admin: 'account.role.admin',
} as const satisfies Record<Role, MessageKey>;

/** A link to the other account form that keeps where the reader was going. */
export function withNext(href: string, next: string): string {
  return next ? `${href}?next=${encodeURIComponent(next)}` : href;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The summary at the top of a refused form, read out first by screen readers (role=alert). */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useI18n();
  const fields = Object.entries(errors).filter(([field]) => field !== 'form');
  if (!errors.form && fields.length === 0) return null;
  return (
    <div class="notice" role="alert">
      {errors.form && <p>{errors.form}</p>}
      {fields.length > 0 && (
        <>
          <p>{t('account.error.summary')}</p>
          <ul>
            {fields.map(([field, message]) => (
              <li>
                <a href={`#account-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export interface TextFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  /** Ignored for passwords: a refused form never sends a password back. */
  value?: string;
  errors: FormErrors;
  hint?: string;
  autocomplete: string;
  maxLength: number;
  minLength?: number;
}

/** A labelled input for the `stacked-form` layout, with its hint and error tied to it for screen readers. */
export function TextField({
  name,
  label,
  type = 'text',
  value,
  errors,
  hint,
  autocomplete,
  maxLength,
  minLength,
}: TextFieldProps) {
  const id = `account-${name}`;
  const error = errors[name];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    autocomplete,
    required: true,
    maxLength,
    minLength,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p class="meta" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {type === 'password' ? (
        <input type="password" {...common} />
      ) : type === 'email' ? (
        <input type="email" value={value} {...common} />
      ) : (
        <input type="text" value={value} {...common} />
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function SignOutForm({ csrfToken }: { csrfToken: string }) {
  const { t, path } = useI18n();
  return (
    <form method="post" action={path('/account/sign-out')}>
      <CsrfField token={csrfToken} />
      <button type="submit">{t('account.signOut.submit')}</button>
    </form>
  );
}

/** The e-mail field of the account forms: `username` where it signs in, `email` where it names an address. */
export function EmailField(props: { value: string; errors: FormErrors; autocomplete: 'email' | 'username' }) {
  const { t } = useI18n();
  return (
    <TextField
      name="email"
      type="email"
      label={t('account.field.email')}
      value={props.value}
      errors={props.errors}
      autocomplete={props.autocomplete}
      maxLength={254}
    />
  );
}

/** A new password, with the rule it must meet. */
export function NewPasswordField({ label, errors }: { label: string; errors: FormErrors }) {
  const { t } = useI18n();
  return (
    <TextField
      name="password"
      type="password"
      label={label}
      hint={t('account.field.passwordHint')}
      errors={errors}
      autocomplete="new-password"
      maxLength={200}
      minLength={10}
    />
  );
}
