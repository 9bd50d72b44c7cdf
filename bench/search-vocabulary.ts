/**
 * Word lists for bench/search-corpus.ts (the synthetic social-security Q&A corpus). Written by us.
 *
 * Every ranked list is ordered from frequent to rare: the generator samples it with a Zipf distribution, so the
 * first entries land in many documents and the last ones in few. English `acts` are infinitive verb phrases that fit
 * "How do I …?", "Can I …?"; English `sits` start with a space and follow the act. Chinese `acts` are
 * [object, verb] pairs that fit both "{object}怎么{verb}" and "{verb}{object}". `heads` and `mods` are the short
 * words queries are built from; every one of them also occurs in the topic's acts, sits or terms (or in the
 * general lists), so queries can match.
 */

/** [statute short title (zh), article number, English paraphrase, Chinese text (fallback when statutes.json is absent)]. */
export type LegalRef = [law: string, article: number, en: string, zh: string];

export interface TopicVocab {
  slug: string;
  weight: number;
  en: { acts: string[]; sits: string[]; terms: string[]; heads: string[]; mods: string[] };
  zh: { acts: [string, string][]; sits: string[]; terms: string[]; heads: string[]; mods: string[] };
  refs: LegalRef[];
  /** Articles of statutes.json used for Chinese docs: [short title, keyword the article must contain, or null]. */
  pool: [string, string | null][];
}

export const LAW_EN: Record<string, string> = {
  社会保险法: 'Social Insurance Law',
  工伤保险条例: 'Regulation on Work-Related Injury Insurance',
  失业保险条例: 'Regulation on Unemployment Insurance',
  住房公积金管理条例: 'Regulation on the Administration of Housing Provident Fund',
  社会保险费征缴暂行条例: 'Interim Regulation on the Collection of Social Insurance Premiums',
  劳动合同法: 'Labour Contract Law',
  劳动争议调解仲裁法: 'Labour Dispute Mediation and Arbitration Law',
  女职工劳动保护特别规定: 'Special Provisions on Labour Protection of Female Employees',
  社会保险经办条例: 'Regulation on Social Insurance Handling',
};

