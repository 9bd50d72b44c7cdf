/**
 * Turns the shared city data (../shared/data/cities/rates.json and iit.json, compiled 2026-11-25; see its
 * SOURCE.md) into ours: one period per city and contribution year, one rate row per insurance, sources by id.
 * Nothing is filled in: a null stays null. Where the shared SOURCE.md grades a figure below its period (a base
 * from a unit-test fixture, a disputed floor) the grade is written here, with the reason, so it travels with the
 * figure. Run by `tsx src/cli/convert-cities.ts`; the tax schedule is convert-tax.ts.
 */
import { z } from 'zod';
import type {
  Confidence,
  Insurance,
  ShippedCity,
  ShippedPeriod,
  ShippedRate,
  ShippedRatesFile,
  ShippedSource,
} from './shipped';

/** Our slug and region code for each city of the shared data (data/regions.json). */
export const CITY_REGIONS: Record<string, { slug: string; region: string }> = {
  Beijing: { slug: 'beijing', region: 'CN-BJ' },
  Shanghai: { slug: 'shanghai', region: 'CN-SH' },
  Guangzhou: { slug: 'guangzhou', region: 'CN-GD-GZ' },
  Shenzhen: { slug: 'shenzhen', region: 'CN-GD-SZ' },
  Hangzhou: { slug: 'hangzhou', region: 'CN-ZJ-HZ' },
  Nanjing: { slug: 'nanjing', region: 'CN-JS-NJ' },
  Wuhan: { slug: 'wuhan', region: 'CN-HB-WH' },
  Chengdu: { slug: 'chengdu', region: 'CN-SC-CD' },
  "Xi'an": { slug: 'xian', region: 'CN-SN-XA' },
  Chongqing: { slug: 'chongqing', region: 'CN-CQ' },
};

const num = z.number().nullable().optional();
const range = z.looseObject({ floor: num, ceiling: num, applies_to: z.string().optional() });
const sharedPeriodSchema = z.object({
  city_en: z.string(),
  city_zh: z.string(),
  period_from: z.string().nullable(),
  period_to: z.string().nullable(),
  year_label: z.string(),
  social_base: range,
  housing_fund_base: range,
  bases_by_insurance: z.record(z.string(), range).optional(),
  rates: z.object({
    pension: z.object({ employer: num, employee: num }),
    medical: z.object({ employer: num, employee: num, employee_fixed_cny_per_month: num }),
    unemployment: z.object({ employer: num, employee: num }),
    work_injury: z.object({ employer_min: num, employer_max: num }),
    maternity: z.object({ employer: num, employee: num, merged_into_medical: z.boolean().nullable() }),
    housing_fund: z.object({ min: num, max: num, supplementary: z.object({ min: num, max: num }).optional() }),
  }),
  sources: z.array(
    z.object({
      id: z.string(),
      url: z.string().nullable(),
      title: z.string(),
      date: z.string(),
      kind: z.string(),
      covers: z.string().optional(),
    }),
  ),
  confidence: z.string(),
  notes: z.string(),
});
type SharedPeriod = z.infer<typeof sharedPeriodSchema>;

/**
 * Each period's grade for its bases and its rates, read from the shared data's confidence text and SOURCE.md
 * ("Known uncertainties"), since the text mixes both in one sentence.
 */
const PERIOD_GRADES: Record<string, { period: Confidence; base: Confidence; rate: Confidence }> = {
  'beijing-2024': { period: 'high', base: 'high', rate: 'high' },
  // Rates "not re-verified against a 2025 instrument".
  'beijing-2025': { period: 'medium-high', base: 'medium-high', rate: 'medium' },
  // "Rates and HF floor: unit-test fixture only".
  'beijing-2026': { period: 'medium', base: 'medium', rate: 'low' },
  'shanghai-2024': { period: 'high', base: 'high', rate: 'high' },
  'shanghai-2025': { period: 'high', base: 'high', rate: 'medium' },
  'shanghai-2026': { period: 'high', base: 'high', rate: 'medium' },
  'guangzhou-2024': { period: 'medium', base: 'medium', rate: 'medium' },
  'guangzhou-2025': { period: 'medium', base: 'medium', rate: 'medium' },
  'shenzhen-2024': { period: 'low-medium', base: 'low-medium', rate: 'low-medium' },
};
/** The six provincial pension-base periods: "medium for the base; rates missing". */
const PENSION_ONLY_GRADE = { period: 'medium', base: 'medium', rate: 'medium' } as const;

