/**
 * The search form: words, every filter with the count of jobs each choice gives beside it, and the sort. A plain
 * GET form, so it works without JavaScript and every filter is in the URL.
 */
import { useI18n } from '../../../platform/web/i18n';
import type { MessageKey } from '../../../platform/web/messages';
import { type Dimension, POSTED_WITHIN, SALARY_BANDS, SORTS } from '../filters';
import type { FacetCount, Facets } from '../search';
import {
  DIMENSION_LABELS,
  EDUCATION_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  EXPERIENCE_LABELS,
  INDUSTRY_LABELS,
  SIZE_LABELS,
  SORT_LABELS,
} from './labels';
import type { JobSearchQuery } from './query-string';

/** Salary ends the form offers (yuan a month). */
const SALARY_STEPS = [3000, 5000, 8000, 10000, 15000, 20000, 25000, 30000, 50000];

export interface FilterFormProps {
  query: JobSearchQuery;
  facets: Facets | null;
  /** Names of the cities and districts in the facets, in the reader's language. */
  placeNames: Record<string, string>;
  benefits: { key: string; label: string }[];
}

function Count({ facet, value }: { facet: FacetCount[] | undefined; value: string }) {
  const { t } = useI18n();
  if (!facet) return null;
  const count = facet.find((f) => f.value === value)?.count ?? 0;
  return <span class="facet-count">{t('jobs.facet.count', { count })}</span>;
}

/** One filter as radio buttons: "any" and each choice with its count. */
function Choices(props: {
  name: string;
  dimension: Dimension;
  values: readonly string[];
  chosen: string | undefined;
  label: (value: string) => string;
  facets: Facets | null;
}) {
  const { t } = useI18n();
  const facet = props.facets?.[props.dimension];
  return (
    <fieldset class="facet">
      <legend>{t(DIMENSION_LABELS[props.dimension])}</legend>
      <label>
        <input type="radio" name={props.name} value="" checked={!props.chosen} /> {t('jobs.filter.any')}
      </label>
      {props.values.map((value) => (
        <label>
          <input type="radio" name={props.name} value={value} checked={props.chosen === value} /> {props.label(value)}{' '}
          <Count facet={facet} value={value} />
        </label>
      ))}
    </fieldset>
  );
}

const labelOf = (labels: Record<string, MessageKey>, t: (key: MessageKey) => string) => (value: string) =>
  // Own keys only: a chosen value is the reader's text (`constructor` must not find Object's).
  Object.hasOwn(labels, value) ? t(labels[value]!) : value;

export function FilterForm({ query, facets, placeNames, benefits }: FilterFormProps) {
  const { t, path } = useI18n();
  // Places with jobs, and the chosen one even when it has none now.
  const places = (facet: FacetCount[] | undefined, chosen: string | undefined) => {
    const values = (facet ?? []).filter((f) => f.count > 0).map((f) => f.value);
    return chosen && !values.includes(chosen) ? [chosen, ...values] : values;
  };
  const placeName = (code: string) => (Object.hasOwn(placeNames, code) ? placeNames[code]! : code);
  const salaryOption = (value: number | undefined) => (
    <>
      <option value="">{t('jobs.filter.any')}</option>
      {SALARY_STEPS.map((step) => (
        <option value={String(step)} selected={value === step}>
          {t('jobs.filter.salaryStep', { amount: step / 1000 })}
        </option>
      ))}
    </>
  );
  return (
    <form class="job-filters" method="get" action={path('/jobs')}>
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark readers know. */}
      <div class="search-row" role="search">
        <label for="jobs-q">{t('jobs.search.keyword')}</label>
        <input
          id="jobs-q"
          type="search"
          name="q"
          value={query.q}
          placeholder={t('jobs.search.placeholder')}
          maxLength={200}
        />
        <button type="submit">{t('jobs.search.button')}</button>
      </div>
      <label>
        {t('jobs.sort.label')}{' '}
        <select name="sort">
          <option value="">{t('jobs.sort.default')}</option>
          {SORTS.map((sort) => (
            <option value={sort} selected={query.sort === sort}>
              {t(SORT_LABELS[sort])}
            </option>
          ))}
        </select>
      </label>
      <Choices
        name="city"
        dimension="city"
        values={places(facets?.city, query.city)}
        chosen={query.city}
        label={placeName}
        facets={facets}
      />
      {query.city && (
        <Choices
          name="district"
          dimension="district"
          values={places(facets?.district, query.district)}
          chosen={query.district}
          label={placeName}
          facets={facets}
        />
      )}
      <fieldset class="facet">
        <legend>{t(DIMENSION_LABELS.salary)}</legend>
        <label>
          {t('jobs.filter.salaryMin')} <select name="salaryMin">{salaryOption(query.salaryMin)}</select>
        </label>{' '}
        <label>
          {t('jobs.filter.salaryMax')} <select name="salaryMax">{salaryOption(query.salaryMax)}</select>
        </label>
        <ul class="facet-bands">
          {SALARY_BANDS.map((band) => (
            <li>
              {band.max === null
                ? t('jobs.filter.salaryAbove', { min: band.min / 1000 })
                : band.min === 0
                  ? t('jobs.filter.salaryBelow', { max: band.max / 1000 })
                  : t('jobs.filter.salaryBand', { min: band.min / 1000, max: band.max / 1000 })}{' '}
              <Count facet={facets?.salary} value={`${band.min}-${band.max ?? ''}`} />
            </li>
          ))}
        </ul>
      </fieldset>
      <Choices
        name="experience"
        dimension="experience"
        values={Object.keys(EXPERIENCE_LABELS)}
        chosen={query.experience}
        label={labelOf(EXPERIENCE_LABELS, t)}
        facets={facets}
      />
      <Choices
        name="education"
        dimension="education"
        values={Object.keys(EDUCATION_LABELS)}
        chosen={query.education}
        label={labelOf(EDUCATION_LABELS, t)}
        facets={facets}
      />
      <Choices
        name="type"
        dimension="type"
        values={Object.keys(EMPLOYMENT_TYPE_LABELS)}
        chosen={query.type}
        label={labelOf(EMPLOYMENT_TYPE_LABELS, t)}
        facets={facets}
      />
      <fieldset class="facet">
        <legend>{t(DIMENSION_LABELS.benefits)}</legend>
        {benefits.map((b) => (
          <label>
            <input type="checkbox" name="benefits" value={b.key} checked={query.benefits.includes(b.key)} /> {b.label}{' '}
            <Count facet={facets?.benefits} value={b.key} />
          </label>
        ))}
      </fieldset>
      <Choices
        name="size"
        dimension="size"
        values={Object.keys(SIZE_LABELS)}
        chosen={query.size}
        label={labelOf(SIZE_LABELS, t)}
        facets={facets}
      />
      <Choices
        name="industry"
        dimension="industry"
        values={Object.keys(INDUSTRY_LABELS)}
        chosen={query.industry}
        label={labelOf(INDUSTRY_LABELS, t)}
        facets={facets}
      />
      <Choices
        name="postedWithin"
        dimension="posted"
        values={POSTED_WITHIN.map(String)}
        chosen={query.postedWithin === undefined ? undefined : String(query.postedWithin)}
        label={(days) => t('jobs.filter.postedWithin', { days: Number(days) })}
        facets={facets}
      />
      <p>
        <button type="submit">{t('jobs.search.apply')}</button> <a href={path('/jobs')}>{t('jobs.search.clear')}</a>
      </p>
    </form>
  );
}
