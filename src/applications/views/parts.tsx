import { useI18n } from '../../platform/web/i18n';
import type { MessageKey } from '../../platform/web/messages';
import type { ApplicationStatus } from '../tables';

/** The words people know for each status (已投递, 被查看, 邀面试, 录用, 不合适, 已撤回). */
export const STATUS_LABELS: Record<ApplicationStatus, MessageKey> = {
  submitted: 'applications.status.submitted',
  viewed: 'applications.status.viewed',
  interview: 'applications.status.interview',
  offer: 'applications.status.offer',
  rejected: 'applications.status.rejected',
  withdrawn: 'applications.status.withdrawn',
};

/** What the button of each employer move forward says (an undo names the stage it returns to). */
export const MOVE_LABELS: Partial<Record<ApplicationStatus, MessageKey>> = {
  interview: 'applications.move.interview',
  offer: 'applications.move.offer',
  rejected: 'applications.move.rejected',
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <span class={`badge status-${status}`}>{t(STATUS_LABELS[status])}</span>;
}

/** A field's message, tied to it by aria-describedby. */
export function FieldError({
  errors,
  field,
  prefix = '',
}: {
  errors: Record<string, string>;
  field: string;
  prefix?: string;
}) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p class="field-error" id={`${prefix}${field}-error`}>
      {message}
    </p>
  );
}

export const describedBy = (errors: Record<string, string>, field: string, prefix = '') =>
  errors[field] ? `${prefix}${field}-error` : undefined;

/** A date and time in China, as the site shows times (interviews are given in China time too). */
export function useDateTime() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  return (iso: string) => format.format(new Date(iso));
}

/** The top of a page after a redirect or a refusal. */
export function Notices({ notice, error }: { notice: string | null; error: string | null }) {
  return (
    <>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
