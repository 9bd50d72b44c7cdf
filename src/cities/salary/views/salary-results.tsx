import { useI18n } from '../../../platform/web/i18n';
import type { PresentedBasis, PresentedLine, PresentedSalary } from '../present';
import {
  CONFIDENCE_LABEL,
  DEDUCTION_LABEL,
  INSURANCE_LABEL,
  LAW_LABEL,
  MISSING_SIDE_LABEL,
  RULE_LABEL,
} from './labels';

/** An amount, or "unknown" where the data lacks a figure (never 0). */
function Money({ amount }: { amount: number | null }) {
  const { t, money } = useI18n();
  return amount === null ? <em class="unknown">{t('cities.unknown')}</em> : money(amount);
}

const percent = (value: number | null) => (value === null ? null : `${value} %`);

/** The rule a figure follows, the articles behind it and how sure the data is. */
export function BasisNote({ basis }: { basis: PresentedBasis }) {
  const { t, path } = useI18n();
  return (
    <span class="meta">
      {t(RULE_LABEL[basis.rule])}
      {basis.citations.map((c) => {
        const label = t(LAW_LABEL[c.law], { article: c.article ?? '' });
        const href = c.href === null ? null : c.href.startsWith('/') ? path(c.href) : c.href;
        return (
          <>
            {' · '}
            {href ? <a href={href}>{label}</a> : label}
          </>
        );
      })}
      {basis.confidence && <> · {t('cities.confidenceIs', { level: t(CONFIDENCE_LABEL[basis.confidence]) })}</>}
      {basis.sources.length > 0 && <> · {t('cities.sourcesAre', { ids: basis.sources.join(', ') })}</>}
    </span>
  );
}

function Rate({ line }: { line: PresentedLine }) {
  const { t } = useI18n();
  const { rate } = line;
  if (line.employer.basis.rule === 'contribution.mergedIntoMedical') return t('cities.rule.mergedIntoMedical');
  const range = rate.employerRange;
  const fund = line.insurance === 'housing_fund' || line.insurance === 'housing_fund_supplementary';
  const bounds = { min: percent(range?.min ?? null) ?? '?', max: percent(range?.max ?? null) ?? '?' };
  return (
    <>
      {percent(rate.employer) ?? <em class="unknown">{t('cities.unknown')}</em>}
      {range && (range.min !== rate.employer || range.max !== rate.employer) && (
        <span class="meta"> {t(fund ? 'cities.fundRange' : 'cities.rateRange', bounds)}</span>
      )}
    </>
  );
}

function LineRow({ line }: { line: PresentedLine }) {
  const { t, money } = useI18n();
  return (
    <tr>
      <th scope="row">{t(INSURANCE_LABEL[line.insurance])}</th>
      <td>
        <Money amount={line.base} />
        {line.clamped && (
          <span class="meta"> {t(line.clamped === 'floor' ? 'cities.raisedToFloor' : 'cities.cappedAtCeiling')}</span>
        )}
      </td>
      <td>
        {percent(line.rate.employee) ?? <em class="unknown">{t('cities.unknown')}</em>}
        {line.employeeFixed !== null && line.employeeFixed > 0 && (
          <span class="meta"> {t('cities.plusFixed', { amount: money(line.employeeFixed) })}</span>
        )}
      </td>
      <td>
        <Money amount={line.employee.amount} />
      </td>
      <td>
        <Rate line={line} />
      </td>
      <td>
        <Money amount={line.employer.amount} />
      </td>
      <td>
        <BasisNote basis={line.employer.basis} />
      </td>
    </tr>
  );
}

/**
 * A missing figure's words, not its code: `work_injury.employer` → "Work injury insurance, employer",
 * `deduction.housing_rent` → the deduction's name. An unknown code is shown as it is.
 */
function useMissingFigure(): (code: string) => string {
  const { t } = useI18n();
  return (code) => {
    const [head = '', side = ''] = code.split('.');
    if (head === 'deduction') return t(DEDUCTION_LABEL[side] ?? 'cities.deduction.other');
    const insurance = INSURANCE_LABEL[head as keyof typeof INSURANCE_LABEL];
    const sideKey = MISSING_SIDE_LABEL[side];
    return insurance && sideKey ? t(sideKey, { insurance: t(insurance) }) : code;
  };
}