export const TOPICS: TopicVocab[] = [
  {
    slug: 'social-security-card', weight: 10,
    en: {
      acts: ['reissue my social security card', 'report the loss of my social security card', 'replace a lost social security card', 'activate my new social security card', 'apply for a social security card', 'get an electronic social security card', 'reset the PIN of my social security card', 'unlock my social security card', 'replace a damaged social security card', 'change the bank account on my social security card', 'apply for a social security card for my child', 'collect my social security card', 'cancel the loss report on my social security card', 'check the progress of my card application'],
      sits: [' after losing it', ' after it was stolen', ' after the chip stopped working', ' after changing my phone number', ' without my ID card', ' for an elderly parent', ' after forgetting the PIN'],
      terms: ['social security card', 'card', 'electronic social security card', 'service outlet', 'loss report', 'replacement card', 'chip', 'PIN', 'financial account', 'photo', 'cooperating bank', 'third-generation card', 'card receipt voucher', 'temporary loss report', 'card status', 'reissue fee', 'collection notice', 'card activation', 'magnetic stripe', 'guardian', 'face recognition', 'card number', 'self-service terminal', 'production cycle', 'card printing', 'unblocking request'],
      heads: ['social security card', 'ss card', 'electronic social security card', 'card'],
      mods: ['lost', 'reissue', 'replace', 'activate', 'stolen', 'damaged', 'pin', 'unlock', 'child', 'bank', 'photo', 'fee', 'chip', 'collect'],
    },
    zh: {
      acts: [['社保卡', '补办'], ['社保卡', '挂失'], ['社保卡', '激活'], ['社保卡', '申领'], ['电子社保卡', '领取'], ['社保卡密码', '重置'], ['社保卡', '解挂'], ['社保卡金融账户', '激活'], ['社保卡', '换领'], ['孩子的社保卡', '办理'], ['社保卡银行账户', '变更'], ['社保卡制卡进度', '查询'], ['社会保障卡', '补领']],
      sits: ['卡丢了', '卡被偷了', '芯片坏了', '换了手机号', '没带身份证', '密码忘了', '名字改了'],
      terms: ['社保卡', '社会保障卡', '电子社保卡', '服务网点', '挂失', '补卡', '芯片', '密码', '金融账户', '照片', '合作银行', '第三代社保卡', '领卡凭证', '临时挂失', '卡状态', '补卡费用', '领卡通知', '激活', '磁条', '监护人', '人脸识别', '卡号', '自助终端', '制卡周期', '解挂申请', '即时制卡'],
      heads: ['社保卡', '社会保障卡', '电子社保卡'],
      mods: ['补办', '挂失', '丢了', '激活', '密码', '芯片', '照片', '解挂', '银行', '领取', '孩子', '制卡'],
    },
    refs: [
      ['社会保险法', 58, 'The state establishes a unified national social security number, which is the citizen identity number.', '国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。'],
      ['社会保险法', 72, 'Social insurance agencies may set up branches and service outlets in their area as the work requires.', '社会保险经办机构根据工作需要，经所在地的社会保险行政部门和机构编制管理机关批准，可以在本统筹地区设立分支机构和服务网点。'],
      ['社会保险经办条例', 11, 'Social insurance agencies shall record registration, contributions, benefits and personal accounts completely and accurately.', '社会保险经办机构应当及时、完整、准确记录社会保险登记、缴费、待遇享受和个人账户等情况。'],
    ],
    pool: [['社会保险法', '社会保障号码'], ['社会保险经办条例', '社会保障卡'], ['社会保险经办条例', '经办机构']],
  },
  {
    slug: 'pension', weight: 12,
    en: {
      acts: ['calculate my monthly pension', 'check my pension contribution record', 'claim my basic pension', 'continue paying pension contributions', 'make up missing pension contributions', 'withdraw the balance of my pension personal account', 'combine pension records from two cities', 'join the resident pension scheme', 'switch from the resident pension to the employee pension', 'pay pension insurance as a flexible worker', 'increase my future pension', 'receive my pension while living abroad', 'change the bank account for my pension', 'complete the annual pension qualification check'],
      sits: [' if I only paid for ten years', ' after a contribution gap', ' if I paid in three provinces', ' after my employer went bankrupt', ' if my hukou is rural', ' while working abroad', ' after the annual pension adjustment'],
      terms: ['pension', 'basic pension', 'pension insurance', 'personal account', 'years of contribution', 'monthly pension', 'old-age insurance', 'pooled fund', 'pension calculation', 'deemed contribution years', 'annual adjustment', 'resident pension', 'employee pension', 'transitional pension', 'qualification certification', 'enterprise annuity', 'occupational annuity', 'calculation base', 'indexed average wage', 'divisor months', 'survivor benefit', 'funeral grant', 'pension arrears', 'accumulated contributions', 'pension increase', 'contribution index', 'fifteen-year rule'],
      heads: ['pension', 'pension insurance', 'basic pension', 'monthly pension', 'old-age insurance'],
      mods: ['calculate', 'years', 'gap', 'two cities', 'abroad', 'rural', 'increase', 'annuity', 'personal account', 'withdraw', 'fifteen-year', 'bankrupt', 'adjustment'],
    },
    zh: {
      acts: [['养老金', '计算'], ['养老保险缴费记录', '查询'], ['基本养老金', '领取'], ['养老保险', '续缴'], ['养老保险', '补缴'], ['养老保险个人账户', '清退'], ['两地养老保险', '合并'], ['城乡居民养老保险', '参加'], ['职工养老保险', '从居民养老转入'], ['养老保险', '以灵活就业身份缴纳'], ['养老金待遇', '提高'], ['养老金发放银行卡', '更换'], ['养老金资格认证', '办理']],
      sits: ['只交了十年', '中间断缴过', '在三个省交过', '公司破产后', '农村户口', '在国外工作', '今年调待后'],
      terms: ['养老金', '养老保险', '基本养老金', '个人账户', '缴费年限', '统筹基金', '视同缴费年限', '养老金计算', '调待', '城乡居民养老保险', '职工养老保险', '过渡性养老金', '资格认证', '企业年金', '职业年金', '计发基数', '指数化平均工资', '计发月数', '遗属待遇', '丧葬补助金', '补发养老金', '累计缴费', '养老金上涨', '缴费指数', '满十五年', '基础养老金', '退休金'],
      heads: ['养老金', '养老保险', '基本养老金', '退休金'],
      mods: ['计算', '多少钱', '断缴', '补缴', '满十五年', '个人账户', '上涨', '年金', '认证', '农村户口', '两地', '续缴'],
    },
    refs: [
      ['社会保险法', 16, 'A person who has contributed for at least fifteen years by the statutory retirement age receives a basic pension every month.', '参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。'],
      ['社会保险法', 10, 'Employees shall join basic pension insurance, with contributions paid jointly by the employer and the employee.', '职工应当参加基本养老保险，由用人单位和职工共同缴纳基本养老保险费。'],
      ['社会保险法', 12, 'The employee pays a share of his or her wage, which is credited to the personal account.', '职工应当按照国家规定的本人工资的比例缴纳基本养老保险费，记入个人账户。'],
    ],
    pool: [['社会保险法', '养老'], ['社会保险经办条例', '养老']],
  },
  {
    slug: 'medical-insurance', weight: 12,
    en: {
      acts: ['get my medical expenses reimbursed', 'register for medical treatment in another city', 'check the balance of my medical insurance account', 'join resident medical insurance', 'continue my medical insurance', 'use medical insurance at a private hospital', 'claim serious illness insurance', 'buy medicine with my medical insurance card', 'add my family to my medical insurance', 'settle hospital bills directly with medical insurance', 'use outpatient pooling benefits', 'make up a medical insurance payment'],
      sits: [' after my medical insurance lapsed', ' when I am hospitalised in another province', ' before the waiting period ends', ' after a three-month gap', ' for a chronic disease', ' for an emergency visit', ' during pregnancy'],
      terms: ['medical insurance', 'reimbursement', 'medical insurance card', 'hospital', 'designated hospital', 'outpatient', 'hospitalisation', 'reimbursement rate', 'deductible', 'personal account', 'medical expenses', 'resident medical insurance', 'employee medical insurance', 'serious illness insurance', 'drug catalogue', 'out-of-town treatment', 'filing for treatment elsewhere', 'waiting period', 'chronic disease', 'direct settlement', 'outpatient pooling', 'family mutual aid', 'payment ceiling', 'medical security bureau', 'pharmacy', 'manual reimbursement', 'self-paid portion', 'category B drugs'],
      heads: ['medical insurance', 'health insurance', 'medical insurance card', 'reimbursement'],
      mods: ['another city', 'hospital', 'lapsed', 'reimbursement rate', 'outpatient', 'chronic', 'pharmacy', 'family', 'private', 'emergency', 'deductible', 'waiting period'],
    },
    zh: {
      acts: [['医疗费用', '报销'], ['异地就医', '备案'], ['医保个人账户余额', '查询'], ['城乡居民医保', '参加'], ['医保', '续保'], ['医保', '在私立医院使用'], ['大病保险', '申请'], ['医保卡', '在药店使用'], ['医保个人账户', '给家人共济'], ['住院费用', '直接结算'], ['门诊统筹待遇', '享受'], ['医保', '补缴']],
      sits: ['医保断缴后', '在外省住院', '等待期内', '断了三个月', '得了慢性病', '急诊看病', '怀孕期间'],
      terms: ['医保', '医疗保险', '报销', '医保卡', '定点医院', '门诊', '住院', '报销比例', '起付线', '个人账户', '医疗费用', '城乡居民医保', '职工医保', '大病保险', '药品目录', '异地就医', '就医备案', '等待期', '慢性病', '直接结算', '门诊统筹', '家庭共济', '医保报销', '封顶线', '医保局', '定点药店', '手工报销', '自付部分', '乙类药品'],
      heads: ['医保', '医疗保险', '医保卡', '医保报销'],
      mods: ['断缴', '影响', '异地就医', '报销比例', '住院', '门诊', '慢性病', '药店', '家人', '起付线', '等待期', '备案'],
    },
    refs: [
      ['社会保险法', 23, 'Employees shall join basic medical insurance, with contributions paid jointly by the employer and the employee.', '职工应当参加职工基本医疗保险，由用人单位和职工按照国家规定共同缴纳基本医疗保险费。'],
      ['社会保险法', 28, 'Medical costs within the drug catalogue, treatment items and emergency care are paid from the basic medical insurance fund.', '符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救的医疗费用，按照国家规定从基本医疗保险基金中支付。'],
      ['社会保险经办条例', 23, 'The authorities shall set up a settlement system for medical treatment in another place.', '人力资源社会保障行政部门、医疗保障行政部门应当按照各自职责建立健全异地就医医疗费用结算制度。'],
    ],
    pool: [['社会保险法', '医疗'], ['医疗保障基金使用监督管理条例', null]],
  },
  {
    slug: 'unemployment-insurance', weight: 8,
    en: {
      acts: ['claim unemployment benefits', 'register as unemployed', 'calculate my unemployment benefit', 'apply for unemployment benefits online', 'get the skills training subsidy', 'receive unemployment benefits in my hometown', 'stop my unemployment benefits', 'claim the remaining unemployment benefits', 'get medical insurance while unemployed', 'apply for the job-seeking subsidy'],
      sits: [' after resigning voluntarily', ' after being laid off', ' after my contract expired', ' if I paid for less than one year', ' after finding a new job', ' while studying for a certificate', ' if my employer refuses to give a termination certificate'],
      terms: ['unemployment benefit', 'unemployment insurance', 'unemployment registration', 'termination certificate', 'benefit period', 'job seeking', 'public employment service', 'skills subsidy', 'vocational training', 'monthly payment', 'involuntary unemployment', 're-employment', 'unemployment benefit standard', 'job-seeking registration', 'medical subsidy', 'price subsidy', 'remaining months', 'job recommendation', 'unemployment certificate', 'entrepreneurship subsidy', 'stable employment rebate'],
      heads: ['unemployment benefit', 'unemployment insurance', 'unemployment benefits', 'unemployed'],
      mods: ['resign', 'laid off', 'how much', 'register', 'hometown', 'training', 'subsidy', 'contract expired', 'new job', 'online', 'termination certificate'],
    },
    zh: {
      acts: [['失业金', '领取'], ['失业登记', '办理'], ['失业保险金', '计算'], ['失业金', '网上申领'], ['技能提升补贴', '申请'], ['失业金', '回户籍地领取'], ['失业金', '停发'], ['剩余失业金', '领取'], ['失业期间医保', '缴纳'], ['求职补贴', '申请']],
      sits: ['主动辞职后', '被裁员后', '合同到期后', '缴费不满一年', '找到新工作后', '考证期间', '单位不给开离职证明'],
      terms: ['失业金', '失业保险金', '失业保险', '失业登记', '离职证明', '领取期限', '求职', '公共就业服务机构', '技能提升补贴', '职业培训', '按月发放', '非本人意愿', '再就业', '失业金标准', '求职登记', '医疗补助金', '价格临时补贴', '剩余月数', '职业介绍', '失业证', '创业补贴', '稳岗返还'],
      heads: ['失业金', '失业保险金', '失业保险'],
      mods: ['领取', '辞职', '被裁员', '多少钱', '失业登记', '条件', '培训', '补贴', '离职证明', '网上申领', '合同到期'],
    },
    refs: [
      ['社会保险法', 45, 'An unemployed person can claim unemployment benefits after one year of contributions, involuntary loss of work and unemployment registration.', '失业人员符合下列条件的，从失业保险基金中领取失业保险金。'],
      ['失业保险条例', 17, 'The benefit period is up to 12, 18 or 24 months depending on the years of contribution.', '失业人员失业前所在单位和本人按照规定累计缴费时间满1年不足5年的，领取失业保险金的期限最长为12个月。'],
      ['失业保险条例', 18, 'The benefit is set by the province, below the local minimum wage and above the urban subsistence allowance.', '失业保险金的标准，按照低于当地最低工资标准、高于城市居民最低生活保障标准的水平，由省、自治区、直辖市人民政府确定。'],
    ],
    pool: [['失业保险条例', null], ['社会保险法', '失业']],
  },
  {
    slug: 'work-injury-insurance', weight: 8,
    en: {
      acts: ['apply for work injury recognition', 'get a disability assessment', 'claim work injury compensation', 'calculate the one-off disability subsidy', 'get my medical bills paid by work injury insurance', 'extend my paid leave for work injury', 'claim compensation for an occupational disease', 'appeal a work injury decision', 'claim the funeral grant for a work death', 'apply for a recurrence of an old injury'],
      sits: [' after an accident on the way to work', ' if my employer did not buy work injury insurance', ' after the one-year deadline', ' as a dispatched worker', ' after being injured on a business trip', ' if my employer denies the injury'],
      terms: ['work injury', 'work injury insurance', 'work injury recognition', 'disability assessment', 'disability grade', 'one-off disability subsidy', 'disability allowance', 'paid leave for work injury', 'occupational disease', 'commuting accident', 'labour capacity appraisal committee', 'injury certificate', 'medical treatment for work injury', 'nursing fee', 'assistive device', 'one-off medical subsidy', 'employment subsidy', 'work death', 'dependant pension', 'burden of proof', 'traffic accident report', 'recurrence of old injury', 'work injury fund'],
      heads: ['work injury', 'work injury insurance', 'injured at work', 'occupational disease'],
      mods: ['recognition', 'compensation', 'disability', 'grade', 'deadline', 'commuting', 'accident', 'employer', 'business trip', 'appeal', 'dispatched'],
    },
    zh: {
      acts: [['工伤认定', '申请'], ['劳动能力鉴定', '申请'], ['工伤赔偿', '索要'], ['一次性伤残补助金', '计算'], ['工伤医疗费', '报销'], ['停工留薪期', '延长'], ['职业病赔偿', '申请'], ['工伤认定结论', '复议'], ['工亡丧葬补助金', '领取'], ['旧伤复发', '确认']],
      sits: ['上班途中出车祸', '单位没买工伤保险', '超过一年期限', '劳务派遣员工', '出差时受伤', '单位不承认是工伤'],
      terms: ['工伤', '工伤保险', '工伤认定', '劳动能力鉴定', '伤残等级', '一次性伤残补助金', '伤残津贴', '停工留薪期', '职业病', '上下班途中', '劳动能力鉴定委员会', '工伤认定书', '工伤医疗', '护理费', '辅助器具', '一次性工伤医疗补助金', '伤残就业补助金', '工亡', '供养亲属抚恤金', '举证责任', '交通事故认定书', '旧伤复发', '工伤保险基金'],
      heads: ['工伤', '工伤认定', '工伤保险', '职业病'],
      mods: ['赔偿', '伤残等级', '鉴定', '期限', '上下班途中', '车祸', '单位', '出差', '复议', '派遣', '材料'],
    },
    refs: [
      ['工伤保险条例', 14, 'An injury suffered at the workplace during working hours because of work shall be recognised as a work injury.', '在工作时间和工作场所内，因工作原因受到事故伤害的，应当认定为工伤。'],
      ['工伤保险条例', 17, 'The employer shall apply for work injury recognition within 30 days; otherwise the worker may apply within one year.', '用人单位未按前款规定提出工伤认定申请的，工伤职工或者其近亲属、工会组织在事故伤害发生之日起1年内，可以直接提出工伤认定申请。'],
      ['社会保险法', 33, 'Employees shall join work injury insurance; the employer pays the premium and the employee pays nothing.', '职工应当参加工伤保险，由用人单位缴纳工伤保险费，职工不缴纳工伤保险费。'],
    ],
    pool: [['工伤保险条例', null], ['社会保险法', '工伤']],
  },
  {
    slug: 'maternity-insurance', weight: 6,
    en: {
      acts: ['claim the maternity allowance', 'get childbirth costs reimbursed', 'apply for maternity leave', 'calculate my maternity allowance', 'claim maternity benefits for my unemployed wife', 'get prenatal check-up costs reimbursed', 'claim maternity benefits after a miscarriage', 'register for maternity insurance benefits online'],
      sits: [' after giving birth in another city', ' if my employer stopped paying before delivery', ' after a caesarean section', ' for twins', ' if I resigned during pregnancy', ' when the allowance is lower than my salary'],
      terms: ['maternity insurance', 'maternity allowance', 'maternity leave', 'childbirth', 'prenatal check-up', 'childbirth medical costs', 'pregnancy', 'birth certificate', 'caesarean section', 'difficult labour', 'miscarriage', 'paternity leave', 'nursing leave', 'average wage of the employer', 'breastfeeding period', 'maternity registration', 'family planning surgery', 'newborn', 'childcare leave', 'maternity subsidy'],
      heads: ['maternity insurance', 'maternity allowance', 'maternity leave', 'childbirth'],
      mods: ['claim', 'how much', 'another city', 'twins', 'miscarriage', 'resigned', 'prenatal', 'wife', 'days', 'caesarean'],
    },
    zh: {
      acts: [['生育津贴', '申领'], ['生育医疗费', '报销'], ['产假', '申请'], ['生育津贴', '计算'], ['未就业配偶生育待遇', '申请'], ['产检费用', '报销'], ['流产生育待遇', '申请'], ['生育登记', '网上办理']],
      sits: ['在外地生孩子', '生产前单位停缴', '剖腹产', '生了双胞胎', '怀孕期间离职', '津贴比工资低'],
      terms: ['生育保险', '生育津贴', '产假', '生育', '产检', '生育医疗费', '怀孕', '出生医学证明', '剖腹产', '难产', '流产', '陪产假', '护理假', '单位月平均工资', '哺乳期', '生育登记', '计划生育手术', '新生儿', '育儿假', '生育补贴', '产假天数'],
      heads: ['生育津贴', '生育保险', '产假', '生育'],
      mods: ['申领', '多少钱', '报销', '双胞胎', '流产', '离职', '产检', '配偶', '天数', '剖腹产', '异地'],
    },
    refs: [
      ['社会保险法', 54, 'Maternity insurance benefits include childbirth medical costs and the maternity allowance.', '生育保险待遇包括生育医疗费用和生育津贴。'],
      ['社会保险法', 56, 'The maternity allowance is based on the average monthly wage of the employer in the previous year.', '生育津贴按照职工所在用人单位上年度职工月平均工资计发。'],
      ['女职工劳动保护特别规定', 7, 'A female employee is entitled to 98 days of maternity leave, 15 of which may be taken before birth.', '女职工生育享受98天产假，其中产前可以休假15天。'],
    ],
    pool: [['社会保险法', '生育'], ['女职工劳动保护特别规定', null]],
  },
  {
    slug: 'housing-provident-fund', weight: 12,
    en: {
      acts: ['withdraw my housing provident fund', 'use my housing provident fund to pay rent', 'apply for a housing provident fund loan', 'transfer my housing provident fund', 'close my housing provident fund account', 'check my housing provident fund balance', 'repay my mortgage with the housing provident fund', 'unfreeze my housing provident fund account', 'pay into the housing provident fund as a freelancer', 'raise my housing provident fund contribution rate'],
      sits: [' after resigning', ' after leaving the city', ' before buying a house', ' if I have no local hukou', ' after my account was sealed', ' when my employer stopped contributing'],
      terms: ['housing provident fund', 'provident fund', 'withdrawal', 'provident fund loan', 'account balance', 'contribution rate', 'sealed account', 'rent withdrawal', 'mortgage', 'housing fund centre', 'account transfer', 'account closure', 'house purchase', 'loan limit', 'repayment', 'commercial loan', 'second home', 'loan interest rate', 'supplementary provident fund', 'offset loan', 'monthly deposit', 'off-site loan'],
      heads: ['housing provident fund', 'provident fund', 'housing fund', 'provident fund loan'],
      mods: ['withdraw', 'resign', 'rent', 'loan', 'transfer', 'balance', 'mortgage', 'leaving', 'sealed', 'freelancer', 'hukou'],
    },
    zh: {
      acts: [['公积金', '提取'], ['公积金', '租房提取'], ['公积金贷款', '申请'], ['公积金', '转移'], ['公积金账户', '销户'], ['公积金余额', '查询'], ['房贷', '用公积金还'], ['公积金账户', '解封'], ['公积金', '以个人身份缴存'], ['公积金缴存比例', '调整']],
      sits: ['离职后', '离开这个城市后', '买房前', '没有本地户口', '账户封存后', '单位停缴后'],
      terms: ['公积金', '住房公积金', '提取', '公积金贷款', '账户余额', '缴存比例', '封存', '租房提取', '房贷', '公积金中心', '异地转移', '销户', '购房', '贷款额度', '还款', '商业贷款', '二套房', '贷款利率', '补充公积金', '冲还贷', '月缴存额', '异地贷款'],
      heads: ['公积金', '住房公积金', '公积金贷款'],
      mods: ['提取', '离职', '租房', '贷款', '转移', '余额', '房贷', '封存', '销户', '户口', '额度'],
    },
    refs: [
      ['住房公积金管理条例', 3, 'The housing provident fund paid by the employee and by the employer for the employee belongs to the employee.', '职工个人缴存的住房公积金和职工所在单位为职工缴存的住房公积金，属于职工个人所有。'],
      ['住房公积金管理条例', 24, 'An employee may withdraw the balance to buy or repair a home, on retirement, to repay a mortgage or to pay rent.', '职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额。'],
      ['住房公积金管理条例', 26, 'An employee who pays into the fund may apply for a housing provident fund loan to buy or build a home.', '缴存住房公积金的职工，在购买、建造、翻建、大修自住住房时，可以向住房公积金管理中心申请住房公积金贷款。'],
    ],
    pool: [['住房公积金管理条例', null]],
  },
  {
    slug: 'contributions', weight: 9,
    en: {
      acts: ['find out my contribution base', 'pay social insurance as a flexible worker', 'make up unpaid social insurance contributions', 'report my employer for not paying social insurance', 'check who pays which contribution', 'pay social insurance through an agency', 'lower my social insurance contribution base', 'get a social insurance payment certificate', 'pay social insurance contributions online', 'stop paying social insurance'],
      sits: [' if my employer pays on the minimum base', ' during the probation period', ' if I signed a waiver', ' after the base was adjusted in July', ' if my salary is paid in cash', ' for part-time work'],
      terms: ['contribution base', 'social insurance contributions', 'contribution rate', 'employer share', 'employee share', 'average social wage', 'minimum base', 'maximum base', 'late fee', 'back payment', 'payment certificate', 'tax bureau', 'flexible employment', 'contribution record', 'withholding', 'arrears', 'payroll', 'base adjustment', 'contribution details', 'social insurance agency', 'waiver agreement', 'collection authority'],
      heads: ['social insurance', 'contribution base', 'social insurance contributions', 'contributions'],
      mods: ['employer', 'minimum', 'probation', 'make up', 'flexible', 'agency', 'certificate', 'late fee', 'base', 'cash', 'part-time'],
    },
    zh: {
      acts: [['缴费基数', '确定'], ['社保', '以灵活就业身份缴纳'], ['社保', '补缴'], ['单位不交社保', '投诉'], ['缴费比例', '查询'], ['社保', '找代理机构代缴'], ['社保基数', '调低'], ['社保缴费证明', '开具'], ['社保费', '网上缴纳'], ['社保', '停缴']],
      sits: ['单位按最低基数交', '试用期内', '签了自愿放弃协议', '七月调基数后', '工资发现金', '做兼职'],
      terms: ['缴费基数', '社保费', '缴费比例', '单位缴纳部分', '个人缴纳部分', '社平工资', '基数下限', '基数上限', '滞纳金', '补缴', '缴费证明', '税务局', '灵活就业', '缴费记录', '代扣代缴', '欠缴', '工资总额', '基数调整', '缴费明细', '社保经办机构', '放弃社保协议', '征收机构'],
      heads: ['社保', '缴费基数', '社保基数', '交社保'],
      mods: ['单位', '最低', '试用期', '补缴', '灵活就业', '代缴', '证明', '滞纳金', '比例', '现金', '兼职'],
    },
    refs: [
      ['社会保险法', 60, 'The employer shall declare and pay social insurance contributions on time and in full, withholding the employee share.', '用人单位应当自行申报、按时足额缴纳社会保险费，非因不可抗力等法定事由不得缓缴、减免。'],
      ['社会保险法', 86, 'An employer who fails to pay on time is ordered to pay and charged a late fee of 0.05% per day.', '用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足，并自欠缴之日起，按日加收万分之五的滞纳金。'],
      ['社会保险费征缴暂行条例', 12, 'The employee share is withheld from the wage by the employer, and contributions may not be waived.', '缴费个人应当缴纳的社会保险费，由所在单位从其本人工资中代扣代缴。'],
    ],
    pool: [['社会保险费征缴暂行条例', null], ['社会保险法', '缴纳']],
  },
  {
    slug: 'transfer-continuation', weight: 8,
    en: {
      acts: ['transfer my social insurance to another city', 'transfer my pension insurance across provinces', 'move my medical insurance to a new city', 'continue my social insurance in a new job', 'merge social insurance records from two cities', 'get a participation certificate for the transfer', 'check the progress of my social insurance transfer', 'transfer my social insurance back to my hometown'],
      sits: [' after changing jobs', ' after moving from Beijing to Chengdu', ' if there is a gap between the two jobs', ' when I paid in both places in the same month', ' without going back in person', ' if I am over fifty'],
      terms: ['transfer', 'social insurance transfer', 'another city', 'insured place', 'transfer certificate', 'participation certificate', 'transfer application', 'contact letter', 'pooled fund transfer', 'personal account transfer', 'temporary account', 'repeated contributions', 'cross-province transfer', 'national transfer platform', 'hometown', 'household registration place', 'transfer-in', 'transfer-out', 'continuation', 'combined calculation'],
      heads: ['social insurance transfer', 'transfer', 'pension transfer', 'medical insurance transfer'],
      mods: ['another city', 'another province', 'hometown', 'new job', 'online', 'gap', 'certificate', 'progress', 'two cities', 'back'],
    },
    zh: {
      acts: [['社保', '跨城市转移'], ['养老保险', '跨省转移'], ['医保关系', '异地转移'], ['社保', '在新单位接续'], ['两地社保', '合并'], ['参保凭证', '开具'], ['社保转移进度', '查询'], ['社保', '回老家续交']],
      sits: ['换工作后', '从北京到成都', '两份工作之间有空档', '同一个月两地都交了', '不回去本人办理', '年满五十岁'],
      terms: ['转移接续', '社保转移', '异地', '参保地', '转移凭证', '参保凭证', '转移申请', '联系函', '统筹基金转移', '个人账户转移', '临时账户', '重复缴费', '跨省转移', '国家社保平台', '老家', '户籍地', '转入', '转出', '接续', '合并计算', '医保转移', '养老保险转移', '转回户籍地'],
      heads: ['社保转移', '转移接续', '养老保险转移', '医保转移'],
      mods: ['异地', '跨省', '老家', '新单位', '网上', '断档', '凭证', '进度', '两地', '转回'],
    },
    refs: [
      ['社会保险法', 19, 'When a person works in another area, the pension insurance relationship moves with the person and the years add up.', '个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算。'],
      ['社会保险经办条例', 12, 'The employee pension insurance relationship moves with the person who works across areas.', '参加职工基本养老保险的个人跨统筹地区就业，其职工基本养老保险关系随同转移。'],
      ['社会保险经办条例', 16, 'Social insurance agencies shall complete transfer procedures within the prescribed time and inform the applicant.', '用人单位和个人办理社会保险关系转移接续手续的，社会保险经办机构应当在规定时限内办理完毕。'],
    ],
    pool: [['社会保险法', '转移'], ['社会保险经办条例', '转移']],
  },
  {
    slug: 'retirement', weight: 7,
    en: {
      acts: ['apply for retirement', 'retire early', 'find out my statutory retirement age', 'postpone my retirement', 'handle retirement procedures for my mother', 'retire in my hometown', 'claim the survivor benefits of a retired parent', 'keep working after retirement'],
      sits: [' under the delayed retirement policy', ' if my personnel file is lost', ' because of a special type of work', ' if I am a female cadre', ' if my birth date in the file is wrong', ' due to illness'],
      terms: ['retirement', 'retirement age', 'statutory retirement age', 'delayed retirement', 'early retirement', 'retirement procedures', 'personnel file', 'retirement approval', 'special type of work', 'female cadre', 'birth date', 'retirement certificate', 'flexible retirement', 'rehiring', 'survivor', 'funeral grant', 'pension start', 'labour relationship ends', 'date of birth dispute', 'illness retirement'],
      heads: ['retirement', 'retirement age', 'retire', 'early retirement'],
      mods: ['age', 'early', 'delayed', 'procedures', 'personnel file', 'female', 'special type', 'hometown', 'illness', 'rehiring'],
    },
    zh: {
      acts: [['退休手续', '办理'], ['退休', '提前'], ['法定退休年龄', '查询'], ['退休', '延迟'], ['母亲的退休手续', '代办'], ['退休', '回户籍地办理'], ['退休父母的遗属待遇', '领取'], ['返聘', '接受']],
      sits: ['按延迟退休政策', '档案丢了', '从事特殊工种', '女干部', '档案里出生日期不对', '因病'],
      terms: ['退休', '退休年龄', '法定退休年龄', '延迟退休', '提前退休', '退休手续', '人事档案', '退休审批', '特殊工种', '女干部', '出生日期', '退休证', '弹性退休', '返聘', '遗属', '丧葬补助金', '开始领取养老金', '劳动关系终止', '出生日期争议', '病退', '女性退休年龄'],
      heads: ['退休', '退休年龄', '延迟退休', '提前退休'],
      mods: ['年龄', '提前', '延迟', '手续', '档案', '女性', '特殊工种', '返聘', '病退', '退休证'],
    },
    refs: [
      ['社会保险法', 16, 'A person with at least fifteen years of contributions receives a monthly pension from the statutory retirement age.', '参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。'],
      ['社会保险经办条例', 18, 'The social insurance agency shall process an application for the basic pension within 20 working days.', '用人单位和个人应当按照国家规定，向社会保险经办机构提出领取基本养老金的申请。社会保险经办机构应当自收到申请之日起20个工作日内办理完毕。'],
      ['社会保险经办条例', 19, 'Survivors of an insured person may claim the funeral grant and survivor pension.', '参加职工基本养老保险的个人死亡，其遗属可以依法向社会保险经办机构申领丧葬补助金和抚恤金。'],
    ],
    pool: [['社会保险法', '退休'], ['社会保险经办条例', '养老金']],
  },
  {
    slug: 'labour-contracts-disputes', weight: 8,
    en: {
      acts: ['apply for labour arbitration', 'claim severance pay', 'get double wages for having no written contract', 'resign without losing my rights', 'recover unpaid wages', 'sue my employer over social insurance', 'prove a labour relationship', 'challenge an unfair dismissal', 'claim overtime pay', 'end my probation early'],
      sits: [' after being fired', ' if I have no written contract', ' after the company moved away', ' if my boss disappeared', ' within one year', ' during the probation period', ' as a delivery rider'],
      terms: ['labour contract', 'labour arbitration', 'employer', 'severance pay', 'economic compensation', 'dismissal', 'resignation', 'probation', 'unpaid wages', 'written contract', 'double wages', 'labour relationship', 'overtime pay', 'arbitration commission', 'limitation period', 'labour inspection', 'evidence', 'mediation', 'lawsuit', 'unlawful termination', 'compensation for damages', 'non-compete', 'open-ended contract', 'labour dispatch'],
      heads: ['labour arbitration', 'labour contract', 'severance', 'labour dispute', 'unpaid wages'],
      mods: ['employer', 'fired', 'no contract', 'double wages', 'probation', 'overtime', 'evidence', 'one year', 'compensation', 'resign'],
    },
    zh: {
      acts: [['劳动仲裁', '申请'], ['经济补偿金', '索要'], ['未签合同二倍工资', '主张'], ['辞职申请', '提交'], ['拖欠工资', '讨回'], ['单位不交社保', '起诉'], ['劳动关系', '证明'], ['违法辞退赔偿', '主张'], ['加班费', '要回'], ['试用期', '提前结束']],
      sits: ['被辞退后', '入职后一直没签合同', '公司搬走了', '老板跑路了', '一年内', '试用期内', '做外卖骑手'],
      terms: ['劳动合同', '劳动仲裁', '用人单位', '经济补偿', '经济补偿金', '辞退', '辞职', '试用期', '拖欠工资', '书面劳动合同', '二倍工资', '劳动关系', '加班费', '仲裁委员会', '仲裁时效', '劳动监察', '证据', '调解', '起诉', '违法解除', '赔偿金', '竞业限制', '无固定期限劳动合同', '劳务派遣'],
      heads: ['劳动仲裁', '劳动合同', '经济补偿', '劳动争议', '拖欠工资'],
      mods: ['单位', '辞退', '没签合同', '二倍工资', '试用期', '加班费', '证据', '时效', '赔偿', '辞职', '流程'],
    },
    refs: [
      ['劳动合同法', 10, 'A written labour contract shall be concluded within one month of the start of employment.', '已建立劳动关系，未同时订立书面劳动合同的，应当自用工之日起一个月内订立书面劳动合同。'],
      ['劳动合同法', 47, 'Severance pay is one month of wages for each full year of service.', '经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付。'],
      ['劳动争议调解仲裁法', 27, 'The limitation period for applying for labour arbitration is one year.', '劳动争议申请仲裁的时效期间为一年。'],
    ],
    pool: [['劳动合同法', null], ['劳动争议调解仲裁法', null], ['劳动法', null]],
  },
];

