import { useI18n } from '../../../platform/web/i18n';
import type { JobPageData } from '../job-page-data';
import { INDUSTRY_LABELS, SIZE_LABELS } from './labels';

/**
 * What the employer declares it pays social insurance and the housing fund on. A base at the city minimum is
 * legal only for a salary at or below it, and costs the worker later (pension, unemployment and sick pay are
 * counted from it): the page says so plainly and links the answer that explains it.
 */
export function InsuranceBox({ insurance }: { insurance: JobPageData['insurance'] }) {
  const { t, path } = useI18n();
  return (
    <section class="insurance-box">
      <h2>{t('jobs.job.insurance')}</h2>
      <p class="meta">{t('jobs.job.insurance.declared')}</p>
      <dl>
        <dt>{t('jobs.job.insurance.base')}</dt>
        <dd>
          {insurance.base === 'actual' && t('jobs.job.insurance.actual')}
          {insurance.base === 'minimum' && t('jobs.job.insurance.minimum')}
          {insurance.base === 'fixed' && t('jobs.job.insurance.fixed', { amount: insurance.amount ?? 0 })}
        </dd>
        <dt>{t('jobs.job.insurance.housingFund')}</dt>
        <dd>
          {insurance.housingFundRate === null
            ? t('jobs.job.insurance.noHousingFund')
            : t('jobs.job.insurance.housingFundRate', { rate: insurance.housingFundRate })}
        </dd>
      </dl>
      {insurance.base === 'minimum' && (
        <p class="notice">
          {t('jobs.job.insurance.minimumNote')}{' '}
          {insurance.minimumBaseExplainer && (
            <a href={path(insurance.minimumBaseExplainer)}>{t('jobs.job.insurance.minimumLink')}</a>
          )}
        </p>
      )}
      {insurance.minimumBaseLoss && <MinimumBaseLossNote loss={insurance.minimumBaseLoss} />}
    </section>
  );
}

/**
 * What the worker's own accounts get less a month with a base at the city minimum (the cities module's figures,
 * from the bottom of the salary range to its top): the pension's personal account and both sides of the fund.
 */
function MinimumBaseLossNote({ loss }: { loss: NonNullable<JobPageData['insurance']['minimumBaseLoss']> }) {
  const { t, money } = useI18n();
  const range = (r: { min: number | null; max: number | null }) => {
    if (r.min === null || r.max === null) return t('jobs.job.insurance.lossUnknown');
    return r.min === r.max ? money(r.min) : `${money(r.min)} – ${money(r.max)}`;
  };
  return (
    <div class="minimum-base-loss">
      <p>
        {loss.total.min === null || loss.total.max === null
          ? t('jobs.job.insurance.lossHeading')
          : t('jobs.job.insurance.lossTotal', { amount: range(loss.total) })}
      </p>
      <ul>
        <li>{t('jobs.job.insurance.lossPension', { amount: range(loss.pensionAccount) })}</li>
        <li>{t('jobs.job.insurance.lossFund', { amount: range(loss.housingFund) })}</li>
      </ul>
    </div>
  );
}

/**
 * What the salary pays in hand a month in the job's city, from the declared base and fund rate, with the
 * calculator filled in with the job's figures (every figure's rule and source are there).
 */
export function TakeHome({ estimate }: { estimate: NonNullable<JobPageData['takeHome']> }) {
  const { t, path } = useI18n();
  const range = { min: estimate.min, max: estimate.max };
  return (
    <p class="take-home">
      <strong>{estimate.exact ? t('jobs.job.takeHome', range) : t('jobs.job.takeHomeAtMost', range)}</strong>{' '}
      <span class="meta">{t('jobs.job.takeHomeNote')}</span>{' '}
      <a href={path(estimate.calculatorPath)}>{t('jobs.job.takeHomeCalculator')}</a>
    </p>
  );
}

export function CompanyBox({ company }: { company: JobPageData['company'] }) {
  const { t, path } = useI18n();
  return (
    <section class="company-box">
      <h2>{t('jobs.job.company')}</h2>
      <p>
        <strong>{company.name}</strong>
        {company.verified && <span class="badge">{t('jobs.verified')}</span>}
      </p>
      {company.otherName !== company.name && <p class="meta">{company.otherName}</p>}
      <p class="meta">
        {t(INDUSTRY_LABELS[company.industry])} · {t(SIZE_LABELS[company.size])}
      </p>
      <p>
        <a href={path(company.path)}>{t('jobs.job.companyLink')}</a>
      </p>
    </section>
  );
}
