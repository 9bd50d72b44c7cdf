/**
 * Deterministic synthetic jobs for the jobs benchmark (`npm run bench:jobs`): realistic cities (weighted by how
 * many jobs Chinese boards list there), titles in Chinese and English with salaries by role and city, companies of
 * every size and industry, benefits as tags, posted over the last 30 days. generateJob(id, seed) gives the same job
 * whatever was generated before (one PRNG per job), so worker threads can each make a slice.
 */
import type { CompanySize, CompanySummary, Industry } from '../src/companies';
import type { Education, EmploymentType, Experience, JobRow } from '../src/jobs';
import type { Region } from '../src/regions';
import { Rng } from './search-corpus';

/** City code, names, relative number of jobs, salary factor, districts. */
const CITIES: {
  code: string;
  zh: string;
  en: string;
  weight: number;
  pay: number;
  districts: [string, string, string][];
}[] = [
  {
    code: 'CN-SH',
    zh: '上海市',
    en: 'Shanghai',
    weight: 16,
    pay: 1.25,
    districts: [
      ['CN-SH-PD', '浦东新区', 'Pudong'],
      ['CN-SH-XH', '徐汇区', 'Xuhui'],
      ['CN-SH-JA', '静安区', "Jing'an"],
      ['CN-SH-MH', '闵行区', 'Minhang'],
    ],
  },
  {
    code: 'CN-BJ',
    zh: '北京市',
    en: 'Beijing',
    weight: 15,
    pay: 1.25,
    districts: [
      ['CN-BJ-HD', '海淀区', 'Haidian'],
      ['CN-BJ-CY', '朝阳区', 'Chaoyang'],
      ['CN-BJ-FT', '丰台区', 'Fengtai'],
    ],
  },
  {
    code: 'CN-GD-SZ',
    zh: '深圳市',
    en: 'Shenzhen',
    weight: 13,
    pay: 1.2,
    districts: [
      ['CN-GD-SZ-NS', '南山区', 'Nanshan'],
      ['CN-GD-SZ-FT', '福田区', 'Futian'],
      ['CN-GD-SZ-BA', '宝安区', "Bao'an"],
      ['CN-GD-SZ-LG', '龙岗区', 'Longgang'],
    ],
  },
  {
    code: 'CN-GD-GZ',
    zh: '广州市',
    en: 'Guangzhou',
    weight: 11,
    pay: 1.05,
    districts: [
      ['CN-GD-GZ-TH', '天河区', 'Tianhe'],
      ['CN-GD-GZ-BY', '白云区', 'Baiyun'],
      ['CN-GD-GZ-PY', '番禺区', 'Panyu'],
    ],
  },
  {
    code: 'CN-ZJ-HZ',
    zh: '杭州市',
    en: 'Hangzhou',
    weight: 8,
    pay: 1.1,
    districts: [
      ['CN-ZJ-HZ-XH', '西湖区', 'Xihu'],
      ['CN-ZJ-HZ-BJ', '滨江区', 'Binjiang'],
      ['CN-ZJ-HZ-YH', '余杭区', 'Yuhang'],
    ],
  },
  {
    code: 'CN-SC-CD',
    zh: '成都市',
    en: 'Chengdu',
    weight: 7,
    pay: 0.85,
    districts: [
      ['CN-SC-CD-WH', '武侯区', 'Wuhou'],
      ['CN-SC-CD-JJ', '锦江区', 'Jinjiang'],
    ],
  },
  {
    code: 'CN-HB-WH',
    zh: '武汉市',
    en: 'Wuhan',
    weight: 6,
    pay: 0.85,
    districts: [
      ['CN-HB-WH-HS', '洪山区', 'Hongshan'],
      ['CN-HB-WH-WC', '武昌区', 'Wuchang'],
    ],
  },
  {
    code: 'CN-JS-NJ',
    zh: '南京市',
    en: 'Nanjing',
    weight: 6,
    pay: 0.95,
    districts: [
      ['CN-JS-NJ-JY', '建邺区', 'Jianye'],
      ['CN-JS-NJ-JN', '江宁区', 'Jiangning'],
    ],
  },
  {
    code: 'CN-SN-XA',
    zh: '西安市',
    en: "Xi'an",
    weight: 5,
    pay: 0.8,
    districts: [
      ['CN-SN-XA-YT', '雁塔区', 'Yanta'],
      ['CN-SN-XA-WY', '未央区', 'Weiyang'],
    ],
  },
  { code: 'CN-TJ', zh: '天津市', en: 'Tianjin', weight: 4, pay: 0.85, districts: [] },
  { code: 'CN-CQ', zh: '重庆市', en: 'Chongqing', weight: 4, pay: 0.8, districts: [] },
];