/** General words shared by all topics, frequent to rare. */
export const GENERAL_EN = ['social insurance', 'employer', 'contributions', 'online service hall', 'contribution record', 'personal account', 'local policy', 'official app', 'insured place', '12333 hotline', 'bank account', 'average wage', 'hukou', 'five insurances and one fund', 'residence permit', 'labour contract', 'minimum wage', 'government service website', 'mobile app', 'WeChat mini program', 'payment certificate', 'flexible employment', 'service counter', 'social security number', 'Alipay', 'tax bureau', 'benefit standard', 'late fee', 'unified platform', 'appointment system', 'queue number', 'identity verification', 'service guide', 'policy notice', 'hardship allowance'];
export const GENERAL_ZH = ['社保', '社会保险', '用人单位', '网上办事大厅', '缴费记录', '个人账户', '当地政策', '官方APP', '参保地', '12333热线', '银行账户', '社平工资', '户口', '五险一金', '居住证', '劳动合同', '最低工资', '政务服务网', '手机APP', '微信小程序', '缴费证明', '灵活就业', '服务窗口', '社会保障号码', '支付宝', '税务局', '待遇标准', '滞纳金', '统一平台', '预约系统', '排队号', '身份核验', '办事指南', '政策通知', '困难补助'];
export const CHANNELS_EN = ['online service hall', 'official app', 'government service website', 'WeChat mini program', 'Alipay city service', 'national social insurance public service platform'];
export const CHANNELS_ZH = ['网上办事大厅', '官方APP', '政务服务网', '微信小程序', '支付宝城市服务', '国家社会保险公共服务平台'];
export const OFFICES_EN = ['social security bureau', 'social insurance agency', 'human resources and social security bureau', 'medical security bureau', 'housing provident fund centre', 'government service centre', 'street service centre', 'public employment service centre', 'labour dispute arbitration commission', 'labour inspection brigade', 'tax bureau', 'community service station'];
export const OFFICES_ZH = ['社保局', '社保经办机构', '人社局', '医保局', '公积金中心', '政务服务中心', '街道便民服务中心', '公共就业服务中心', '劳动人事争议仲裁委员会', '劳动监察大队', '税务局', '社区服务站'];
export const MATERIALS_EN = ['ID card', 'household register', 'labour contract', 'termination certificate', 'bank card', 'application form', 'medical records', 'residence permit', 'marriage certificate', 'birth certificate', 'diagnosis certificate', 'payment receipt', 'salary slips', 'attendance records', 'contribution certificate', 'house purchase contract', 'rental contract', 'personnel file', 'power of attorney', 'hospital invoice', 'discharge summary', 'retirement approval form'];
export const MATERIALS_ZH = ['身份证', '户口本', '劳动合同', '离职证明', '银行卡', '申请表', '病历', '居住证', '结婚证', '出生医学证明', '诊断证明', '缴费凭证', '工资条', '考勤记录', '参保证明', '购房合同', '租房合同', '人事档案', '授权委托书', '医疗发票', '出院小结', '退休审批表'];
export const PERSONAS_EN = ['a freelancer', 'a migrant worker', 'a fresh graduate', 'a foreign employee', 'a part-time worker', 'a dispatched worker', 'a rural resident', 'a self-employed person', 'a courier', 'a ride-hailing driver', 'a domestic helper', 'a retired teacher'];
export const PERSONAS_ZH = ['灵活就业人员', '农民工', '应届毕业生', '外籍员工', '兼职人员', '劳务派遣员工', '农村居民', '个体户', '快递员', '网约车司机', '家政服务员', '退休教师'];
export const GENERAL_SITS_EN = [' after resigning', ' after changing jobs', ' after moving to another city', ' if my employer stopped paying', ' after being laid off', ' if I have a non-local hukou', ' after my company went bankrupt', ' after returning from abroad', ' on sick leave'];
export const GENERAL_SITS_ZH = ['离职后', '换工作后', '去外地工作后', '单位停缴后', '被裁员后', '外地户口', '公司倒闭后', '回国后', '请病假期间'];
export const GENERAL_MODS_EN = ['online', 'documents', 'how long', 'employer', 'another city', 'apply', 'bureau', 'hotline'];
export const GENERAL_MODS_ZH = ['怎么办', '在哪里办', '材料', '流程', '条件', '多久', '网上办理', '影响', '异地', '需要什么'];

