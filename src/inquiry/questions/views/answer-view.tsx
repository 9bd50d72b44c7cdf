import { useContext } from 'preact/hooks';
import { ChromeContext } from '../../../platform/web/chrome';
import { useI18n } from '../../../platform/web/i18n';
import { editPublishedAnswerPath } from '../../revisions/service';
import type { QuestionData } from '../page-data';
import { CHANNEL_LABELS } from './channel-label';
import { LegalBasis } from './legal-basis';

export type Answer = QuestionData['answers'][number];

/**
 * The service outlets (the cities module's page) for a step done at one: of the answer's city when it applies to
 * one (the page takes the region to the city, then keeps the reader's choice in its URL), else the city chooser.
 */
const outletsPath = (regionCode: string) =>
  regionCode === 'CN' ? '/social-security/outlets' : `/social-security/outlets?region=${regionCode}`;

/** The signed-in reader of a page rendered for them: who they are, and whether they may moderate. */
export interface Reader {
  id: number;
  mayReview: boolean;
}

export interface AnswerViewProps {
  answer: Answer;
  origin: string;
  askerId: number | null;
  questionPath: string;
  reader: Reader | null;
  /** The `lang` of what the answer says, when it is not the page's (a question shown in its own language). */
  contentLang: string | undefined;
}

/**
 * One answer: its headings, labels and dates in the reader's language (法律分析 / 办理流程 / 法律依据), what it says in
 * its own, marked with `lang` when the two differ.
 */
export function AnswerView({ answer, origin, askerId, questionPath, reader, contentLang }: AnswerViewProps) {
  const headingId = `answer-${answer.id}`;
  const { csrfToken } = useContext(ChromeContext);
  const { t, path, date, locale } = useI18n();
  return (
    <section class="answer" aria-labelledby={headingId} id={`a${answer.id}`}>
      <h2 id={headingId}>{t('answer.heading')}</h2>
      {answer.reviewFlag === 'law-amended' && (
        <p class="notice" role="note">
          {t('answer.lawAmended')}
        </p>
      )}
      {answer.reviewFlag === 'imported-unreviewed' && (
        <p class="notice" role="note">
          {t('answer.importedUnreviewed')}
        </p>
      )}
      {answer.accepted && <p class="badge">{t('vote.accepted')}</p>}
      {origin === 'demo' && <p class="badge">{t('answer.demo')}</p>}
      {origin === 'seed' && <p class="badge">{t('answer.seed')}</p>}
      <h3>{t('answer.analysis')}</h3>
      {/* Rendered from markdown with raw HTML disabled when the answer was saved. */}
      <div class="analysis" lang={contentLang} dangerouslySetInnerHTML={{ __html: answer.analysisHtml }} />
      {answer.steps.length > 0 && (
        <>
          <h3>{t('answer.procedure')}</h3>
          <ol class="steps">
            {answer.steps.map((step) => (
              <li>
                <span lang={contentLang}>{step.action}</span>
                <dl>
                  {step.materials && (
                    <>
                      <dt>{t('step.materials')}</dt>
                      <dd lang={contentLang}>{step.materials}</dd>
                    </>
                  )}
                  <dt>{t('step.where')}</dt>
                  <dd>
                    {t(CHANNEL_LABELS[step.channel])}
                    {step.where && (
                      <>
                        {' — '}
                        <span lang={contentLang}>{step.where}</span>
                      </>
                    )}
                    {step.channel === 'service-outlet' && (
                      <>
                        {' · '}
                        <a href={path(outletsPath(answer.region.code))}>{t('step.outlets')}</a>
                      </>
                    )}
                  </dd>
                  {step.duration && (
                    <>
                      <dt>{t('step.duration')}</dt>
                      <dd lang={contentLang}>{step.duration}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
      {answer.backgroundHtml && (
        <>
          <h3>{t('answer.background')}</h3>
          <div class="background" lang={contentLang} dangerouslySetInnerHTML={{ __html: answer.backgroundHtml }} />
        </>
      )}
      <h3>{t('answer.legalBasis')}</h3>
      {answer.citations.length > 0 ? (
        <LegalBasis citations={answer.citations} />
      ) : (
        <p class="notice no-legal-basis">{t('answer.noLegalBasis')}</p>
      )}
      {/* "Applies to: Nationwide", "适用地区：全国": the label's colon and space are the language's. */}
      <p class="answer-meta">
        <span>
          {t('answer.fieldLabel', { label: t('answer.region') })}
          {locale === 'zh' ? answer.region.nameZh : answer.region.name}
        </span>
        <span>
          {t('answer.fieldLabel', { label: t('answer.verifiedOn') })}
          <time dateTime={answer.verifiedOn}>{date(answer.verifiedOn)}</time>
        </span>
        <span>
          {t('answer.fieldLabel', { label: t('answer.author') })}
          <span lang={contentLang}>{answer.author}</span>
        </span>
      </p>
      <div class="answer-actions">
        <span class="meta">{t('vote.helpfulCount', { count: answer.helpfulCount })}</span>
        {reader ? (
          <form method="post" action={path(`/social-security/answers/${answer.id}/helpful`)}>
            <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
            <button type="submit">{t('vote.helpful')}</button>
          </form>
        ) : (
          <a href={path(`/account/sign-in?next=${encodeURIComponent(path(questionPath))}`)}>{t('vote.signIn')}</a>
        )}
        {reader?.mayReview && <a href={path(editPublishedAnswerPath(answer.id))}>{t('revisions.editLink')}</a>}
        {reader && askerId === reader.id && !answer.accepted && (
          <form method="post" action={path(`/social-security/answers/${answer.id}/accept`)}>
            <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
            <button type="submit">{t('vote.accept')}</button>
          </form>
        )}
      </div>
    </section>
  );
}
