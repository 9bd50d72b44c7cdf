/**
 * A deterministic synthetic Q&A collection for bench/import.ts, in the forms real collections use:
 * Chinese "法律分析：… 法律依据：《…》第…条 <article text>" and English "Legal analysis: … Legal basis: …",
 * numbered steps in every style the importer knows, some HTML, ~1% broken lines, ~1% exact and ~1%
 * near duplicates, and ~3% citations of local rules the library does not hold. Article texts are quoted
 * from the shipped statute library so answers are as long as real ones.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { readCatalogue, readLibraryVersions } from '../src/statutes';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Cite = [slug: string, article: number];
interface Topic {
  zh: { q: string[]; intro: string[]; steps: string[] };
  en: { q: string[]; intro: string[]; steps: string[] };
  cites: Cite[];
}

const TOPICS: Topic[] = [
  {
    zh: {
      q: ['{p}{who}社保卡丢了怎么补办', '{p}{who}社保卡坏了多久能换新卡', '{p}电子社保卡怎么申领，已经参保{n}年'],
      intro: [
        '社保卡丢失后应当先挂失，再到经办机构申请补办。',
        '社会保障卡由人力资源社会保障部门统一制发，补办时需本人到场或委托他人代办。',
      ],
      steps: [
        '携带身份证到社保卡服务网点办理挂失',
        '填写补卡申请表并提交照片',
        '工作人员受理后出具领卡凭证',
        '约{n}个工作日后凭身份证领取新卡',
        '通过网上办事大厅或APP激活新卡',
      ],
    },
    en: {
      q: [
        'How can a {whoEn} in {pEn} replace a lost social security card',
        'Where does a {whoEn} reissue a damaged social security card in {pEn} after {n} years',
      ],
      intro: [
        'Report the loss first so nobody else can use the card, then apply for a new one.',
        'The card is reissued by the social security agency where you are insured.',
      ],
      steps: [
        'Report the loss at a service outlet with your ID card.',
        'Fill in the replacement application form.',
        'Collect the receipt voucher from the staff.',
        'Collect the new card after about {n} working days.',
        'Activate the new card online or at a bank.',
      ],
    },
    cites: [
      ['social-insurance-law', 72],
      ['social-insurance-handling-regulations', 7],
    ],
  },
  {
    zh: {
      q: [
        '{p}{who}缴费{n}年退休后能领多少养老金',
        '{p}{who}养老保险个人账户怎么查询',
        '{p}{who}养老金每月什么时候发放',
      ],
      intro: [
        '基本养老金由统筹养老金和个人账户养老金组成。',
        '参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。',
      ],
      steps: ['登录当地社保网站查询缴费记录', '核对个人账户储存额', '到经办机构申请待遇核定', '按月领取养老金'],
    },
    en: {
      q: [
        'How much pension will a {whoEn} in {pEn} get after {n} years of payments',
        'When is the monthly pension paid to a {whoEn} in {pEn}',
      ],
      intro: [
        'The basic pension consists of a pooled part and a personal account part.',
        'You draw a monthly pension once you reach the statutory age with at least fifteen years of payments.',
      ],
      steps: [
        'Check your payment record online.',
        'Confirm the balance of your personal account.',
        'Apply for the pension assessment at the agency.',
        'Receive the pension every month.',
      ],
    },
    cites: [
      ['social-insurance-law', 16],
      ['social-insurance-law', 15],
      ['social-insurance-law', 10],
    ],
  },
  {
    zh: {
      q: ['{p}{who}住院费用医保能报销多少', '{p}{who}异地就医怎么备案报销', '{p}{who}门诊费用医保报销比例是多少'],
      intro: [
        '符合基本医疗保险药品目录、诊疗项目的医疗费用，按照国家规定从基本医疗保险基金中支付。',
        '异地就医需要先办理备案，再在定点医院直接结算。',
      ],
      steps: [
        '在国家医保服务平台APP办理异地就医备案',
        '选择定点医院就医',
        '出院时直接结算',
        '未直接结算的，保留发票到医保窗口报销',
      ],
    },
    en: {
      q: [
        'How much of the hospital bill does medical insurance reimburse for a {whoEn} in {pEn}',
        'How does a {whoEn} register for medical treatment outside {pEn}',
      ],
      intro: [
        'Medical expenses within the catalogue are paid from the basic medical insurance fund.',
        'Treatment in another city must be registered first; the bill is then settled directly.',
      ],
      steps: [
        'Register online in the medical insurance app.',
        'Choose a designated hospital.',
        'Settle the bill directly at discharge.',
        'Otherwise keep the invoices and claim them at the medical insurance window.',
      ],
    },
    cites: [
      ['social-insurance-law', 28],
      ['social-insurance-law', 29],
    ],
  },
  {
    zh: {
      q: ['{p}{who}被辞退后能领多久失业金', '{p}{who}缴费{n}年失业保险金怎么申请', '{p}{who}失业登记需要什么材料'],
      intro: ['失业保险金的领取期限根据累计缴费时间确定。', '非因本人意愿中断就业且缴费满一年的，可以领取失业保险金。'],
      steps: [
        '单位出具终止或者解除劳动关系的证明',
        '到公共就业服务机构办理失业登记',
        '提交失业保险金申领材料',
        '审核通过后按月领取',
      ],
    },
    en: {
      q: [
        'How long can a {whoEn} in {pEn} receive unemployment benefits after {n} years',
        'What does a {whoEn} need to register as unemployed in {pEn}',
      ],
      intro: [
        'How long you receive unemployment benefits depends on how long you paid in.',
        'You qualify if you paid for at least a year and did not leave by your own choice.',
      ],
      steps: [
        'Get the termination certificate from your employer.',
        'Register as unemployed at the employment service office.',
        'Submit the benefit application.',
        'Receive the benefit monthly once approved.',
      ],
    },
    cites: [
      ['unemployment-insurance-regulations', 14],
      ['unemployment-insurance-regulations', 17],
      ['social-insurance-law', 45],
    ],
  },
  {
    zh: {
      q: ['{p}{who}上班途中受伤算工伤吗', '{p}{who}工伤认定需要多长时间', '{p}{who}工伤伤残{n}级能赔多少'],
      intro: [
        '职工在上下班途中受到非本人主要责任的交通事故伤害的，应当认定为工伤。',
        '社会保险行政部门应当自受理工伤认定申请之日起60日内作出决定。',
      ],
      steps: [
        '单位在30日内提出工伤认定申请',
        '提交劳动关系证明和医疗诊断证明',
        '社会保险行政部门受理并调查核实',
        '作出工伤认定决定后申请劳动能力鉴定',
      ],
    },
    en: {
      q: [
        'Is an accident on the way to work a work injury for a {whoEn} in {pEn}',
        'How long does work injury determination take for a {whoEn} in {pEn}',
      ],
      intro: [
        'An injury in a commuting accident for which you are not mainly responsible counts as a work injury.',
        'The department decides within 60 days of accepting the application.',
      ],
      steps: [
        'The employer applies for the determination within 30 days.',
        'Submit proof of employment and the medical diagnosis.',
        'The department investigates.',
        'Apply for a disability assessment after the decision.',
      ],
    },
    cites: [
      ['work-related-injury-insurance-regulations', 14],
      ['work-related-injury-insurance-regulations', 17],
      ['work-related-injury-insurance-regulations', 20],
    ],
  },
  {
    zh: {
      q: ['{p}{who}生育津贴怎么领取', '{p}{who}产假有多少天，工作{n}年', '{p}{who}生育保险报销哪些费用'],
      intro: ['职工享受产假期间可以按照国家规定享受生育津贴。', '生育医疗费用包括生育的医疗费用和计划生育的医疗费用。'],
      steps: ['单位向医保经办机构申报', '提交出生医学证明和住院病历', '经办机构审核', '生育津贴发放到单位或个人账户'],
    },
    en: {
      q: [
        'How does a {whoEn} in {pEn} claim the maternity allowance',
        'How many days of maternity leave does a {whoEn} in {pEn} get',
      ],
      intro: [
        'During maternity leave you receive the maternity allowance under state rules.',
        'Maternity medical costs cover childbirth and family planning.',
      ],
      steps: [
        'The employer files the claim with the agency.',
        'Submit the birth certificate and hospital records.',
        'The agency reviews the claim.',
        'The allowance is paid to the employer or to you.',
      ],
    },
    cites: [
      ['social-insurance-law', 56],
      ['social-insurance-law', 54],
    ],
  },
  {
    zh: {
      q: ['{p}{who}租房怎么提取住房公积金', '{p}{who}公积金贷款最多能贷多少', '{p}{who}离职后公积金怎么取出来'],
      intro: [
        '职工有购买、建造自住住房等情形的，可以提取住房公积金账户内的存储余额。',
        '提取住房公积金需要单位核实并出具提取证明。',
      ],
      steps: [
        '准备身份证和租房合同',
        '单位核实并出具提取证明',
        '到公积金中心窗口或网上申请',
        '审核通过后款项转入银行卡',
      ],
    },
    en: {
      q: [
        'How can a {whoEn} in {pEn} withdraw the housing provident fund to pay rent',
        'How much can a {whoEn} in {pEn} borrow from the housing fund',
      ],
      intro: [
        'You may withdraw the balance of your housing provident fund account when buying or building a home.',
        'The employer checks the withdrawal and issues a certificate.',
      ],
      steps: [
        'Prepare your ID card and tenancy contract.',
        'Get the withdrawal certificate from your employer.',
        'Apply at the fund centre or online.',
        'The money is paid to your bank card.',
      ],
    },
    cites: [
      ['housing-provident-fund-regulations', 24],
      ['housing-provident-fund-regulations', 25],
    ],
  },
  {
    zh: {
      q: ['{p}{who}社保断缴{n}个月有什么影响', '{p}{who}灵活就业社保缴费基数怎么选', '{p}{who}社保可以补缴吗'],
      intro: [
        '灵活就业人员可以参加基本养老保险，由个人缴纳基本养老保险费。',
        '用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳。',
      ],
      steps: ['到社保经办机构办理参保登记', '选择缴费基数档次', '通过银行代扣或APP缴费', '定期查询缴费记录'],
    },
    en: {
      q: [
        'What happens if a {whoEn} in {pEn} stops paying social insurance for {n} months',
        'How does a {whoEn} in {pEn} choose the contribution base',
      ],
      intro: [
        'Flexible workers may join basic pension insurance and pay the contributions themselves.',
        'An employer that fails to pay in full is ordered to pay within a time limit.',
      ],
      steps: [
        'Register at the social insurance agency.',
        'Choose your contribution base.',
        'Pay by bank deduction or in the app.',
        'Check your payment record regularly.',
      ],
    },
    cites: [
      ['social-insurance-law', 10],
      ['social-insurance-law', 60],
      ['social-insurance-law', 63],
    ],
  },
  {
    zh: {
      q: ['{p}{who}换城市工作社保怎么转移', '{p}{who}养老保险跨省转移接续怎么办', '{p}{who}医保关系怎么转出'],
      intro: [
        '个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算。',
        '转移接续可以通过国家社会保险公共服务平台在线办理。',
      ],
      steps: [
        '向新参保地经办机构提出转入申请',
        '新参保地向原参保地发出联系函',
        '原参保地办理转出手续',
        '新参保地办理转入并记录缴费年限',
      ],
    },
    en: {
      q: [
        'How does a {whoEn} move social insurance from {pEn} to another city',
        'How is the pension transferred when a {whoEn} leaves {pEn}',
      ],
      intro: [
        'When you work in another area your pension insurance moves with you and the years add up.',
        'Transfers can be done online on the national public service platform.',
      ],
      steps: [
        'Apply for the transfer at the new agency.',
        'The new agency contacts the old one.',
        'The old agency transfers the records out.',
        'The new agency records the transfer.',
      ],
    },
    cites: [
      ['social-insurance-law', 19],
      ['social-insurance-law', 32],
    ],
  },
  {
    zh: {
      q: ['{p}{who}退休年龄是多少，工作{n}年', '{p}{who}办理退休需要什么手续', '{p}{who}可以提前退休吗'],
      intro: [
        '职工达到法定退休年龄且累计缴费满十五年的，可以按月领取基本养老金。',
        '退休手续由单位或本人向社保经办机构申请办理。',
      ],
      steps: [
        '单位或本人提交退休申请',
        '核对档案中的出生日期和工作年限',
        '社保经办机构审核',
        '核定待遇后按月领取养老金',
      ],
    },
    en: {
      q: ['What is the retirement age for a {whoEn} in {pEn}', 'What does a {whoEn} in {pEn} need to do to retire'],
      intro: [
        'You can draw a monthly pension at the statutory retirement age with fifteen years of payments.',
        'The employer or you apply to the social insurance agency for retirement.',
      ],
      steps: [
        'Submit the retirement application.',
        'Check the birth date and working years in your file.',
        'The agency reviews the application.',
        'Receive the pension monthly.',
      ],
    },
    cites: [['social-insurance-law', 16]],
  },
  {
    zh: {
      q: [
        '{p}{who}被公司辞退有经济补偿吗，工作{n}年',
        '{p}{who}公司拖欠工资怎么申请劳动仲裁',
        '{p}{who}试用期被辞退怎么办',
      ],
      intro: [
        '用人单位解除劳动合同的，应当按照劳动者在本单位工作的年限支付经济补偿。',
        '发生劳动争议的，可以向劳动争议仲裁委员会申请仲裁。',
      ],
      steps: [
        '收集劳动合同和工资发放记录',
        '向劳动争议仲裁委员会提交仲裁申请书',
        '仲裁委员会受理后开庭审理',
        '对裁决不服的可以向法院起诉',
      ],
    },
    en: {
      q: [
        'Does a {whoEn} in {pEn} get severance pay after {n} years',
        'How does a {whoEn} in {pEn} apply for labour arbitration over unpaid wages',
      ],
      intro: [
        'An employer that ends the contract pays compensation according to the years worked.',
        'A labour dispute may be brought to the labour dispute arbitration commission.',
      ],
      steps: [
        'Collect the contract and wage records.',
        'File the application with the arbitration commission.',
        'Attend the hearing.',
        'Sue in court if you disagree with the award.',
      ],
    },
    cites: [
      ['labour-contract-law', 46],
      ['labour-contract-law', 47],
      ['labour-dispute-mediation-arbitration-law', 27],
    ],
  },
];

const WHO = [
  '',
  '农民工',
  '灵活就业人员',
  '个体户',
  '女职工',
  '外地户口职工',
  '大学毕业生',
  '退休职工',
  '企业职工',
  '事业单位人员',
  '派遣员工',
  '残疾职工',
];
const WHO_EN = [
  'worker',
  'migrant worker',
  'freelancer',
  'self-employed person',
  'woman employee',
  'graduate',
  'retiree',
  'civil servant',
  'agency worker',
  'expat',
  'part-time worker',
];
const ZH_MARKERS = [
  (i: number) => `${i}、`,
  (i: number) => `${i}.`,
  (i: number) => `（${'一二三四五六七八九十'[i - 1]}）`,
  (i: number) => `${'一二三四五六七八九十'[i - 1]}、`,
  (i: number) => `第${'一二三四五六七八九十'[i - 1]}步：`,
  (i: number) => String.fromCodePoint(0x2460 + i - 1),
];
const EN_MARKERS = [
  (i: number) => `${i}. `,
  (i: number) => `(${i}) `,
  (i: number) => `Step ${i}: `,
  (i: number) => `${i}) `,
];
// Details people add to a question; they make most questions distinct, as in real collections.
const DETAIL_ZH = ['', '，工作{n}年', '，月工资{w}元', '，{y}年开始参保', '，今年{a}岁'];
const DETAIL_EN = ['', ', after {n} years of work', ', earning {w} yuan a month', ', insured since {y}', ', aged {a}'];
const SITUATION_ZH = [
  '',
  '，公司没有签劳动合同',
  '，单位一直没给交社保',
  '，刚换了工作',
  '，户口在外地',
  '，在两个城市交过社保',
  '，中间断缴过半年',
  '，现在怀孕三个月',
  '，下个月到退休年龄',
  '，单位已经倒闭',
  '，是劳务派遣',
  '，之前在老家参加了新农合',
  '，公司说试用期不交社保',
  '，个人账户里钱很少',
  '，刚从国外回来',
  '，已经办了提前退休',
  '，老板让我自己交',
  '，工资是现金发放的',
  '，之前做过个体户',
  '，医院说不能直接结算',
  '，档案丢了',
];
const SITUATION_EN = [
  '',
  ' when my employer never signed a contract',
  ' although my company stopped paying last year',
  ' having just changed jobs',
  ' with a household registration elsewhere',
  ' after paying in two cities',
  ' after a six-month gap in payments',
  ' while three months pregnant',
  ' who reaches retirement age next month',
  ' now that the company has closed',
  ' as an agency worker',
  ' if the boss says probation is not covered',
  ' when wages were paid in cash',
  ' after returning from abroad',
  ' with a lost personnel file',
  ' if the hospital refused direct settlement',
];
const LOCAL_RULES = ['《{p}市社会养老保险条例》第{n}条', '《{p}市失业保险规定》第{n}条'];

export function writeImportCorpus(path: string, count: number, seed = 7): { lines: number; bytes: number } {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const catalogue = new Map(readCatalogue().map((c) => [c.slug, c]));
  const articles = new Map(
    readLibraryVersions().flatMap((v) =>
      v.articles.map((a) => [`${v.slug}#${a.number}`, a.text.replace(/\n/g, '')] as const),
    ),
  );
  const places = (JSON.parse(readFileSync('data/places.json', 'utf8')) as { places: { zh: string[]; en: string[] }[] })
    .places;
  const fill = (t: string, p: { zh: string; en: string }, n: number) =>
    t
      .replace('{p}', p.zh)
      .replace('{pEn}', p.en)
      .replace('{who}', pick(WHO))
      .replace('{whoEn}', pick(WHO_EN))
      .replace(/\{n\}/g, String(n));
  const titles: string[] = [];
  const fd = openSync(path, 'w');
  let out: Buffer[] = [];
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const topic = pick(TOPICS);
    const zh = rnd() < 0.6;
    const place = rnd() < 0.6 ? pick(places) : null;
    const p = { zh: place?.zh[0] ?? '', en: place?.en[0] ?? 'China' };
    const n = 1 + Math.floor(rnd() * 30);
    const lang = zh ? topic.zh : topic.en;
    const detail = pick(zh ? DETAIL_ZH : DETAIL_EN)
      .replace('{w}', String(3000 + Math.floor(rnd() * 1700) * 10))
      .replace('{y}', String(1995 + Math.floor(rnd() * 30)))
      .replace('{a}', String(18 + Math.floor(rnd() * 48)));
    const situation = pick(zh ? SITUATION_ZH : SITUATION_EN);
    let question = fill(pick(lang.q) + detail + situation, p, n) + (zh ? pick(['？', '?', '', '呢？']) : '?');
    const roll = rnd();
    // About 1% of questions repeat an earlier one exactly and 1% nearly (a greeting or particle added).
    if (roll < 0.01 && titles.length > 0) question = pick(titles);
    else if (roll < 0.02 && titles.length > 0) question = zh ? `请问${pick(titles)}` : `Hello, ${pick(titles)}`;
    else titles.push(question);
    if (titles.length > 5000) titles.splice(0, 2500);
    const steps = lang.steps.slice(0, 2 + Math.floor(rnd() * (lang.steps.length - 1)));
    const marker = pick(zh ? ZH_MARKERS : EN_MARKERS);
    const stepText = steps.map((s, k) => marker(k + 1) + fill(s, p, n) + (zh ? '；' : ' ')).join('');
    const cites = [pick(topic.cites), ...(rnd() < 0.4 ? [pick(topic.cites)] : [])];
    const basis = cites.map(([slug, number]) => {
      const entry = catalogue.get(slug)!;
      const text = articles.get(`${slug}#${number}`) ?? '';
      return zh
        ? `《${entry.titleZh}》第${number}条 ${text}`
        : `Article ${number} of the ${entry.titleEn}: ${text.slice(0, 120)}`;
    });
    if (rnd() < 0.03)
      basis.push(`${fill(pick(LOCAL_RULES), p.zh ? p : { zh: '某', en: '' }, n)} 本规定由市人民政府负责解释。`);
    const intro = pick(lang.intro) + (zh ? '办理流程：' : ' The procedure: ');
    let answer = zh
      ? `法律分析：${intro}${stepText}\n法律依据：${basis.join('\n')}`
      : `Legal analysis: ${intro}${stepText}\n\nLegal basis: ${basis.join('\n')}`;
    if (rnd() < 0.1) answer = `<p>${answer.replace(/\n+/g, '</p><p>')}</p>`;
    let line = Buffer.from(JSON.stringify({ id: i, question, answer, url: `https://example.org/qa/${i}` }), 'utf8');
    // About 1% broken lines, of every kind the importer reports.
    if (rnd() < 0.01) {
      const kind = Math.floor(rnd() * 5);
      if (kind === 0) line = line.subarray(0, line.length - 5);
      else if (kind === 1) line = Buffer.from(JSON.stringify({ question }), 'utf8');
      else if (kind === 2) line = Buffer.concat([line.subarray(0, 20), Buffer.from([0xff, 0xfe]), line.subarray(20)]);
      else if (kind === 3) line = Buffer.concat([line.subarray(0, 20), Buffer.from([0]), line.subarray(20)]);
      else line = Buffer.from(JSON.stringify({ question, answer: answer.padEnd(20_001, '。') }), 'utf8');
    }
    out.push(line, Buffer.from('\n'));
    if (out.length >= 2000) {
      const chunk = Buffer.concat(out);
      writeSync(fd, chunk);
      bytes += chunk.length;
      out = [];
    }
  }
  const chunk = Buffer.concat(out);
  writeSync(fd, chunk);
  closeSync(fd);
  return { lines: count, bytes: bytes + chunk.length };
}