export function SalaryResults({ outcome }: { outcome: PresentedSalary }) {
  const { t, date, money } = useI18n();
  const missingFigure = useMissingFigure();
  const lines = [...outcome.contributions, outcome.housingFund, outcome.supplementaryFund].filter((l) => l !== null);
  const { annual, bonus, employerCost, period } = outcome;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('cities.results')}</h2>
      <p>
        {t('cities.periodUsed', {
          label: period.yearLabel,
          from: period.from ? date(period.from) : '?',
          to: period.to ? date(period.to) : '?',
        })}{' '}
        {t('cities.confidenceIs', { level: t(CONFIDENCE_LABEL[period.confidence]) })}
      </p>
      {period.chosen === 'latest' && <p class="notice">{t('cities.latestNotToday')}</p>}
      {outcome.missing.length > 0 && (
        <p class="notice" role="status">
          {t('cities.missing', { figures: outcome.missing.map(missingFigure).join(t('cities.missingSeparator')) })}
        </p>
      )}
      <table class="salary-table">
        <caption>{t('cities.contributionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cities.col.insurance')}</th>
            <th scope="col">{t('cities.col.base')}</th>
            <th scope="col">{t('cities.col.employeeRate')}</th>
            <th scope="col">{t('cities.col.employee')}</th>
            <th scope="col">{t('cities.col.employerRate')}</th>
            <th scope="col">{t('cities.col.employer')}</th>
            <th scope="col">{t('cities.col.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <LineRow line={line} />
          ))}
        </tbody>
      </table>
      {outcome.specialDeductions.length > 0 && (
        <p>
          {t('cities.deductionsUsed')}{' '}
          {outcome.specialDeductions
            .map((d) => `${t(DEDUCTION_LABEL[d.item] ?? 'cities.deduction.other')} ${money(d.amount)}`)
            .join('; ')}
        </p>
      )}
      <table class="salary-table">
        <caption>{t('cities.monthsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cities.col.month')}</th>
            <th scope="col">{t('cities.col.gross')}</th>
            <th scope="col">{t('cities.col.employeeContributions')}</th>
            <th scope="col">{t('cities.col.tax')}</th>
            <th scope="col">{t('cities.col.takeHome')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.months.map((m) => (
            <tr>
              <th scope="row">{t('cities.monthName', { month: m.month })}</th>
              <td>
                <Money amount={m.gross} />
              </td>
              <td>
                <Money amount={m.employeeContributions} />
              </td>
              <td>
                <Money amount={m.tax} />
              </td>
              <td>
                <Money amount={m.takeHome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="meta">
        <BasisNote basis={outcome.tax} />
      </p>
      <h3>{t('cities.annualHeading', { months: annual.months })}</h3>
      <dl class="salary-totals">
        <dt>{t('cities.col.gross')}</dt>
        <dd>
          <Money amount={annual.gross} />
        </dd>
        <dt>{t('cities.col.employeeContributions')}</dt>
        <dd>
          <Money amount={annual.employeeContributions} />
        </dd>
        <dt>{t('cities.col.tax')}</dt>
        <dd>
          <Money amount={annual.tax} />
        </dd>
        <dt>{t('cities.col.takeHome')}</dt>
        <dd>
          <Money amount={annual.takeHome} />
          {annual.takeHomeAtMost !== null && (
            <span class="meta"> {t('cities.atMost', { amount: money(annual.takeHomeAtMost) })}</span>
          )}
        </dd>
        <dt>{t('cities.employerCost')}</dt>
        <dd>
          <Money amount={employerCost.monthly} /> {t('cities.perMonth')}
          {employerCost.monthlyAtLeast !== null && (
            <span class="meta"> {t('cities.atLeast', { amount: money(employerCost.monthlyAtLeast) })}</span>
          )}
        </dd>
      </dl>
      {bonus && (
        <section aria-labelledby="bonus-heading">
          <h3 id="bonus-heading">{t('cities.bonusHeading', { amount: money(bonus.gross ?? 0) })}</h3>
          <ul>
            {bonus.separate && (
              <li>
                {t('cities.bonusSeparate')}: {t('cities.col.tax')} <Money amount={bonus.separate.tax} />,{' '}
                {t('cities.bonusNet')} <Money amount={bonus.separate.net} />
                {bonus.better === 'separate' && <strong> {t('cities.better')}</strong>}{' '}
                <BasisNote basis={bonus.separate.basis} />
              </li>
            )}
            <li>
              {t('cities.bonusCombined')}: {t('cities.col.tax')} <Money amount={bonus.combined.tax} />,{' '}
              {t('cities.bonusNet')} <Money amount={bonus.combined.net} />
              {bonus.better === 'combined' && <strong> {t('cities.better')}</strong>}{' '}
              <BasisNote basis={bonus.combined.basis} />
            </li>
          </ul>
          <p>
            {t('cities.withBonus')} <Money amount={annual.takeHomeWithBonus} />
          </p>
        </section>
      )}
      <h3>{t('cities.sourcesHeading')}</h3>
      <ul class="salary-sources">
        {outcome.sources.map((s) => (
          <li>
            <code>{s.id}</code> {s.url && /^https?:\/\//.test(s.url) ? <a href={s.url}>{s.title}</a> : s.title}
            {s.date && <span class="meta"> · {s.date}</span>}
            {/* The kind of source is English data text, like the notes. */}
            <span class="meta">
              {' · '}
              <span lang="en">{s.kind}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