/** Region → [English city, Chinese city, English districts, Chinese districts]. */
export const REGIONS: Record<string, [string, string, string[], string[]]> = {
  'CN-BJ': ['Beijing', '北京', ['Chaoyang', 'Haidian', 'Dongcheng', 'Xicheng', 'Fengtai', 'Tongzhou', 'Changping', 'Daxing'], ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '通州区', '昌平区', '大兴区']],
  'CN-SH': ['Shanghai', '上海', ['Pudong', 'Minhang', 'Xuhui', "Jing'an", 'Huangpu', 'Baoshan', 'Jiading', 'Songjiang'], ['浦东新区', '闵行区', '徐汇区', '静安区', '黄浦区', '宝山区', '嘉定区', '松江区']],
  'CN-GD-GZ': ['Guangzhou', '广州', ['Tianhe', 'Yuexiu', 'Haizhu', 'Baiyun', 'Panyu', 'Liwan', 'Huadu', 'Nansha'], ['天河区', '越秀区', '海珠区', '白云区', '番禺区', '荔湾区', '花都区', '南沙区']],
  'CN-GD-SZ': ['Shenzhen', '深圳', ['Futian', 'Nanshan', 'Luohu', "Bao'an", 'Longgang', 'Longhua', 'Guangming', 'Pingshan'], ['福田区', '南山区', '罗湖区', '宝安区', '龙岗区', '龙华区', '光明区', '坪山区']],
  'CN-ZJ-HZ': ['Hangzhou', '杭州', ['Xihu', 'Shangcheng', 'Gongshu', 'Binjiang', 'Xiaoshan', 'Yuhang', 'Linping', 'Qiantang'], ['西湖区', '上城区', '拱墅区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区']],
  'CN-SC-CD': ['Chengdu', '成都', ['Jinjiang', 'Qingyang', 'Wuhou', 'Chenghua', 'Jinniu', 'Shuangliu', 'Pidu', 'Longquanyi'], ['锦江区', '青羊区', '武侯区', '成华区', '金牛区', '双流区', '郫都区', '龙泉驿区']],
};
/** Cities a nationwide ('CN') question may mention, [en, zh]. */
export const OTHER_CITIES: [string, string][] = [['Wuhan', '武汉'], ['Nanjing', '南京'], ['Changsha', '长沙'], ["Xi'an", '西安'], ['Zhengzhou', '郑州'], ['Chongqing', '重庆'], ['Tianjin', '天津'], ['Suzhou', '苏州'], ['Dongguan', '东莞'], ['Foshan', '佛山'], ['Hefei', '合肥'], ['Jinan', '济南'], ['Qingdao', '青岛'], ['Shenyang', '沈阳'], ['Harbin', '哈尔滨'], ['Kunming', '昆明'], ['Nanning', '南宁'], ['Fuzhou', '福州'], ['Xiamen', '厦门'], ['Ningbo', '宁波'], ['Wuxi', '无锡'], ['Changchun', '长春'], ['Shijiazhuang', '石家庄'], ['Taiyuan', '太原'], ['Nanchang', '南昌'], ['Guiyang', '贵阳'], ['Lanzhou', '兰州'], ['Urumqi', '乌鲁木齐'], ['Hohhot', '呼和浩特'], ['Haikou', '海口']];
export const GENERIC_DISTRICTS: [string, string][] = [['Xinhua', '新华区'], ['Gaoxin', '高新区'], ['Jingkai', '经开区'], ['Chengguan', '城关区'], ['Zhongshan', '中山区'], ['Shinan', '市南区'], ['Jinshui', '金水区'], ['Yuelu', '岳麓区'], ['Jiangbei', '江北区'], ['Lianhu', '莲湖区']];
export const GENERIC_PLACES_EN = [' in another city', ' in my hometown', ' in another province', ' across provinces'];
export const GENERIC_PLACES_ZH = ['异地', '外地', '老家', '跨省'];
/** Company names: pinyin/characters × industry. */
export const COMPANY_PREFIX: [string, string][] = [['Huaxin', '华信'], ['Zhongtai', '中泰'], ['Hengda', '恒达'], ['Xinda', '鑫达'], ['Jinyuan', '金源'], ['Ruifeng', '瑞丰'], ['Tianhong', '天宏'], ['Boyuan', '博远'], ['Kangda', '康达'], ['Yongsheng', '永盛'], ['Shengtai', '盛泰'], ['Haoyu', '浩宇'], ['Mingyang', '明阳'], ['Dingxin', '鼎新'], ['Lianchuang', '联创'], ['Hongtu', '宏图'], ['Xinghe', '星河'], ['Jiahe', '嘉禾'], ['Anxin', '安信'], ['Fuyuan', '富源'], ['Chuangyi', '创意'], ['Huamei', '华美'], ['Zhongxing', '中兴'], ['Baoli', '宝利'], ['Wanjia', '万家'], ['Longteng', '龙腾'], ['Yuanhang', '远航'], ['Jinqiao', '金桥'], ['Tianyi', '天翼'], ['Ruida', '瑞达']];
export const COMPANY_INDUSTRY: [string, string][] = [['Electronics', '电子'], ['Logistics', '物流'], ['Technology', '科技'], ['Trading', '贸易'], ['Construction', '建筑'], ['Catering', '餐饮'], ['Property Management', '物业管理'], ['Textile', '纺织'], ['Auto Parts', '汽车配件'], ['Software', '软件'], ['Pharmaceutical', '医药'], ['Education', '教育'], ['Retail', '零售'], ['Security Services', '保安服务'], ['Printing', '印刷']];
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Sentence templates. Slots: {T} topic term, {G} general term, {A} act (en: verb phrase; zh: verb + object),
 * {S} situation (en: with a leading space), {C} city, {D} district, {N} small number, {K} amount in yuan, {Y} year,
 * {M} month, {Q} online channel, {O} office, {R} document, {P} persona, {E} company. Titles also use {W} place and, in Chinese, {B}
 * object and {V} verb of the act. Earlier templates are picked more often.
 */