/** Titles: Chinese, English, industry, base monthly salary (yuan, a mid-level job in a factor-1 city). */
const TITLES: [string, string, Industry, number][] = [
  ['前端开发工程师', 'Front-end Developer', 'internet', 18000],
  ['Java开发工程师', 'Java Developer', 'internet', 20000],
  ['软件测试工程师', 'Software Test Engineer', 'internet', 13000],
  ['产品经理', 'Product Manager', 'internet', 22000],
  ['数据分析师', 'Data Analyst', 'internet', 16000],
  ['UI设计师', 'UI Designer', 'internet', 13000],
  ['运维工程师', 'Operations Engineer', 'internet', 14000],
  ['会计', 'Accountant', 'finance', 8000],
  ['出纳', 'Cashier', 'finance', 6000],
  ['财务经理', 'Finance Manager', 'finance', 18000],
  ['客户经理', 'Account Manager', 'finance', 10000],
  ['货车司机', 'Truck Driver', 'logistics', 9000],
  ['快递员', 'Courier', 'logistics', 8000],
  ['仓库管理员', 'Warehouse Keeper', 'logistics', 6500],
  ['叉车司机', 'Forklift Driver', 'logistics', 7000],
  ['普工', 'Production Worker', 'manufacturing', 6000],
  ['质检员', 'Quality Inspector', 'manufacturing', 6500],
  ['机械工程师', 'Mechanical Engineer', 'manufacturing', 13000],
  ['电工', 'Electrician', 'construction', 8000],
  ['施工员', 'Site Supervisor', 'construction', 9000],
  ['造价工程师', 'Cost Engineer', 'construction', 12000],
  ['销售代表', 'Sales Representative', 'retail', 8000],
  ['门店店长', 'Store Manager', 'retail', 9000],
  ['收银员', 'Cashier (Store)', 'retail', 5000],
  ['护士', 'Nurse', 'healthcare', 8000],
  ['药剂师', 'Pharmacist', 'healthcare', 9000],
  ['英语教师', 'English Teacher', 'education', 10000],
  ['课程顾问', 'Course Consultant', 'education', 8000],
  ['厨师', 'Cook', 'hospitality', 7000],
  ['酒店前台', 'Hotel Receptionist', 'hospitality', 5500],
  ['服务员', 'Waiter', 'hospitality', 5000],
  ['人事专员', 'HR Specialist', 'professional-services', 8000],
  ['法务专员', 'Legal Specialist', 'professional-services', 11000],
  ['客服专员', 'Customer Service Specialist', 'professional-services', 6000],
  ['行政助理', 'Administrative Assistant', 'professional-services', 6000],
];

const SKILLS_ZH = [
  '沟通能力强',
  '有责任心',
  '熟练使用办公软件',
  '能适应倒班',
  '持有相关证书',
  '有团队合作精神',
  '吃苦耐劳',
  '学习能力强',
  '有驾驶证',
  '熟悉行业规范',
];
const SKILLS_EN = [
  'good communication',
  'responsible',
  'Office skills',
  'shift work',
  'relevant certificate',
  'team player',
  'hard-working',
  'quick learner',
  "driver's licence",
  'knows the industry rules',
];
const DUTIES_ZH = [
  '负责日常工作的安排与执行',
  '配合团队完成月度目标',
  '维护客户关系',
  '整理并归档相关资料',
  '参与流程改进',
  '按公司要求完成培训',
];
const DUTIES_EN = [
  'plan and carry out daily work',
  'meet monthly goals with the team',
  'look after customers',
  'keep records in order',
  'help improve the process',
  'complete the company training',
];
const PREFIX_ZH = [
  '华',
  '中',
  '新',
  '东',
  '嘉',
  '远',
  '盛',
  '博',
  '恒',
  '安',
  '星',
  '云',
  '锦',
  '泰',
  '瑞',
  '川',
  '海',
  '鼎',
];
const SUFFIX_ZH = ['科技', '物流', '制造', '商贸', '信息', '餐饮', '教育', '医疗', '建设', '咨询'];
const PREFIX_EN = [
  'Hua',
  'Zhong',
  'Xin',
  'Dong',
  'Jia',
  'Yuan',
  'Sheng',
  'Bo',
  'Heng',
  'An',
  'Xing',
  'Yun',
  'Jin',
  'Tai',
  'Rui',
  'Chuan',
  'Hai',
  'Ding',
];
const SUFFIX_EN = [
  'Technology',
  'Logistics',
  'Manufacturing',
  'Trading',
  'Information',
  'Catering',
  'Education',
  'Medical',
  'Construction',
  'Consulting',
];
const SIZES: CompanySize[] = ['1-49', '50-149', '150-499', '500-999', '1000+'];
const EXPERIENCES: Experience[] = ['graduate', 'lt1', '1-3', '3-5', '5-10', '10+'];
const EXPERIENCE_PAY = [0.6, 0.7, 0.9, 1.1, 1.4, 1.7];
const EDUCATIONS: Education[] = ['any', 'associate', 'bachelor', 'master', 'doctor'];
const TYPES: EmploymentType[] = [
  'full-time',
  'full-time',
  'full-time',
  'full-time',
  'full-time',
  'full-time',
  'part-time',
  'internship',
  'contract',
];
/** Benefit keys of data/jobs/benefits.json with how often a job offers each. */
const BENEFIT_ODDS: [string, number][] = [
  ['five-insurances-one-fund', 0.7],
  ['housing-fund', 0.35],
  ['paid-annual-leave', 0.5],
  ['supplementary-medical', 0.15],
  ['year-end-bonus', 0.4],
  ['weekends-off', 0.45],
  ['meal-allowance', 0.35],
  ['transport-allowance', 0.2],
  ['overtime-pay', 0.25],
  ['maternity-leave', 0.1],
];
/** Companies in the corpus (a job's company is one of them). */
export const COMPANY_COUNT = 20_000;
const DAY_MS = 86_400_000;

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b + 0x632be5ab) | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h ^ (h >>> 16)) >>> 0;
}

