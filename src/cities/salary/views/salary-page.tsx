import { useI18n } from '../../../platform/web/i18n';
import { Layout } from '../../../platform/web/layout';
import { jsonForScript } from '../../../platform/web/render';
import type { PresentedSalary } from '../present';
import { islandMessages } from './island-messages';
import { SalaryResults } from './salary-results';

/** The form's fields as sent (strings), to show them again. */
export type SalaryFormValues = Record<string, string>;

export interface SalaryPageProps {
  values: SalaryFormValues;
  cities: { slug: string; nameEn: string; nameZh: string }[];
  /** The chosen city's dated periods, for the period choice. */
  periods: { yearLabel: string; from: string | null; to: string | null }[];
  /** The chosen city's fund ranges, to offer only rates it allows (null: not in the data). */
  fundRange: { min: number; max: number } | null;
  supplementaryRange: { min: number; max: number } | null;
  outcome: PresentedSalary | null;
  /** By field, and `form` for a refusal without a field (no data for the city or month). */
  errors: Record<string, string>;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

export function SalaryPage(props: SalaryPageProps) {
  const { values, cities, periods, fundRange, supplementaryRange, outcome, errors } = props;
  const i18n = useI18n();
  const { t, path, locale } = i18n;
  const v = (name: string, fallback = '') => values[name] ?? fallback;
  const error = (field: string) =>
    errors[field] ? (
      <p class="field-error" id={`${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? `${field}-error` : undefined);
  const option = (name: string, value: string, label: string, fallback = '') => (
    <option value={value} selected={v(name, fallback) === value}>
      {label}
    </option>
  );
  const sent = Object.keys(values).length > 0;
  const fundRates = fundRange ? range(Math.ceil(fundRange.min), Math.floor(fundRange.max)) : range(5, 12);
  return (
    <Layout
      title={t('cities.salaryTitle')}
      description={t('cities.salaryLead')}
      noindex={sent}
      canonical={sent ? undefined : '/tools/salary'}
      breadcrumbs={[{ label: t('nav.home'), href: '/' }, { label: t('cities.salaryTitle') }]}
      scripts={['salary-island.js']}
    >
      <h1>{t('cities.salaryTitle')}</h1>
      <p class="lead">{t('cities.salaryLead')}</p>
      <p class="notice" role="alert" id="salary-form-error" hidden={!errors.form}>
        {errors.form}
      </p>
      {/* The island (salary-island.js) sends the form to the API as it changes and writes the results below. */}
      <form
        method="get"
        action={path('/tools/salary')}
        class="stacked-form salary-form"
        data-salary-api={`/api/v1/tools/salary`}
        data-lang={locale}
      >
        <label for="salary-city">{t('cities.field.city')}</label>
        <select id="salary-city" name="city" aria-describedby={described('city')}>
          {cities.map((c) => option('city', c.slug, locale === 'zh' ? c.nameZh : c.nameEn, 'beijing'))}
        </select>
        {error('city')}
        <label for="salary-period">{t('cities.field.period')}</label>
        <select id="salary-period" name="period" aria-describedby={described('period')}>
          {option('period', '', t('cities.periodToday'))}
          {periods
            .filter((p) => p.from)
            .map((p) => option('period', p.from!.slice(0, 7), `${p.yearLabel} (${p.from} – ${p.to ?? '?'})`))}
        </select>
        {error('period')}
        <label for="salary-gross">{t('cities.field.gross')}</label>
        <input
          id="salary-gross"
          name="gross"
          inputMode="decimal"
          required
          value={v('gross')}
          aria-describedby={described('gross')}
        />
        {error('gross')}
        <label for="salary-base">{t('cities.field.base')}</label>
        <select id="salary-base" name="base">
          {option('base', 'gross', t('cities.base.gross'))}
          {option('base', 'minimum', t('cities.base.minimum'))}
          {option('base', 'amount', t('cities.base.amount'))}
        </select>
        <label for="salary-base-amount">{t('cities.field.baseAmount')}</label>
        <input
          id="salary-base-amount"
          name="baseAmount"
          inputMode="decimal"
          value={v('baseAmount')}
          aria-describedby={described('baseAmount')}
        />
        {error('baseAmount')}
        <label for="salary-fund">{t('cities.field.housingFundRate')}</label>
        <select id="salary-fund" name="housingFundRate" aria-describedby={described('housingFundRate')}>
          {option('housingFundRate', '', t('cities.fund.lowest'))}
          {fundRates.map((r) => option('housingFundRate', String(r), `${r} %`))}
          {option('housingFundRate', 'none', t('cities.fund.none'))}
        </select>
        {error('housingFundRate')}
        {/* Kept hidden where the city has none, so the island can offer it when the city changes. */}
        <div class="supplementary-field" hidden={!supplementaryRange}>
          <label for="salary-supplementary">{t('cities.field.supplementaryFundRate')}</label>
          <select id="salary-supplementary" name="supplementaryFundRate" disabled={!supplementaryRange}>
            {option('supplementaryFundRate', '', t('cities.fund.noSupplementary'))}
            {supplementaryRange &&
              range(Math.ceil(supplementaryRange.min), Math.floor(supplementaryRange.max)).map((r) =>
                option('supplementaryFundRate', String(r), `${r} %`),
              )}
          </select>
          {error('supplementaryFundRate')}
        </div>
        <label for="salary-start">{t('cities.field.startMonth')}</label>
        <select id="salary-start" name="startMonth">
          {MONTHS.map((m) => option('startMonth', String(m), t('cities.monthName', { month: m }), '1'))}
        </select>
        <label for="salary-bonus">{t('cities.field.bonus')}</label>
        <input
          id="salary-bonus"
          name="bonus"
          inputMode="decimal"
          value={v('bonus')}
          aria-describedby={described('bonus')}
        />
        {error('bonus')}
        <fieldset>
          <legend>{t('cities.field.deductions')}</legend>
          <label for="salary-children">{t('cities.field.children')}</label>
          <input id="salary-children" name="children" type="number" min={0} max={10} value={v('children', '0')} />
          {error('children')}
          <label for="salary-infants">{t('cities.field.infants')}</label>
          <input id="salary-infants" name="infants" type="number" min={0} max={10} value={v('infants', '0')} />
          {error('infants')}
          <label for="salary-share">{t('cities.field.childShare')}</label>
          <select id="salary-share" name="childShare">
            {option('childShare', '100', '100 %', '100')}
            {option('childShare', '50', '50 %')}
          </select>
          <label for="salary-elderly">{t('cities.field.elderly')}</label>
          <select id="salary-elderly" name="elderly">
            {option('elderly', 'none', t('cities.elderly.none'))}
            {option('elderly', 'only-child', t('cities.elderly.onlyChild'))}
            {option('elderly', 'shared', t('cities.elderly.shared'))}
          </select>
          <label for="salary-housing">{t('cities.field.housing')}</label>
          <select id="salary-housing" name="housing">
            {option('housing', 'none', t('cities.housing.none'))}
            {option('housing', 'rent', t('cities.housing.rent'))}
            {option('housing', 'mortgage', t('cities.housing.mortgage'))}
          </select>
          <label>
            <input
              type="checkbox"
              name="continuingEducation"
              value="true"
              checked={v('continuingEducation') === 'true'}
            />{' '}
            {t('cities.field.continuingEducation')}
          </label>
        </fieldset>
        <button type="submit">{t('cities.calculate')}</button>
      </form>
      <div id="salary-results" aria-live="polite">
        {outcome && <SalaryResults outcome={outcome} />}
      </div>
      <script
        type="application/json"
        id="salary-island-messages"
        dangerouslySetInnerHTML={{ __html: jsonForScript(islandMessages(i18n)) }}
      />
      <p class="meta">{t('cities.disclaimer')}</p>
    </Layout>
  );
}