export const TEMPLATES = {
  en: {
    details: ['I have been working in {C} for {N} years and my employer has always paid my social insurance.', 'I want to {A}{S}, but I am not sure how the process works.', 'My company, {E}, is located in {D} district of {C}.', 'I am {P} and this is my first time dealing with the {T}.', 'In {M} {Y} I left my job at {E} and I now live in {C}.', 'The staff at the {O} told me that I need to provide my {R} first.', 'My monthly salary is about {K} yuan and my contribution base is {K} yuan.', 'Someone told me that {T} cannot be handled online, is that true?', 'I checked my {G} on the {Q} but the record from {Y} is missing.', 'My hukou is registered in {C}, but I work in {D} district.', 'I am worried about my {T}{S}.', 'Could you explain what I should do about the {T}{S}?', 'My friend in {C} said the rules for {T} are different there.', 'I would like to know whether I can {A} online or only at the {O}.', 'The {O} in {D} district asked me to bring my {R} and my {R}.', 'My wife works for {E} and has a similar question about her {T}.'],
    analysis: ['According to the rules, {T} is handled by the {O} where you are insured.', 'In most cities a request to {A} can be made through the {Q} or at a service counter.', 'The key point is whether contributions were paid continuously for at least {N} months, which matters for the {T}.', 'If your employer failed to pay social insurance, you can complain to the {O} or apply for labour arbitration.', 'Please note that the {G} may differ between {C} and other cities.', 'Generally speaking, it takes about {N} working days after the {O} accepts your application.', 'You should keep your {R} and the receipt, because you may need them when you {A} later.', 'The amount depends on your {T}, your {G} and the average wage in {C}.', 'In {Y}, many places adjusted the rules on {T}, so check the latest notice of the local {O}.', 'Your rights are protected by law, and the {O} cannot refuse a complete application.', 'If the record shows a gap, you may be able to make up the missing months within {N} months and keep your {T} rights.', 'It is a good idea to call the 12333 hotline before you go, to confirm which documents are required, such as the {R}.', 'For {P}, the rules on {T} are slightly different from those for regular employees.', 'The {G} and the {T} are two separate things, so do not mix them up.', 'Many people in {C} ask this question, and the answer is usually yes, with some conditions.', 'Compared with the {T}, the {T} usually takes longer to process.', 'The money is paid to the bank account linked to your social security card.', 'When you move to another city, your {T} does not disappear; it can be transferred.', 'This question also affects your {T}, so consider both together.', 'The standard in {C} for {Y} is about {K} yuan per month.', 'If you are not satisfied with the decision, you may apply for administrative review within {N} days.', 'Employers who refuse to cooperate can be reported to the {O}, which will order them to correct it.'],
    steps: ['Prepare your {R}, your {R} and a recent photo.', 'Log in to the {Q} and choose the {T} service.', 'Go to the {O} in {D} district and take a number at the counter.', 'Fill in the application form and submit it together with your {R}.', 'Wait about {N} working days for the review result.', 'Check the progress on the {Q} or collect the result at the counter.', 'If the application is rejected, ask the {O} for a written reason.', 'Keep all receipts and records of the {T} for future reference.', 'Confirm the bank account for any payment related to the {T}.', 'Ask your employer to issue the {R} and stamp it.', 'Make an appointment through the {Q} to avoid waiting.', 'Sign the confirmation form and keep a copy of your {R}.'],
  },
  zh: {
    details: ['我在{C}工作了{N}年，单位一直给我交社保。', '我想{A}，但是不清楚具体流程。', '我是{P}，{S}，不知道{T}会不会受影响。', '我所在的{E}在{C}{D}。', '{Y}年{M}月我从{E}离职，现在在{C}找工作。', '{O}的工作人员说需要先提供{R}。', '我每月工资大约{K}元，缴费基数是{K}元。', '听说{T}不能在网上办理，是真的吗？', '我在{Q}上查询{G}，发现{Y}年的记录不见了。', '我的户口在{C}，但在{D}上班。', '请问{S}，{T}应该怎么处理？', '朋友说{C}的{T}政策和这边不一样。', '我想知道能不能在网上{A}，还是必须去{O}。', '{D}的{O}让我带上{R}和{R}。', '我爱人在{E}上班，她的{T}也有类似的问题。'],
    analysis: ['按照规定，{T}由参保地的{O}负责办理。', '一般情况下，可以通过{Q}或者到窗口{A}。', '关键要看是否连续缴费满{N}个月，这关系到{T}。', '如果用人单位没有依法缴纳社保，可以向{O}投诉，也可以申请劳动仲裁。', '需要注意的是，{C}的{G}和其他城市可能不同。', '通常{O}受理申请后{N}个工作日内办结。', '建议保留好{R}和回执，以后{A}时可能还会用到。', '具体金额与{T}、{G}以及{C}的社平工资有关。', '{Y}年以来，不少地方调整了{T}政策，请以当地{O}的最新通知为准。', '您的权益受法律保护，材料齐全的申请{O}不能拒绝受理。', '如果记录显示中间有断档，可以在{N}个月内补缴，以免影响{T}。', '去之前最好先打12333问清楚是否需要{R}。', '对于{P}来说，{T}的规定和普通职工略有不同。', '{T}和{G}是两回事，不要混淆。', '{C}很多人问过这个问题，一般来说是可以的，但有一定条件。', '相比{T}，{T}的办理时间通常更长。', '很多人关心{T}到底能拿多少钱，这要看{G}和缴费年限。', '待遇会发放到与社保卡绑定的银行账户。', '换城市工作后，{T}不会清零，可以办理转移接续。', '这个问题也会影响{T}，建议一并考虑。', '{C}{Y}年的标准大约是每月{K}元。', '如果对决定不服，可以在{N}日内申请行政复议。', '用人单位拒不配合的，可以向{O}举报，由其责令改正。'],
    steps: ['准备好{R}、{R}和近期照片。', '登录{Q}，选择{T}业务。', '前往{D}的{O}，在窗口取号。', '填写申请表，连同{R}一并提交。', '等待约{N}个工作日的审核结果。', '通过{Q}查询办理进度，或者到窗口领取结果。', '如果申请被驳回，可以要求{O}出具书面理由。', '保存好{T}相关的票据和记录，以备查询。', '确认{T}相关款项的收款银行账户。', '请单位开具{R}并加盖公章。', '通过{Q}提前预约，避免排队。', '签署确认表，并保留一份{R}复印件。'],
  },
  titleEn: ['How do I {A}{S}{W}?', 'Can I {A}{S}{W}?', 'What documents do I need to {A}{W}{S}?', 'Where can I {A}{S}{W}?', 'How long does it take to {A}{S}{W}?', 'Is it possible to {A}{S}{W}?', 'What is the process to {A}{S}{W}?', 'Who should I contact to {A}{S}?', '{P}, how can I {A}{S}{W}?', 'How much does it cost to {A}{W}{S}?', 'Is there a deadline to {A}{S}?', 'What should I do if I cannot {A}{S}{W}?', 'Do I need to go in person to {A}{W}?', 'Can a relative {A} for me{S}?'],
  titleZh: ['{W}{S}{B}怎么{V}？', '{S}，{B}在哪里{V}？', '{W}{B}{V}需要什么材料？', '{W}{S}{B}{V}要多长时间？', '{B}{V}一般要多久？', '{P}{S}可以{V}{B}吗？', '{S}，{B}还能{V}吗？', '请问{W}{V}{B}有什么条件？', '{W}{B}{V}的流程是什么？', '{S}想{V}{B}，应该去哪里办？', '{P}怎么{V}{B}？', '{V}{B}需要本人到场吗？', '{W}{V}{B}要花钱吗？', '{S}{B}{V}可以网上办理吗？', '{S}对{B}有什么影响？'],
};