/** Figures SOURCE.md grades below their period, with its reason. */
const ROW_OVERRIDES: Record<string, Partial<Pick<ShippedRate, 'baseConfidence' | 'rateConfidence' | 'note'>>> = {
  'beijing-2025/housing_fund': {
    baseConfidence: 'low',
    note: 'The floor of 2,540 comes only from a unit-test fixture (GH_BJ_RECIPE); Beijing ties it to the minimum wage.',
  },
  'beijing-2025/medical': {
    rateConfidence: 'low',
    note: 'The fixed 3 yuan a month (大额医疗互助) is carried forward from the 2024 sources, as the data notes; not re-verified.',
  },
  'beijing-2026/housing_fund': {
    baseConfidence: 'low',
    note: 'The floor of 2,540 comes only from a unit-test fixture (GH_BJ_RECIPE).',
  },
  'beijing-2026/medical': {
    note: 'Whether the fixed 3 yuan a month (大额医疗互助) still applies is not in the data for this period.',
  },
  'guangzhou-2024/pension': {
    baseConfidence: 'low',
    note: 'Ceiling conflict: 26,421 (Forvis Mazars, 300 % of 8,807) against 27,501 (PwC, jiabin-xu); Guangdong adjusts the pension base on its own cycle.',
  },
  'shenzhen-2024/pension': {
    baseConfidence: 'low',
    note: 'Floor disputed: 3,523 per Forvis Mazars for Jul 2024–Jun 2025; per the Shenzhen notice (Saitsu) it applied Jan–Jun 2024 only. Employer 16 % for Shenzhen hukou, 15 % for others.',
  },
  'shanghai-2025/housing_fund': { note: 'Each share rounded to whole yuan (沪公积金管委会〔2025〕8号 / 〔2023〕3号).' },
  'shanghai-2026/housing_fund': {
    note: 'Each share rounded to whole yuan: the published monthly limits (384–5,282 at 7 %) are whole-yuan shares doubled.',
  },
};

/** Shanghai's fund rounds each share to whole yuan, as its 2025 and 2026 data says; every other figure to the fen. */
const YUAN_ROUNDED = new Set(['shanghai-2025/housing_fund', 'shanghai-2025/housing_fund_supplementary']);
YUAN_ROUNDED.add('shanghai-2026/housing_fund').add('shanghai-2026/housing_fund_supplementary');

function periodKey(p: SharedPeriod, slug: string): string {
  const year = p.period_from?.slice(0, 4) ?? p.year_label.match(/\d{4}/)?.[0];
  if (!year) throw new Error(`no year for ${p.city_en} ${p.year_label}`);
  return `${slug}-${year}`;
}

const orNull = (value: number | null | undefined): number | null => (value === undefined ? null : value);

/** The base of one insurance: its own range where the city sets one (Guangzhou, Shenzhen), else the social base. */
function baseOf(p: SharedPeriod, insurance: Insurance): { floor: number | null; ceiling: number | null } {
  const own = p.bases_by_insurance;
  const socialApplies = p.social_base.applies_to;
  if (insurance === 'housing_fund' || insurance === 'housing_fund_supplementary') {
    return { floor: orNull(p.housing_fund_base.floor), ceiling: orNull(p.housing_fund_base.ceiling) };
  }
  if (own) {
    const names: Record<string, string[]> = {
      pension: ['pension'],
      medical: ['medical_incl_maternity', 'medical_tier1', 'medical'],
      maternity: ['medical_incl_maternity'],
      unemployment: ['unemployment'],
      work_injury: ['work_injury'],
    };
    const found = (names[insurance] ?? []).map((n) => own[n]).find((r) => r !== undefined);
    return { floor: orNull(found?.floor), ceiling: orNull(found?.ceiling) };
  }
  // A social base that "applies to pension only" says nothing of the other insurances' bases.
  if (typeof socialApplies === 'string' && /pension/.test(socialApplies) && insurance !== 'pension') {
    return { floor: null, ceiling: null };
  }
  return { floor: orNull(p.social_base.floor), ceiling: orNull(p.social_base.ceiling) };
}