const cityWeights = CITIES.reduce((sum, c) => sum + c.weight, 0);
function pickCity(r: Rng) {
  let u = r.next() * cityWeights;
  for (const city of CITIES) {
    u -= city.weight;
    if (u < 0) return city;
  }
  return CITIES[0]!;
}

export function company(id: number, seed: number): CompanySummary {
  const r = new Rng(mix(seed + 7, id));
  const [pz, pe] = [r.int(PREFIX_ZH.length), r.int(PREFIX_ZH.length)];
  const s = r.int(SUFFIX_ZH.length);
  const industry = TITLES[r.int(TITLES.length)]![2];
  return {
    id,
    slug: `company-${id}`,
    nameZh: `${PREFIX_ZH[pz]}${PREFIX_ZH[pe]}${SUFFIX_ZH[s]}${id}`,
    nameEn: `${PREFIX_EN[pz]}${PREFIX_EN[pe]} ${SUFFIX_EN[s]} ${id}`,
    industry,
    size: SIZES[Math.min(4, Math.floor(r.next() ** 1.6 * 5))]!,
    website: null,
    regionCode: 'CN-SH',
    status: 'verified',
    verified: r.next() < 0.7,
    path: `/companies/company-${id}`,
  };
}

export interface SyntheticJob {
  row: JobRow;
  benefits: string[];
  company: CompanySummary;
  city: Region;
  district: Region | undefined;
}

const region = (code: string, zh: string, en: string, level: string): Region => ({
  code,
  nameZh: zh,
  nameEn: en,
  level,
  parentCode: null,
});