function ratesOf(p: SharedPeriod, key: string, grade: { base: Confidence; rate: Confidence }): ShippedRate[] {
  const r = p.rates;
  const beijing = p.city_en === 'Beijing';
  // Beijing's 3 yuan: in the 2024 data; carried forward into 2025 by the data's notes; unknown for 2026.
  const fixedMedical = (() => {
    if (r.medical.employee_fixed_cny_per_month != null) return r.medical.employee_fixed_cny_per_month;
    if (!beijing) return 0;
    return /3 CNY fixed employee medical item .* carried forward/.test(p.notes) ? 3 : null;
  })();
  const row = (insurance: Insurance, fields: Partial<ShippedRate>): ShippedRate => {
    const base = baseOf(p, insurance);
    const id = `${key}/${insurance}`;
    return {
      insurance,
      baseFloor: base.floor,
      baseCeiling: base.ceiling,
      employeeRate: null,
      employerRate: null,
      rateMin: null,
      rateMax: null,
      employeeFixed: 0,
      mergedIntoMedical: null,
      rounding: YUAN_ROUNDED.has(id) ? 'yuan' : 'fen',
      baseConfidence: grade.base,
      rateConfidence: grade.rate,
      note: null,
      ...fields,
      ...ROW_OVERRIDES[id],
    };
  };
  const rows = [
    row('pension', { employeeRate: orNull(r.pension.employee), employerRate: orNull(r.pension.employer) }),
    row('medical', {
      employeeRate: orNull(r.medical.employee),
      employerRate: orNull(r.medical.employer),
      employeeFixed: fixedMedical,
    }),
    row('unemployment', {
      employeeRate: orNull(r.unemployment.employee),
      employerRate: orNull(r.unemployment.employer),
    }),
    row('work_injury', { rateMin: orNull(r.work_injury.employer_min), rateMax: orNull(r.work_injury.employer_max) }),
    row('maternity', {
      employeeRate: orNull(r.maternity.employee),
      employerRate: orNull(r.maternity.employer),
      mergedIntoMedical: r.maternity.merged_into_medical,
    }),
    row('housing_fund', { rateMin: orNull(r.housing_fund.min), rateMax: orNull(r.housing_fund.max) }),
  ];
  const supplementary = r.housing_fund.supplementary;
  if (supplementary) {
    rows.push(
      row('housing_fund_supplementary', { rateMin: orNull(supplementary.min), rateMax: orNull(supplementary.max) }),
    );
  }
  return rows;
}

/** The shared rates.json as our shipped file. Throws when one source id names two different documents. */
export function convertRates(shared: unknown, from: string): ShippedRatesFile {
  const periods = z.array(sharedPeriodSchema).parse(shared);
  const cities = new Map<string, ShippedCity>();
  const sources = new Map<string, ShippedSource>();
  const converted: ShippedPeriod[] = [];
  for (const p of periods) {
    const city = CITY_REGIONS[p.city_en];
    if (!city) throw new Error(`no region code for ${p.city_en}`);
    // All ten cities are municipalities, provincial capitals or Shenzhen (计划单列市): the 1,500 rent tier (iit.json).
    cities.set(city.slug, { ...city, nameEn: p.city_en, nameZh: p.city_zh, rentDeduction: 1500 });
    for (const s of p.sources) {
      const known = sources.get(s.id);
      if (known && (known.url !== s.url || known.title !== s.title)) throw new Error(`source ${s.id} differs`);
      if (!known)
        sources.set(s.id, {
          id: s.id,
          url: s.url,
          title: s.title,
          date: s.date,
          kind: s.kind,
          covers: s.covers ?? null,
        });
    }
    const key = periodKey(p, city.slug);
    const grade = PERIOD_GRADES[key] ?? PENSION_ONLY_GRADE;
    converted.push({
      key,
      city: city.slug,
      yearLabel: p.year_label,
      from: p.period_from,
      to: p.period_to,
      confidence: grade.period,
      confidenceNote: p.confidence,
      notes: p.notes,
      sources: p.sources.map((s) => s.id),
      rates: ratesOf(p, key, grade),
    });
  }
  return { convertedFrom: from, cities: [...cities.values()], sources: [...sources.values()], periods: converted };
}