/** The id-th job: `now` is the benchmark's clock (posted in the 30 days before it, open 30 days after posting). */
export function generateJob(id: number, seed: number, now: number): SyntheticJob {
  const r = new Rng(mix(seed, id));
  const city = pickCity(r);
  const district =
    city.districts.length > 0 && r.next() < 0.7 ? city.districts[r.int(city.districts.length)] : undefined;
  const titleIndex = Math.floor(r.next() ** 1.3 * TITLES.length);
  const [titleZh, titleEn, industry, base] = TITLES[titleIndex]!;
  const experience = Math.floor(r.next() ** 1.2 * 6);
  const pay = base * city.pay * EXPERIENCE_PAY[experience]! * (0.8 + 0.4 * r.next());
  const salaryMin = Math.max(2500, Math.round(pay / 500) * 500);
  const salaryMax = salaryMin + Math.round((salaryMin * (0.2 + 0.6 * r.next())) / 500) * 500;
  const posted = now - Math.floor(r.next() * 30 * DAY_MS);
  const validThrough = new Date(posted + 30 * DAY_MS).toISOString().slice(0, 10);
  const skills = [r.int(SKILLS_ZH.length), r.int(SKILLS_ZH.length), r.int(SKILLS_ZH.length)];
  const duties = [r.int(DUTIES_ZH.length), r.int(DUTIES_ZH.length)];
  const bilingual = r.next();
  const companyId = 1 + r.int(COMPANY_COUNT);
  const owner = company(companyId, seed);
  const at = new Date(posted).toISOString();
  const row: JobRow = {
    id,
    company_id: companyId,
    slug: '',
    status: 'published',
    title_en: bilingual < 0.85 ? titleEn : null,
    title_zh: bilingual > 0.15 ? titleZh : null,
    description_zh_md:
      bilingual > 0.15
        ? `岗位职责：${duties.map((d) => DUTIES_ZH[d]).join('；')}。任职要求：${skills.map((s) => SKILLS_ZH[s]).join('，')}。`
        : null,
    description_en_md:
      bilingual < 0.85
        ? `What you will do: ${duties.map((d) => DUTIES_EN[d]).join('; ')}. We ask: ${skills.map((s) => SKILLS_EN[s]).join(', ')}.`
        : null,
    region_code: city.code,
    district_code: district?.[0] ?? null,
    salary_min: salaryMin,
    salary_max: salaryMax,
    salary_months: r.next() < 0.3 ? 13 : 12,
    experience: EXPERIENCES[experience]!,
    education: EDUCATIONS[Math.floor(r.next() ** 1.5 * 5)]!,
    employment_type: TYPES[r.int(TYPES.length)]!,
    headcount: 1 + r.int(5),
    insurance_base: r.next() < 0.6 ? 'actual' : 'minimum',
    insurance_base_amount: null,
    housing_fund_rate: r.next() < 0.5 ? 5 + r.int(8) : null,
    posted_at: at,
    valid_through: validThrough,
    valid_days: 30,
    origin: 'demo',
    source_key: null,
    created_by: null,
    created_at: at,
    updated_at: at,
    decision_reason: null,
  } as JobRow;
  return {
    row,
    benefits: BENEFIT_ODDS.filter(([, odds]) => r.next() < odds).map(([key]) => key),
    company: { ...owner, industry: r.next() < 0.7 ? industry : owner.industry },
    city: region(city.code, city.zh, city.en, 'city'),
    district: district && region(district[0], district[1], district[2], 'district'),
  };
}

export interface BenchQuery {
  q: string;
  city?: string;
  salaryMin?: number;
  experience?: Experience;
  education?: Education;
  type?: EmploymentType;
  benefits: string[];
  size?: CompanySize;
  industry?: Industry;
  postedWithin?: number;
}

/** Words people type: titles and parts of titles in both languages, and synonyms of them. */
const KEYWORDS = [
  '司机',
  'driver',
  '会计',
  'accountant',
  '前端',
  'front-end',
  '工程师',
  'engineer',
  '销售',
  'sales',
  '护士',
  'nurse',
  '教师',
  'teacher',
  '厨师',
  'cook',
  '客服',
  'customer service',
  '仓库',
  'warehouse',
  '产品经理',
  'product manager',
  '数据分析',
  'data analyst',
  'Java',
  '设计师',
  'designer',
  '电工',
  'electrician',
  '普工',
  '快递',
  'courier',
  '出纳',
  '店长',
  'store manager',
  '人事',
  'HR',
  '法务',
  'legal',
  '测试',
  'test engineer',
  '运维',
  '质检',
  '施工',
  '造价',
  '服务员',
  'waiter',
  '前台',
  'receptionist',
  '药剂师',
  'pharmacist',
  '课程顾问',
  '行政',
  'assistant',
  '叉车',
];

/** `count` searches: a keyword and 0–3 filters each (cities by their weight, filters equally often). */
export function generateQueries(count: number, seed: number): BenchQuery[] {
  const r = new Rng(mix(seed, 0x51ed));
  const filters: ((q: BenchQuery) => void)[] = [
    (q) => {
      q.city = pickCity(r).code;
    },
    (q) => {
      q.salaryMin = [5000, 8000, 10000, 15000, 20000][r.int(5)];
    },
    (q) => {
      q.experience = EXPERIENCES[r.int(6)];
    },
    (q) => {
      q.education = EDUCATIONS[r.int(5)];
    },
    (q) => {
      q.type = TYPES[r.int(TYPES.length)];
    },
    (q) => {
      q.benefits.push(BENEFIT_ODDS[r.int(4)]![0]);
    },
    (q) => {
      q.size = SIZES[r.int(5)];
    },
    (q) => {
      q.industry = TITLES[r.int(TITLES.length)]![2];
    },
    (q) => {
      q.postedWithin = [1, 3, 7, 14, 30][r.int(5)];
    },
  ];
  return Array.from({ length: count }, () => {
    const q: BenchQuery = { q: KEYWORDS[Math.floor(r.next() ** 1.5 * KEYWORDS.length)]!, benefits: [] };
    const n = r.int(4);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(r.int(filters.length));
    for (const f of chosen) filters[f]!(q);
    return q;
  });
}
